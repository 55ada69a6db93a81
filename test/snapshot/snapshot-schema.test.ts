import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {snapshotSchema, validateSnapshotSchema} from '../../source/snapshot/snapshot-schema.js';
import type {SnapshotMetadata, UnreadNote} from '../../source/snapshot/provenance.js';
import type {CopySource, Question, UploadTool} from '../../source/snapshot/question.js';
import type {
	BucketInfo,
	DefaultEncryption,
	EncryptionAlgorithm,
	GrantConstraints,
	KeyGrant,
	KeyInfo,
	KeyManager,
	KeyState,
	NamedPolicy,
	ObjectInfo,
	ObjectOwnership,
	Operation,
	OrganizationInfo,
	PrincipalInfo,
	Snapshot,
} from '../../source/snapshot/snapshot.js';
import {generatedFiles} from '../../scripts/snapshot-files.js';
import {completeSnapshot, minimalSnapshot, variant, type Draft} from './snapshot-samples.js';

// Compile-time drift guards (checked by `tsc`, which covers test/): the schema's field names, required fields,
// nullable fields and enums must equal snapshot.ts's, object by object.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Properties<S> = S extends {properties: infer P} ? P : never;
type FieldNames<S> = Exclude<keyof Properties<S>, '$schema'>;
type RequiredNames<S> = S extends {required: readonly (infer R)[]} ? R : never;
type IsNullable<P> = P extends {type: readonly (infer T)[]} ? ('null' extends T ? true : false) : P extends {enum: readonly (infer E)[]} ? (null extends E ? true : false) : false;
type NullableNames<S> = {[K in keyof Properties<S>]: IsNullable<Properties<S>[K]> extends true ? K : never}[keyof Properties<S>];
type RequiredKeys<T> = {[K in keyof T]-?: object extends Pick<T, K> ? never : K}[keyof T];
type NullableKeys<T> = {[K in keyof T]-?: null extends T[K] ? K : never}[keyof T];
type Matches<S, T> = [Equal<FieldNames<S>, keyof T>, Equal<RequiredNames<S>, RequiredKeys<T>>, Equal<NullableNames<S>, NullableKeys<T>>];
type EnumOf<P> = P extends {enum: readonly (infer E)[]} ? E : never;

type Defs = typeof snapshotSchema.$defs;
type Props<S> = Properties<S>;
export const schemaMatchesTypes: [
	Matches<typeof snapshotSchema, Snapshot>,
	Matches<Defs['question'], Question>,
	Matches<Defs['copySource'], CopySource>,
	Matches<Defs['principal'], PrincipalInfo>,
	Matches<Defs['bucketInfo'], BucketInfo>,
	Matches<Defs['objectInfo'], ObjectInfo>,
	Matches<Defs['keyInfo'], KeyInfo>,
	Matches<Defs['keyGrant'], KeyGrant>,
	Matches<Props<Defs['keyGrant']>['constraints'], GrantConstraints>,
	Matches<Defs['organization'], OrganizationInfo>,
	Matches<Defs['unreadNote'], UnreadNote>,
	Matches<Defs['metadata'], SnapshotMetadata>,
	Matches<Defs['namedPolicy'], NamedPolicy>,
	Matches<Defs['encryption'], DefaultEncryption>,
	Matches<Props<typeof snapshotSchema>['source'], NonNullable<Snapshot['source']>>,
	Equal<EnumOf<Props<Defs['question']>['operation']>, Operation>,
	Equal<EnumOf<Props<Defs['question']>['tool']>, UploadTool>,
	Equal<EnumOf<Props<Defs['keyInfo']>['keyManager']>, KeyManager>,
	Equal<EnumOf<Props<Defs['keyInfo']>['keyState']>, KeyState>,
	Equal<EnumOf<Props<Defs['encryption']>['algorithm']>, EncryptionAlgorithm>,
	Equal<EnumOf<Props<Defs['bucketInfo']>['objectOwnership']>, ObjectOwnership | null>,
	Equal<EnumOf<Props<Defs['metadata']>['collectedBy']>, NonNullable<SnapshotMetadata['collectedBy']>>,
] = [
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	[true, true, true],
	true,
	true,
	true,
	true,
	true,
	true,
	true,
];

const valid = (value: unknown): boolean => validateSnapshotSchema(value);

