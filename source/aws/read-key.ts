import {DescribeKeyCommand, GetKeyPolicyCommand, ListGrantsCommand, type GrantListEntry, type KeyMetadata} from '@aws-sdk/client-kms';
import type {KeyGrant, KeyInfo, KeyManager, KeyState, PolicyJson} from '../diagnosis/snapshot.js';
import {parsePolicyDocument} from './policy-document.js';
import {page, readAllPages} from './read-pages.js';
import type {Outcome, Reader} from './reader.js';
import {readIdentity, sessionInAccount, sessionLabel, type Session} from './session.js';

export type KmsArn = {readonly partition: string; readonly region: string; readonly account: string; readonly kind: 'key' | 'alias'; readonly name: string};

export const parseKmsArn = (text: string): KmsArn | undefined => {
	const match = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/.exec(text);
	if (!match) return undefined;
	return {partition: match[1]!, region: match[2]!, account: match[3]!, kind: match[4] as 'key' | 'alias', name: match[5]!};
};

export type KeyTarget = {
	/** The key as the request, the object or the bucket named it: key ID, key ARN, alias name or alias ARN. */
	readonly named: string;
	/** Where it goes in the snapshot: `key` or `source.keyInfo`. */
	readonly path: string;
	/** Resolves an alias name or bare key ID, as S3 does: in the caller's account. */
	readonly caller: Session;
	/** Reads by ARN (DescribeKey and ListGrants work across accounts): the --key-profile, else the caller. */
	readonly keySession: Session;
	/** Every profile of the collection: the one in the key's account reads the key policy. */
	readonly sessions: readonly Session[];
	/** The Region of a key not named by ARN: the bucket's (S3 uses a key of the bucket's Region). */
	readonly regionHint: () => Promise<string>;
};

const keyStates = new Set<string>(['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Creating', 'Updating']);

const describeMetadata = (metadata: KeyMetadata): Omit<KeyInfo, 'arn'> => {
	const manager = metadata.KeyManager === 'AWS' || metadata.KeyManager === 'CUSTOMER' ? (metadata.KeyManager as KeyManager) : undefined;
	const state = metadata.KeyState && keyStates.has(metadata.KeyState) ? (metadata.KeyState as KeyState) : undefined;
	const spec = metadata.KeySpec ?? metadata.CustomerMasterKeySpec;
	return {
		...(manager ? {keyManager: manager} : {}),
		...(state ? {keyState: state} : {}),
		...(spec ? {keySpec: spec} : {}),
		...(metadata.KeyUsage ? {keyUsage: metadata.KeyUsage} : {}),
		...(metadata.MultiRegion === undefined ? {} : {multiRegion: metadata.MultiRegion}),
	};
};

const toGrant = (grant: GrantListEntry): KeyGrant | undefined => {
	if (!grant.GranteePrincipal) return undefined;
	const equals = grant.Constraints?.EncryptionContextEquals;
	const subset = grant.Constraints?.EncryptionContextSubset;
	const constraints = {...(equals ? {encryptionContextEquals: equals} : {}), ...(subset ? {encryptionContextSubset: subset} : {})};
	return {
		...(grant.GrantId ? {grantId: grant.GrantId} : {}),
		...(grant.Name ? {name: grant.Name} : {}),
		granteePrincipal: grant.GranteePrincipal,
		...(grant.RetiringPrincipal ? {retiringPrincipal: grant.RetiringPrincipal} : {}),
		operations: grant.Operations ?? [],
		...(Object.keys(constraints).length > 0 ? {constraints} : {}),
	};
};

/** The profile that can read the key policy: only one of the key's own account can (GetKeyPolicy never works across accounts). */
const policyReader = async (reader: Reader, target: KeyTarget, account: string): Promise<Session | 'unknown-account' | undefined> => {
	const ordered = [target.keySession, target.caller, ...target.sessions];
	const inAccount = await sessionInAccount(reader, ordered, account);
	if (inAccount) return inAccount;
	const identities = await Promise.all(ordered.map(session => readIdentity(reader, session)));
	return identities.some(identity => !identity.ok) ? 'unknown-account' : undefined;
};

