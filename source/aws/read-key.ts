import {DescribeKeyCommand, GetKeyPolicyCommand, ListAliasesCommand, ListGrantsCommand} from '@aws-sdk/client-kms';
import {aliasesPageOf, describedKeyOf, grantsPageOf, keyAliases, keyPolicyOf, kmsPageLimit} from '../snapshot/aws-answers/index.js';
import type {KeyGrant, KeyInfo, PolicyJson} from '../snapshot/snapshot.js';
import {parseKmsArn as parseKmsArnName, valueOf, type KmsArn} from '../names/index.js';
import {pageOrFail, readAllPages} from './read-pages.js';
import type {Outcome, Reader} from './reader.js';
import {readIdentity, sessionInAccount, sessionLabel, type Session} from './session.js';

export const parseKmsArn = (text: string): KmsArn | undefined => valueOf(parseKmsArnName(text));

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
			session.clients.kms(keyArn.region).send(new GetKeyPolicyCommand({KeyId: keyArn.text, PolicyName: 'default'}), {abortSignal: signal}).then(keyPolicyOf),
		),
	);
	if (!outcome.ok) {
		reader.note(path, `kms:GetKeyPolicy: ${reader.explain(outcome.failure)}`, permission);
		return undefined;
	}
	if (!outcome.value.ok) {
		reader.note(path, `kms:GetKeyPolicy: ${outcome.value.error.message}`, permission);
		return undefined;
	}
	return outcome.value.value;
};

/** Every page of kms:ListGrants, the largest KMS gives (once per key, even when a copy's source and destination share it). */
const fetchGrants = (reader: Reader, session: Session, keyArn: KmsArn & {readonly text: string}): Promise<Outcome<KeyGrant[]>> =>
	reader.once(`${session.name}:kms:ListGrants:${keyArn.text}`, () =>
		readAllPages(reader, `${session.name}:kms:ListGrants:${keyArn.text}`, `kms:ListGrants ${keyArn.text} (${sessionLabel(session)})`, (marker, signal) =>
			session.clients
				.kms(keyArn.region)
				.send(new ListGrantsCommand({KeyId: keyArn.text, Limit: kmsPageLimit, Marker: marker}), {abortSignal: signal})
				.then(answer => pageOrFail(grantsPageOf(answer))),
		),
	);

const readGrants = async (reader: Reader, target: KeyTarget, keyArn: KmsArn & {readonly text: string}): Promise<KeyGrant[] | undefined> => {
	const outcome = await fetchGrants(reader, target.keySession, keyArn);
	if (outcome.ok) return outcome.value;
	reader.note(`${target.path}.grants`, `kms:ListGrants: ${reader.explain(outcome.failure)}`, `kms:ListGrants on ${keyArn.text}`);
	return undefined;
};

/**
 * kms:ListAliases, from a profile of the key's account only: "ListAliases does not return aliases in other AWS
 * accounts". `aliases` is undefined when it was not read, with the reason.
 */
const readAliases = async (reader: Reader, target: KeyTarget, keyArn: KmsArn & {readonly text: string}): Promise<{aliases?: readonly string[]; unread?: string}> => {
	const session = await sessionInAccount(reader, [target.keySession, target.caller, ...target.sessions], keyArn.account);
	if (!session) return {unread: `the key's other aliases were not listed: ListAliases answers only in the key's account ${keyArn.account}, and no profile given is in it`};
	const outcome = await reader.once(`${session.name}:kms:ListAliases:${keyArn.text}`, () =>
		readAllPages(reader, `${session.name}:kms:ListAliases:${keyArn.text}`, `kms:ListAliases ${keyArn.text} (${sessionLabel(session)})`, (marker, signal) =>
			session.clients.kms(keyArn.region).send(new ListAliasesCommand({KeyId: keyArn.text, Limit: kmsPageLimit, Marker: marker}), {abortSignal: signal}).then(answer => pageOrFail(aliasesPageOf(answer))),
		),
	);
	return outcome.ok ? {aliases: outcome.value} : {unread: `kms:ListAliases: ${reader.explain(outcome.failure)}`};
};

/**
 * kms:DescribeKey (an alias becomes the key's ARN), then in parallel kms:GetKeyPolicy (from a profile of the key's
 * account only), kms:ListGrants and kms:ListAliases. Undefined when not even the key's ARN could be learned.
 */
export const readKey = async (reader: Reader, target: KeyTarget): Promise<KeyInfo | undefined> => {
	const {named, path} = target;
	const given = parseKmsArn(named);
	const region = given?.region ?? (await target.regionHint());
	// An alias name or bare key ID means a key of the requester's account, so the caller resolves it.
	const session = given ? target.keySession : target.caller;
	const described = await reader.once(`${session.name}:kms:DescribeKey:${region}:${named}`, () =>
		reader.call(`${session.name}:kms:DescribeKey:${named}`, `kms:DescribeKey ${named} (${sessionLabel(session)})`, signal =>
			session.clients.kms(region).send(new DescribeKeyCommand({KeyId: named}), {abortSignal: signal}).then(describedKeyOf),
		),
	);
	const metadata = described.ok && described.value.ok ? described.value.value : undefined;
	const arnText = metadata?.arn ?? (given?.kind === 'key' ? named : undefined);
	const keyArn = arnText ? parseKmsArn(arnText) : undefined;
	const permission = `kms:DescribeKey on ${given ? named : `${named} (Region ${region})`}`;
	if (!arnText || !keyArn || keyArn.kind !== 'key') {
		const local = !given && !described.ok && described.failure.kind === 'not-found' ? "; an alias or key ID names a key of the caller's account in the bucket's Region, so name another account's key by its ARN" : '';
		const reason = !described.ok ? `kms:DescribeKey: ${reader.explain(described.failure)}${local}` : described.value.ok ? 'kms:DescribeKey returned no key ARN' : `kms:DescribeKey: ${described.value.error.message}`;
		reader.note(path, reason, permission);
		return undefined;
	}
	const unread = !described.ok ? reader.explain(described.failure) : !described.value.ok ? described.value.error.message : undefined;
	if (unread !== undefined) reader.note(`${path}.keyState`, `kms:DescribeKey: ${unread} (the key's state, manager and spec are unknown)`, permission);
	const located = {...keyArn, text: arnText};
	const [policy, grants, listed] = await Promise.all([readKeyPolicy(reader, target, located), readGrants(reader, target, located), readAliases(reader, target, located)]);
	// DescribeKey of an alias proves the alias names this key, even when kms:ListAliases is not allowed.
	const {aliases, partial} = keyAliases(named.startsWith('alias/') ? named : given?.kind === 'alias' ? `alias/${given.name}` : undefined, listed.aliases);
	// kms:ResourceAliases needs them all: a list ListAliases did not give is noted as partial.
	if (partial && aliases) reader.note(`${path}.aliases`, `only ${aliases.join(', ')}, the alias the request named, is known: ${listed.unread ?? "the key's other aliases were not listed"}`, `kms:ListAliases --key-id ${arnText} with a profile of the key's account`);
	return {
		arn: arnText,
		...(aliases ? {aliases} : {}),
		...(metadata ? metadata.facts : {}),
		...(policy ? {policy} : {}),
		...(grants ? {grants} : {}),
	};
};
