import {listPageOf, type Mapped, type Page} from './answer.js';
import {asString, field} from './json-access.js';

/** kms:ListAliases (with `--key-id`): one page of the key's alias names, `alias/NAME`; without its list, a problem. */
export const aliasesPageOf = (answer: unknown): Mapped<Page<string>> =>
	listPageOf(answer, {list: 'Aliases', missing: 'so it does not say which aliases the key has', truncated: 'Truncated', marker: 'NextMarker'}, alias =>
		asString(field(alias, 'AliasName')),
	);

/** The key's aliases, and whether they are all of them (kms:ResourceAliases needs the complete list). */
export type KeyAliases = {
	/** Undefined when none is known. `[]`: ListAliases answered, and the key has none. */
	readonly aliases?: string[];
	/** Some aliases are known but ListAliases did not answer: the snapshot notes the list as partial. */
	readonly partial: boolean;
};

/**
 * The key's aliases: the one a DescribeKey of an alias proved names it (kms:ListAliases is an IAM-only
 * permission and works in the key's own account only), then those ListAliases found. `listed` is undefined
 * when ListAliases was not read or failed: then the list is partial (KMS, "The kms:ResourceAliases condition
 * key allows or denies access to a KMS key based on the aliases associated with the KMS key").
 */
export const keyAliases = (resolvedAlias: string | undefined, listed: readonly string[] | undefined): KeyAliases => {
	const names = [...new Set([...(resolvedAlias ? [resolvedAlias] : []), ...(listed ?? [])])];
	if (listed !== undefined) return {aliases: names, partial: false};
	return names.length > 0 ? {aliases: names, partial: true} : {partial: false};
};
