import type {KeyInfo, NamedPolicy, PolicyJson, Snapshot} from '../../../source/snapshot/snapshot.js';

/**
 * Snapshots for diagnosis tests: a same-account SSE-KMS upload where everything is allowed, which each
 * test bends to one situation. Overrides merge deeply into plain objects; arrays, policy documents
 * and `null` replace whole; `without` makes a field absent (unknown).
 */

export const account = '111122223333';
export const otherAccount = '444455556666';
export const region = 'eu-west-1';
export const bucket = 'example-bucket';
export const objectKey = 'reports/2025/q1.csv';
export const objectArn = `arn:aws:s3:::${bucket}/${objectKey}`;
export const bucketArn = `arn:aws:s3:::${bucket}`;
export const userArn = `arn:aws:iam::${account}:user/alice`;
export const roleArn = `arn:aws:iam::${account}:role/Uploader`;
export const sessionArn = `arn:aws:sts::${account}:assumed-role/Uploader/nightly`;

export const MiB = 1024 * 1024;

export const keyArnOf = (keyAccount = account, keyRegion = region, id = '1234abcd-12ab-34cd-56ef-1234567890ab'): string =>
	`arn:aws:kms:${keyRegion}:${keyAccount}:key/${id}`;
export const keyArn = keyArnOf();
export const rootOf = (of: string): string => `arn:aws:iam::${of}:root`;

type Json = Record<string, unknown>;

export const policy = (...statements: readonly Json[]): PolicyJson => ({Version: '2012-10-17', Statement: statements});

type StatementExtra = {readonly Sid?: string; readonly Principal?: unknown; readonly Condition?: Json};

export const allow = (action: string | readonly string[], resource: string | readonly string[], extra: StatementExtra = {}): Json => ({
	...(extra.Sid ? {Sid: extra.Sid} : {}),
	Effect: 'Allow',
	...(extra.Principal ? {Principal: extra.Principal} : {}),
	Action: action,
	Resource: resource,
	...(extra.Condition ? {Condition: extra.Condition} : {}),
});

export const deny = (action: string | readonly string[], resource: string | readonly string[], extra: StatementExtra = {}): Json => ({
	...allow(action, resource, extra),
	Effect: 'Deny',
});

/** The default key policy statement: lets the account's IAM policies grant use of the key. */
export const enableIam = (of = account): Json => ({Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: {AWS: rootOf(of)}, Action: 'kms:*', Resource: '*'});

export const named = (name: string, document: PolicyJson, arn?: string): NamedPolicy => ({name, document, ...(arn ? {arn} : {})});

/** The caller's identity policy that allows every action of every operation on the bucket and the key. */
export const fullIdentityPolicy = (keys: readonly string[] = [keyArn], bucketNames: readonly string[] = [bucket]): NamedPolicy =>
	named(
		'ObjectsAndKey',
		policy(
			allow(['s3:PutObject', 's3:GetObject'], bucketNames.map(name => `arn:aws:s3:::${name}/*`), {Sid: 'Objects'}),
			allow(['kms:GenerateDataKey', 'kms:Decrypt'], keys, {Sid: 'UseKey'}),
		),
	);

export const customerKey = (arn = keyArn, keyPolicy: PolicyJson = policy(enableIam(arn.split(':')[4]))): KeyInfo => ({
	arn,
	keyManager: 'CUSTOMER',
	keyState: 'Enabled',
	keySpec: 'SYMMETRIC_DEFAULT',
	keyUsage: 'ENCRYPT_DECRYPT',
	policy: keyPolicy,
	grants: [],
});

export const baseSnapshot = (): Snapshot => ({
	format: 's3-kms-doctor/snapshot@1',
	question: {operation: 'upload', bucket, objectKey, sizeBytes: 1 * MiB, tool: 'aws-cli', kmsKeyId: keyArn},
	principal: {arn: userArn, identityPolicies: [fullIdentityPolicy()], permissionsBoundary: null, tags: {}},
	bucket: {
		accountId: account,
		region,
		policy: null,
		defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false},
		objectOwnership: 'BucketOwnerEnforced',
	},
	key: customerKey(),
	organization: {serviceControlPolicies: [], resourceControlPolicies: []},
	requestContext: {},
});

/** Deep partial for overrides: objects merge, everything else replaces. */
export type Overrides<T> = T extends readonly unknown[] ? T : T extends object ? {readonly [K in keyof T]?: Overrides<T[K]>} : T;

const isPlainObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Policy documents and encryption settings are leaves: merging one into another would mix two of them. */
const leaves = new Set(['policy', 'document', 'permissionsBoundary', 'sessionPolicy', 'requestContext', 'constraints', 'defaultEncryption', 'encryption', 'tags']);
const isLeaf = (key: string): boolean => leaves.has(key);

const merge = (base: unknown, override: unknown, key = ''): unknown => {
	if (override === undefined) return base;
	if (!isPlainObject(base) || !isPlainObject(override) || isLeaf(key)) return override;
	const result: Json = {...base};
	for (const [name, value] of Object.entries(override)) result[name] = merge(base[name], value, name);
	return result;
};

export const buildSnapshot = (overrides: Overrides<Snapshot> = {}): Snapshot => merge(baseSnapshot(), overrides) as Snapshot;

/** A copy of the snapshot with the field at a dotted path removed: absent means unknown. */
export const without = (snapshot: Snapshot, ...paths: readonly string[]): Snapshot => {
	const copy = structuredClone(snapshot) as Json;
	for (const path of paths) {
		const parts = path.split('.');
		let node: unknown = copy;
		for (const part of parts.slice(0, -1)) node = isPlainObject(node) ? node[part] : undefined;
		if (isPlainObject(node)) delete node[parts.at(-1)!];
	}
	return copy as Snapshot;
};

/** A same-account download of an object encrypted with `keyArn`, bent by `overrides`: a GetObject names no key and has no size. */
export const sameAccountDownload = (overrides: Overrides<Snapshot> = {}): Snapshot =>
	without(
		buildSnapshot({...overrides, question: {operation: 'download'}, object: {encryption: {algorithm: 'aws:kms', kmsKeyId: keyArn, bucketKeyEnabled: false}, ownerAccountId: account}}),
		'question.kmsKeyId',
		'question.sizeBytes',
		'question.tool',
	);

/** A cross-account download: the bucket and key belong to `otherAccount`, the caller to `account`. */
export const crossAccountDownload = (options: {keyPolicy?: PolicyJson; bucketPolicy?: PolicyJson | null; identity?: readonly NamedPolicy[]} = {}): Snapshot => {
	const foreignKey = keyArnOf(otherAccount);
	const snapshot = buildSnapshot({
		question: {operation: 'download'},
		principal: {identityPolicies: options.identity ?? [fullIdentityPolicy([foreignKey])]},
		bucket: {accountId: otherAccount, policy: options.bucketPolicy === undefined ? null : options.bucketPolicy, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: foreignKey, bucketKeyEnabled: false}},
		object: {encryption: {algorithm: 'aws:kms', kmsKeyId: foreignKey, bucketKeyEnabled: false}, ownerAccountId: otherAccount},
		key: customerKey(foreignKey, options.keyPolicy ?? policy(enableIam(otherAccount))),
	});
	// A GetObject names no key and has no size: S3 knows the object's key.
	return without(snapshot, 'question.kmsKeyId', 'question.sizeBytes', 'question.tool');
};