const readKeyPolicy = async (reader: Reader, target: KeyTarget, keyArn: KmsArn & {readonly text: string}): Promise<PolicyJson | undefined> => {
	const path = `${target.path}.policy`;
	const permission = `kms:GetKeyPolicy on ${keyArn.text}`;
	const found = await policyReader(reader, target, keyArn.account);
	if (found === undefined) {
		reader.note(
			path,
			`the key is in account ${keyArn.account} and a key policy can be read only from the key's own account; no profile given is in that account`,
			`${permission}, with a profile of account ${keyArn.account} (--key-profile)`,
		);
		return undefined;
	}
	const session = found === 'unknown-account' ? target.keySession : found;
	const outcome = await reader.once(`${session.name}:kms:GetKeyPolicy:${keyArn.text}`, () =>
		reader.call(`${session.name}:kms:GetKeyPolicy:${keyArn.text}`, `kms:GetKeyPolicy ${keyArn.text} (${sessionLabel(session)})`, signal =>
			session.clients.kms(keyArn.region).send(new GetKeyPolicyCommand({KeyId: keyArn.text, PolicyName: 'default'}), {abortSignal: signal}),
		),
	);
	if (!outcome.ok) {
		reader.note(path, `kms:GetKeyPolicy: ${reader.explain(outcome.failure)}`, permission);
		return undefined;
	}
	const document = parsePolicyDocument(outcome.value.Policy, 'plain');
	if (!document.ok) {
		reader.note(path, `kms:GetKeyPolicy: ${document.error}`, permission);
		return undefined;
	}
	return document.value;
};

/** Every page of kms:ListGrants (once per key, even when a copy's source and destination share it). */
const fetchGrants = (reader: Reader, session: Session, keyArn: KmsArn & {readonly text: string}): Promise<Outcome<KeyGrant[]>> =>
	reader.once(`${session.name}:kms:ListGrants:${keyArn.text}`, () =>
		readAllPages(reader, `${session.name}:kms:ListGrants:${keyArn.text}`, `kms:ListGrants ${keyArn.text} (${sessionLabel(session)})`, (marker, signal) =>
			session.clients
				.kms(keyArn.region)
				.send(new ListGrantsCommand({KeyId: keyArn.text, Marker: marker}), {abortSignal: signal})
				.then(r => page((r.Grants ?? []).flatMap(grant => toGrant(grant) ?? []), r.Truncated, r.NextMarker)),
		),
	);

const readGrants = async (reader: Reader, target: KeyTarget, keyArn: KmsArn & {readonly text: string}): Promise<KeyGrant[] | undefined> => {
	const outcome = await fetchGrants(reader, target.keySession, keyArn);
	if (outcome.ok) return outcome.value;
	reader.note(`${target.path}.grants`, `kms:ListGrants: ${reader.explain(outcome.failure)}`, `kms:ListGrants on ${keyArn.text}`);
	return undefined;
};

/**
 * kms:DescribeKey (an alias becomes the key's ARN), then in parallel kms:GetKeyPolicy (from a profile of the key's
 * account only) and kms:ListGrants. Undefined when not even the key's ARN could be learned.
 */
export const readKey = async (reader: Reader, target: KeyTarget): Promise<KeyInfo | undefined> => {
	const {named, path} = target;
	const given = parseKmsArn(named);
	const region = given?.region ?? (await target.regionHint());
	// An alias name or bare key ID means a key of the requester's account, so the caller resolves it.
	const session = given ? target.keySession : target.caller;
	const described = await reader.once(`${session.name}:kms:DescribeKey:${region}:${named}`, () =>
		reader.call(`${session.name}:kms:DescribeKey:${named}`, `kms:DescribeKey ${named} (${sessionLabel(session)})`, signal =>
			session.clients.kms(region).send(new DescribeKeyCommand({KeyId: named}), {abortSignal: signal}),
		),
	);
	const metadata = described.ok ? described.value.KeyMetadata : undefined;
	const arnText = metadata?.Arn ?? (given?.kind === 'key' ? named : undefined);
	const keyArn = arnText ? parseKmsArn(arnText) : undefined;
	const permission = `kms:DescribeKey on ${given ? named : `${named} (Region ${region})`}`;
	if (!arnText || !keyArn || keyArn.kind !== 'key') {
		const local = !given && !described.ok && described.failure.kind === 'not-found' ? "; an alias or key ID names a key of the caller's account in the bucket's Region, so name another account's key by its ARN" : '';
		const reason = described.ok ? 'kms:DescribeKey returned no key ARN' : `kms:DescribeKey: ${reader.explain(described.failure)}${local}`;
		reader.note(path, reason, permission);
		return undefined;
	}
	if (!described.ok) reader.note(`${path}.keyState`, `kms:DescribeKey: ${reader.explain(described.failure)} (the key's state, manager and spec are unknown)`, permission);
	const located = {...keyArn, text: arnText};
	const [policy, grants] = await Promise.all([readKeyPolicy(reader, target, located), readGrants(reader, target, located)]);
	const alias = named.startsWith('alias/') ? named : given?.kind === 'alias' ? `alias/${given.name}` : undefined;
	// Only the named alias is known: kms:ResourceAliases needs them all, so the list is noted as partial.
	if (alias) reader.note(`${path}.aliases`, `only ${alias}, the alias the request named, is known; the key's other aliases were not listed`, `kms:ListAliases --key-id ${arnText} with a profile of the key's account`);
	return {
		arn: arnText,
		...(alias ? {aliases: [alias]} : {}),
		...(metadata ? describeMetadata(metadata) : {}),
		...(policy ? {policy} : {}),
		...(grants ? {grants} : {}),
	};
};
