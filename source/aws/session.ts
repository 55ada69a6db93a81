import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {isProfileName, partitionOfArn, partitionOfRegion, s3ArnOrUrl} from '../names/index.js';
import {callerIdentityOf} from '../snapshot/aws-answers/index.js';
import type {CollectedProfile} from '../snapshot/provenance.js';
import type {Clients} from './clients.js';
import type {Outcome, Reader} from './reader.js';

/** The roles a profile can play in one collection (one profile may play several). */
export type SessionRole = 'caller' | 'bucket' | 'key';

/** One profile, its credentials resolved and its clients ready. */
export type Session = {
	/** The profile name, or `default chain` when none was named. */
	readonly name: string;
	/** The profile name given (--profile, AWS_PROFILE, --bucket-profile, --key-profile); absent: the SDK's default chain. */
	readonly profile?: string;
	readonly roles: readonly SessionRole[];
	readonly region: string;
	readonly clients: Clients;
	/** The access key ID its credentials use (never the secret): what a presigned URL's signer is compared with. */
	readonly accessKeyId: string;
};

export type Identity = {
	readonly arn: string;
	readonly account: string;
	readonly userId: string;
	readonly partition: string;
};

/** How notes name a profile without its name (a profile name can say more than a redacted snapshot should). */
export const describeSession = (session: Session): string => {
	if (session.roles.includes('caller')) return "the caller's profile";
	if (session.roles.includes('bucket')) return 'the --bucket-profile';
	return 'the --key-profile';
};

/** For progress lines only (never written into the snapshot). */
export const sessionLabel = (session: Session): string => `profile ${session.name}`;

/** sts:GetCallerIdentity, once per profile: it needs no permission and works even under an explicit Deny. */
export const readIdentity = (reader: Reader, session: Session): Promise<Outcome<Identity>> =>
	reader.once(`identity:${session.name}`, async () => {
		const outcome = await reader.call(`${session.name}:sts:GetCallerIdentity`, `sts:GetCallerIdentity (${sessionLabel(session)})`, signal =>
			session.clients.sts().send(new GetCallerIdentityCommand({}), {abortSignal: signal}),
		);
		if (!outcome.ok) return outcome;
		const identity = callerIdentityOf(outcome.value);
		// An ARN or account that is not one came from something other than AWS STS, as a bundle's would: unread, as there.
		if (!identity.ok) return {ok: false, failure: {kind: 'not-aws', code: 'IncompleteAnswer', message: `a GetCallerIdentity answer that is not STS's: ${identity.error.message}`}};
		const caller = identity.value;
		// AWS STS always names them: a 200 without them (a proxy's HTML page parses as XML) came from something else.
		if (caller.arn === undefined || !caller.account) return {ok: false, failure: {kind: 'not-aws', code: 'IncompleteAnswer', message: 'a GetCallerIdentity answer without the caller\'s ARN or account'}};
		// The mapper parsed the ARN: its partition is the one it names, never a default.
		return {ok: true, value: {arn: caller.arn, account: caller.account, userId: caller.userId ?? '', partition: caller.partition}};
	});

/**
 * The partition a profile reads in: its caller's ARN names it (an account is "scoped to one partition", and a bucket
 * name is looked up in the reader's), else its Region's (cn-north-1: aws-cn). Undefined when neither says.
 */
export const partitionOfSession = async (reader: Reader, session: Session): Promise<string | undefined> => {
	const identity = await readIdentity(reader, session);
	return (identity.ok ? partitionOfArn(identity.value.arn) : undefined) ?? partitionOfRegion(session.region);
};

/** A bucket's or an object's ARN as a profile reads it, for the notes that name a permission; its s3:// URL where the partition is not known. */
export const s3NameFor = async (reader: Reader, session: Session, bucket: string, objectKey?: string): Promise<string> =>
	s3ArnOrUrl(await partitionOfSession(reader, session), bucket, objectKey);

/** The profile among `sessions` that is in `account`, if any (only it can read an account-local thing). */
export const sessionInAccount = async (reader: Reader, sessions: readonly Session[], account: string): Promise<Session | undefined> => {
	for (const session of sessions) {
		const identity = await readIdentity(reader, session);
		if (identity.ok && identity.value.account === account) return session;
	}
	return undefined;
};

/**
 * The named profiles and who each is, for the snapshot: a fix's command names the profile of the account that must apply
 * it. The default chain has no name to pass; a name the snapshot cannot hold (a control character) is left out, as is a
 * profile whose identity was not read.
 */
export const collectedProfiles = async (reader: Reader, sessions: readonly Session[]): Promise<CollectedProfile[]> => {
	const profiles: CollectedProfile[] = [];
	for (const session of sessions) {
		if (session.profile === undefined || !isProfileName(session.profile)) continue;
		const identity = await readIdentity(reader, session);
		if (identity.ok) profiles.push({name: session.profile, arn: identity.value.arn, roles: [...session.roles]});
	}
	return profiles;
};
