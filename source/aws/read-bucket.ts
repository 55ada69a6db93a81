import {GetBucketEncryptionCommand, GetBucketOwnershipControlsCommand, GetBucketPolicyCommand, HeadBucketCommand, HeadObjectCommand, type S3Client} from '@aws-sdk/client-s3';
import {
	bucketPolicyOf,
	defaultEncryptionOf,
	noBucketPolicyCode,
	noDefaultEncryptionCode,
	noOwnershipControlsCode,
	objectInfoOf,
	objectOwnershipOf,
	regionOfHeadBucket,
	regionOfHeader,
	type Mapped,
} from '../snapshot/aws-answers/index.js';
import type {BucketInfo, DefaultEncryption, ObjectInfo, ObjectOwnership, PolicyJson} from '../snapshot/snapshot.js';
import type {Failure} from './aws-error.js';
import {sendToBucket} from './bucket-region.js';
import type {Expected, Outcome, Reader} from './reader.js';
import {readIdentity, s3NameFor, sessionLabel, type Session} from './session.js';

export type BucketTarget = {
	readonly bucket: string;
	/** `bucket` or `source.bucketInfo`. */
	readonly path: string;
	/** Who reads it: the --bucket-profile first, then the caller (a wrong bucket profile should not cost the answer). */
	readonly sessions: readonly Session[];
	/** Say the name in BucketInfo (only the copy source's differs from question.bucket). */
	readonly withName: boolean;
};

const notFound =
	<T>(code: string, value: T, detail: string): Expected<T> =>
	(failure: Failure) =>
		failure.code === code ? {value, detail} : undefined;

export type FirstAnswer<T> = {readonly value?: T; readonly session?: Session; readonly failures: readonly Failure[]};

/** Try each profile in turn; the first answer wins, and every failure is kept for the note. */
export const firstAnswer = async <T>(sessions: readonly Session[], read: (session: Session) => Promise<Outcome<T>>): Promise<FirstAnswer<T>> => {
	const failures: Failure[] = [];
	for (const session of sessions) {
		const outcome = await read(session);
		if (outcome.ok) return {value: outcome.value, session, failures};
		failures.push(outcome.failure);
		if (outcome.failure.kind === 'cancelled' || outcome.failure.kind === 'deadline') break;
	}
	return {failures};
};

/** One bucket setting, read once per bucket (a copy within one bucket asks once) by the first profile that gets an answer. */
export const readBucketSetting = <T>(
	reader: Reader,
	target: BucketTarget,
	operation: string,
	send: (s3: S3Client, signal: AbortSignal) => Promise<T>,
	expected?: Expected<T>,
): Promise<FirstAnswer<T>> =>
	reader.once(`${operation}:${target.bucket}`, () =>
		firstAnswer(target.sessions, session =>
			reader.call(
				`${session.name}:s3:${operation}:${target.bucket}`,
				`s3:${operation} ${target.bucket} (${sessionLabel(session)})`,
				signal => sendToBucket(session, s3 => send(s3, signal)),
				expected,
			),
		),
	);

/** HeadBucket's `x-amz-bucket-region` (S3 sends it even with a 403 or a 301). */
export const readBucketRegion = (reader: Reader, target: BucketTarget): Promise<string | undefined> =>
	reader.once(`region:${target.bucket}`, async () => {
		const session = target.sessions[0]!;
		const outcome = await reader.call(`${session.name}:s3:HeadBucket:${target.bucket}`, `s3:HeadBucket ${target.bucket} (${sessionLabel(session)})`, signal =>
			sendToBucket(session, s3 => s3.send(new HeadBucketCommand({Bucket: target.bucket}), {abortSignal: signal}))
				.then(
					regionOfHeadBucket,
					(error: unknown) => {
						const headers = (error as {$response?: {headers?: Record<string, string | undefined>}}).$response?.headers;
						const region = regionOfHeader(headers?.['x-amz-bucket-region']);
						if (region) return region;
						throw error;
					},
				),
		);
		if (!outcome.ok) {
			reader.note(`${target.path}.region`, `s3:HeadBucket: ${reader.explain(outcome.failure)}`, `s3:ListBucket on ${await s3NameFor(reader, session, target.bucket)}`);
			return undefined;
		}
		if (outcome.value && !outcome.value.ok) {
			reader.note(`${target.path}.region`, `s3:HeadBucket: ${outcome.value.error.message}`, `s3:ListBucket on ${await s3NameFor(reader, session, target.bucket)}`);
			return undefined;
		}
		return outcome.value?.value;
	});

