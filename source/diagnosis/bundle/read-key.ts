import type {GrantConstraints, KeyGrant, KeyInfo, KeyManager, KeyState} from '../snapshot.js';
import {noteOf} from './bundle-files.js';
import {calls} from './bundle-layout.js';
import {asArray, asBoolean, asObject, asString, field, policyDocument, strings} from './json-access.js';
import type {ReadContext} from './read-principal.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

const keyStates: readonly string[] = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Creating', 'Updating'];
const keyArnPattern = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

const stringMap = (value: unknown): Record<string, string> | undefined => {
	const object = asObject(value);
	if (!object) return undefined;
	return Object.fromEntries(Object.entries(object).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
};

const grantOf = (value: unknown): KeyGrant | undefined => {
	const granteePrincipal = asString(field(value, 'GranteePrincipal'));
	if (!granteePrincipal) return undefined;
	const grantId = asString(field(value, 'GrantId'));
	const name = asString(field(value, 'Name'));
	const retiringPrincipal = asString(field(value, 'RetiringPrincipal'));
	const equals = stringMap(field(value, 'Constraints', 'EncryptionContextEquals'));
	const subset = stringMap(field(value, 'Constraints', 'EncryptionContextSubset'));
	const constraints: GrantConstraints = {...(equals ? {encryptionContextEquals: equals} : {}), ...(subset ? {encryptionContextSubset: subset} : {})};
	return {
		...(grantId ? {grantId} : {}),
		...(name ? {name} : {}),
		granteePrincipal,
		...(retiringPrincipal ? {retiringPrincipal} : {}),
		operations: strings(field(value, 'Operations')),
		...(equals || subset ? {constraints} : {}),
	};
};

/** `alias/NAME` from an alias name or alias ARN; undefined for a key ID or key ARN. */
const aliasNameOf = (keyId: string | undefined): string | undefined => {
	if (keyId?.startsWith('alias/')) return keyId;
	return keyId ? /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(alias\/.+)$/.exec(keyId)?.[1] : undefined;
};

/**
 * A KMS key: DescribeKey's facts, the key policy, grants and aliases. `namedKeyId` is what the
 * request or the bucket named; when DescribeKey failed and it is a key ARN, the key is still known by it.
 */
export const readKey = (context: ReadContext, prefix: string, namedKeyId: string | undefined): KeyInfo | undefined => {
	const path = prefix ? 'source.keyInfo' : 'key';
	const describe = context.files.call(`${prefix}${calls.describeKey.stem}`);
	if (describe.state === 'absent' && !namedKeyId) return undefined;
	const metadata = describe.state === 'ok' ? asObject(field(describe.answer, 'KeyMetadata')) : undefined;
	const arn = asString(metadata?.['Arn']) ?? (namedKeyId && keyArnPattern.test(namedKeyId) ? namedKeyId : undefined);
	if (!metadata) context.notes.push(noteOf(path, calls.describeKey, describe, namedKeyId));
	if (!arn) return undefined;
	const key: Mutable<KeyInfo> = {arn};
	if (metadata) {
		const manager = asString(metadata['KeyManager']);
		if (manager === 'CUSTOMER' || manager === 'AWS') key.keyManager = manager as KeyManager;
		const state = asString(metadata['KeyState']);
		if (state && keyStates.includes(state)) key.keyState = state as KeyState;
		const spec = asString(metadata['KeySpec']) ?? asString(metadata['CustomerMasterKeySpec']);
		if (spec) key.keySpec = spec;
		const usage = asString(metadata['KeyUsage']);
		if (usage) key.keyUsage = usage;
		const multiRegion = asBoolean(metadata['MultiRegion']);
		if (multiRegion !== undefined) key.multiRegion = multiRegion;
	}
	const keyAccount = arn.split(':')[4];
	const policy = context.files.call(`${prefix}${calls.getKeyPolicy.stem}`);
	const document = policy.state === 'ok' ? policyDocument(field(policy.answer, 'Policy')) : undefined;
	if (document) key.policy = document;
	else {
		context.notes.push(
			noteOf(`${path}.policy`, calls.getKeyPolicy, policy, arn, `kms:GetKeyPolicy on ${arn}, from the key's own account ${keyAccount} (not possible across accounts), or paste the key policy`),
		);
	}
	const grants = context.files.call(`${prefix}${calls.listGrants.stem}`);
	if (grants.state === 'ok') key.grants = asArray(field(grants.answer, 'Grants')).map(grantOf).filter((grant): grant is KeyGrant => grant !== undefined);
	else context.notes.push(noteOf(`${path}.grants`, calls.listGrants, grants, arn));
	// DescribeKey of an alias proves the alias names this key, even when list-aliases fails (kms:ListAliases is IAM-only).
	const namedAlias = metadata ? aliasNameOf(namedKeyId) : undefined;
	const aliases = context.files.call(`${prefix}${calls.listAliases.stem}`);
	const listed = aliases.state === 'ok' ? asArray(field(aliases.answer, 'Aliases')).map(alias => asString(field(alias, 'AliasName'))).filter((name): name is string => name !== undefined) : [];
	const names = [...new Set([...(namedAlias ? [namedAlias] : []), ...listed])];
	if (names.length > 0) key.aliases = names;
	// kms:ResourceAliases needs every alias: a list that list-aliases did not give is noted as partial.
	if (names.length > 0 && aliases.state !== 'ok') context.notes.push(noteOf(`${path}.aliases`, calls.listAliases, aliases, arn));
	return key;
};

