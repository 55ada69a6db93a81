import {nextMarker, pageOf, type Page} from './answer.js';
import {asArray, asString, field} from './json-access.js';

/** kms:ListAliases (with `--key-id`): one page of the key's alias names, `alias/NAME`. */
export const aliasesPageOf = (answer: unknown): Page<string> =>
	pageOf(
		asArray(field(answer, 'Aliases')).flatMap(alias => asString(field(alias, 'AliasName')) ?? []),
		nextMarker(answer, 'Truncated', 'NextMarker'),
	);

/**
 * The key's aliases: the one a DescribeKey of an alias proved names it (kms:ListAliases is an IAM-only
 * permission and works in the key's own account only), then those ListAliases found. Undefined when none.
 */
export const keyAliases = (resolvedAlias: string | undefined, listed: readonly string[]): string[] | undefined => {
	const names = [...new Set([...(resolvedAlias ? [resolvedAlias] : []), ...listed])];
	return names.length > 0 ? names : undefined;
};