const readBucketPolicy = async (reader: Reader, target: BucketTarget): Promise<{policy?: PolicyJson | null; accountId?: string}> => {
	const {bucket} = target;
	const answer = await readBucketSetting(
		reader,
		target,
		'GetBucketPolicy',
		(s3, signal): Promise<Mapped<PolicyJson> | null> => s3.send(new GetBucketPolicyCommand({Bucket: bucket}), {abortSignal: signal}).then(bucketPolicyOf),
		notFound<Mapped<PolicyJson> | null>(noBucketPolicyCode, null, 'no bucket policy'),
	);
	const permission = `s3:GetBucketPolicy on ${await s3NameFor(reader, target.sessions[0]!, bucket)}`;
	if (answer.session === undefined) {
		const wrongAccount = answer.failures.find(failure => failure.kind === 'method-not-allowed');
		if (wrongAccount) {
			reader.note(
				`${target.path}.policy`,
				"S3 shows a bucket policy only to the bucket owner's account and answered 405 MethodNotAllowed: the profile is in another account (the owner account is unknown too)",
				`${permission}, with a profile of the bucket's account (--bucket-profile)`,
			);
		} else {
			reader.note(`${target.path}.policy`, `s3:GetBucketPolicy: ${reader.explain(answer.failures[0]!)}`, permission);
		}
		return {};
	}
	// Only the owner's account gets an answer (policy or NoSuchBucketPolicy): that account owns the bucket.
	const identity = await readIdentity(reader, answer.session);
	const accountId = identity.ok ? identity.value.account : undefined;
	const document = answer.value;
	if (document === null || document === undefined) return {policy: null, ...(accountId ? {accountId} : {})};
	if (!document.ok) {
		reader.note(`${target.path}.policy`, `s3:GetBucketPolicy: ${document.error.message}`, permission);
		return accountId ? {accountId} : {};
	}
	return {policy: document.value, ...(accountId ? {accountId} : {})};
};

const readDefaultEncryption = async (reader: Reader, target: BucketTarget): Promise<DefaultEncryption | null | undefined> => {
	const {bucket} = target;
	const answer = await readBucketSetting(
		reader,
		target,
		'GetBucketEncryption',
		(s3, signal) => s3.send(new GetBucketEncryptionCommand({Bucket: bucket}), {abortSignal: signal}).then(defaultEncryptionOf),
		notFound<Mapped<DefaultEncryption | null>>(noDefaultEncryptionCode, {ok: true, value: null}, 'no default encryption'),
	);
	const permission = `s3:GetEncryptionConfiguration on ${await s3NameFor(reader, target.sessions[0]!, bucket)}`;
	if (answer.session === undefined || answer.value === undefined) {
		reader.note(`${target.path}.defaultEncryption`, `s3:GetBucketEncryption: ${reader.explain(answer.failures[0]!)}`, permission);
		return undefined;
	}
	if (!answer.value.ok) {
		reader.note(`${target.path}.defaultEncryption`, `s3:GetBucketEncryption: ${answer.value.error.message}`, permission);
		return undefined;
	}
	return answer.value.value;
};