describe('the snapshot schema', () => {
	it('is a valid draft 2020-12 schema', () => {
		const ajv = new Ajv2020();
		expect(ajv.validateSchema(snapshotSchema), JSON.stringify(ajv.errors)).toBe(true);
	});

	it('accepts a snapshot that uses every field, and one that knows only the question', () => {
		expect(valid(completeSnapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
		expect(valid(minimalSnapshot)).toBe(true);
	});

	it.each([
		['bucket.policy', (d: Draft) => void (d.bucket.policy = null)],
		['bucket.defaultEncryption', (d: Draft) => void (d.bucket.defaultEncryption = null)],
		['bucket.objectOwnership', (d: Draft) => void (d.bucket.objectOwnership = null)],
		['object.encryption', (d: Draft) => void (d.object.encryption = null)],
		['principal.permissionsBoundary', (d: Draft) => void (d.principal.permissionsBoundary = null)],
		['principal.sessionPolicy', (d: Draft) => void (d.principal.sessionPolicy = null)],
		['principal.organizationId', (d: Draft) => void (d.principal.organizationId = null)],
		['a requestContext value', (d: Draft) => void (d.requestContext['aws:SourceIp'] = null)],
	])('accepts null (known none) for %s', (_field, change) => {
		expect(valid(variant(completeSnapshot, change))).toBe(true);
	});

	it.each([
		['key.policy', (d: Draft) => void (d.key.policy = null)],
		['principal.identityPolicies', (d: Draft) => void (d.principal.identityPolicies = null)],
		['question.kmsKeyId', (d: Draft) => void (d.question.kmsKeyId = null)],
		['question.sizeBytes', (d: Draft) => void (d.question.sizeBytes = null)],
		['key.grants', (d: Draft) => void (d.key.grants = null)],
		['principal.tags', (d: Draft) => void (d.principal.tags = null)],
		['organization.serviceControlPolicies', (d: Draft) => void (d.organization.serviceControlPolicies = null)],
	])('rejects null where the type does not allow it: %s', (_field, change) => {
		expect(valid(variant(completeSnapshot, change))).toBe(false);
	});

	it('rejects unknown fields on its own objects but leaves policy documents free-form', () => {
		expect(valid(variant(completeSnapshot, d => void (d.bucket.polcy = null)))).toBe(false);
		expect(valid(variant(completeSnapshot, d => void (d.key.grants[0].extra = 1)))).toBe(false);
		expect(valid(variant(completeSnapshot, d => void (d.principal.identityPolicies[0].extra = 1)))).toBe(false);
		expect(valid(variant(completeSnapshot, d => void (d.organization.serviceControlPolicies[1][0].extra = 1)))).toBe(false);
		expect(valid(variant(completeSnapshot, d => void (d.key.policy = {Anything: ['goes'], Statement: 'even odd shapes'})))).toBe(true);
		expect(valid(variant(completeSnapshot, d => void (d.principal.identityPolicies[0].document = {Id: 'x', Custom: {deep: true}})))).toBe(true);
	});

	it('requires the copy source only for copies', () => {
		expect(valid(variant(completeSnapshot, d => void delete d.question.source))).toBe(false);
		expect(valid(variant(minimalSnapshot, d => void (d.question.operation = 'download')))).toBe(true);
	});

	it("takes a pasted message's evidence with how AWS denied (deny), or without it as before (explicit)", () => {
		const evidence = (entry: Record<string, unknown>): unknown => ({...minimalSnapshot, evidence: [{deniedBy: 'scp', action: 's3:PutObject', ...entry}]});
		expect(valid(evidence({}))).toBe(true);
		expect(valid(evidence({deny: 'implicit'}))).toBe(true);
		expect(valid(evidence({deny: 'explicit', policyArn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1'}))).toBe(true);
		expect(valid(evidence({deny: 'maybe'}))).toBe(false);
	});

	it('allows $schema for editors, and nothing else unknown at the top', () => {
		expect(valid({...minimalSnapshot, $schema: './snapshot.schema.json'})).toBe(true);
		expect(valid({...minimalSnapshot, extra: true})).toBe(false);
	});
});

describe('generated files', () => {
	for (const [path, generate] of Object.entries(generatedFiles())) {
		it(`${path} is generated from snapshotSchema (npm run generate rewrites it)`, () => {
			const url = new URL(`../../${path}`, import.meta.url);
			expect(readFileSync(url, 'utf8')).toBe(generate());
		});
	}

	it('docs/snapshot.schema.json is the schema itself', () => {
		const text = readFileSync(new URL('../../docs/snapshot.schema.json', import.meta.url), 'utf8');
		expect(JSON.parse(text)).toEqual(snapshotSchema);
	});
});