const readObjectOwnership = async (reader: Reader, target: BucketTarget): Promise<ObjectOwnership | null | undefined> => {
	const {bucket} = target;
	const answer = await readBucketSetting(
		reader,
		target,
		'GetBucketOwnershipControls',
		(s3, signal): Promise<Mapped<ObjectOwnership> | null> =>
			s3.send(new GetBucketOwnershipControlsCommand({Bucket: bucket}), {abortSignal: signal}).then(objectOwnershipOf),
		notFound<Mapped<ObjectOwnership> | null>(noOwnershipControlsCode, null, 'no object ownership setting'),
	);
	const permission = `s3:GetBucketOwnershipControls on ${await s3NameFor(reader, target.sessions[0]!, bucket)}`;
	if (answer.session === undefined || answer.value === undefined) {
		reader.note(`${target.path}.objectOwnership`, `s3:GetBucketOwnershipControls: ${reader.explain(answer.failures[0]!)}`, permission);
		return undefined;
	}
	if (answer.value === null) return null;
	if (!answer.value.ok) {
		reader.note(`${target.path}.objectOwnership`, `s3:GetBucketOwnershipControls: ${answer.value.error.message}`, permission);
		return undefined;
	}
	return answer.value.value;
};

/** Region, bucket policy (and so the owner account), default encryption and object ownership, in parallel. */
export const readBucket = async (reader: Reader, target: BucketTarget): Promise<BucketInfo> => {
	const [region, policy, defaultEncryption, objectOwnership] = await Promise.all([
		readBucketRegion(reader, target),
		readBucketPolicy(reader, target),
		readDefaultEncryption(reader, target),
		readObjectOwnership(reader, target),
	]);
	return {
		...(target.withName ? {name: target.bucket} : {}),
		...(policy.accountId ? {accountId: policy.accountId} : {}),
		...(region ? {region} : {}),
		...(policy.policy !== undefined ? {policy: policy.policy} : {}),
		...(defaultEncryption !== undefined ? {defaultEncryption} : {}),
		...(objectOwnership !== undefined ? {objectOwnership} : {}),
	};
};

export type ObjectTarget = {
	readonly bucket: string;
	readonly objectKey: string;
	/** `object` or `source.objectInfo`. */
	readonly path: string;
	/** The caller first (its view is the one that matters), then the bucket's profile. */
	readonly sessions: readonly Session[];
	/** What else stays unknown when the object cannot be read, said in the same note. */
	readonly consequence?: string;
};

/** s3:HeadObject: the object's encryption, its key and its Bucket Key flag (no KMS permission needed). */
export const readObject = async (reader: Reader, target: ObjectTarget): Promise<ObjectInfo | undefined> => {
	const {bucket, objectKey} = target;
	const answer = await firstAnswer(target.sessions, session =>
		reader.call(`${session.name}:s3:HeadObject:${bucket}/${objectKey}`, `s3:HeadObject ${bucket}/${objectKey} (${sessionLabel(session)})`, signal =>
			sendToBucket(session, s3 => s3.send(new HeadObjectCommand({Bucket: bucket, Key: objectKey}), {abortSignal: signal})),
		),
	);
	const objectArn = await s3NameFor(reader, target.sessions[0]!, bucket, objectKey);
	if (answer.value === undefined) {
		const failure = answer.failures[0]!;
		const consequence = target.consequence ? `; ${target.consequence}` : '';
		if (failure.kind === 'not-found') {
			reader.note(target.path, `s3:HeadObject: there is no object ${objectKey} in bucket ${bucket} (404)${consequence}`, 'check the bucket name and the object key');
		} else {
			const hint = failure.kind === 'denied' ? ' (S3 also answers 403 for a missing object when s3:ListBucket is not allowed)' : '';
			reader.note(target.path, `s3:HeadObject: ${reader.explain(failure)}${hint}${consequence}`, `s3:GetObject on ${objectArn}`);
		}
		return undefined;
	}
	return objectInfoOf(answer.value);
};
