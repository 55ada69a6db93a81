import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {redactAll} from '../../source/snapshot/redact-all.js';
import {redactSnapshot} from '../../source/snapshot/redact.js';
import {diagnoseRedacted, outcomeOf} from '../../source/diagnosis/redacted-diagnosis.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {completeSnapshot} from '../snapshot/snapshot-samples.js';
import {allow, baseSnapshot, buildSnapshot, crossAccountDownload, keyArn, named, policy, sessionArn} from '../diagnosis/support/build-snapshot.js';

const examplesFolder = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesFolder)
	.filter(name => name.endsWith('.json'))
	.map((name): [string, Snapshot] => {
		const parsed = parseSnapshot(readFileSync(`${examplesFolder}${name}`, 'utf8'), name);
		if (!parsed.ok) throw new Error(parsed.error.message);
		return [name, parsed.value];
	});

/** A snapshot that hides its names where the old redaction missed them, and leans on them to decide. */
const leaky: Snapshot = buildSnapshot({
	metadata: {title: 'payroll.csv upload by 444455556666', collectedBy: 'manual'},
	question: {operation: 'upload', bucket: 'example-bucket', objectKey: 'payroll.csv'},
	principal: {
		arn: 'arn:aws:iam::111122223333:user/jane',
		userId: 'AIDAJANEEXAMPLE12345',
		tags: {team: 'data', 'owner-444455556666': 'yes'},
		identityPolicies: [
			named(
				'uploads',
				policy(
					allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {
						Sid: 'AllowAcct111122223333Put',
						Condition: {StringEquals: {'aws:PrincipalAccount': 111122223333, 'aws:PrincipalTag/team': 'data'}, NumericLessThanEquals: {'s3:max-keys': 555566667777}},
					}),
					allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn),
				),
			),
		],
		permissionsBoundary: null,
	},
	unread: [{path: 'object', reason: 's3:HeadObject: there is no object payroll.csv in bucket example-bucket (404)'}],
});

/** A policy variable: the key's segment is the user's name, so the two must keep matching. */
const variables: Snapshot = buildSnapshot({
	question: {operation: 'upload', bucket: 'example-bucket', objectKey: 'home/jane/notes.txt'},
	principal: {
		arn: 'arn:aws:iam::111122223333:user/jane',
		userId: 'AIDAJANEEXAMPLE12345',
		identityPolicies: [named('home', policy(allow('s3:PutObject', 'arn:aws:s3:::example-bucket/home/${aws:username}/*'), allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn)))],
		permissionsBoundary: null,
	},
});

/**
 * Names a customer chose that are also AWS's own words: a role called `kms`, a session called `s3`, a policy called
 * `Allow`, a role called `true`. Redacted where they name something, they must not rewrite the policies' grammar
 * (`"Effect": "Allow"`, `kms:Decrypt`, `aws:kms`, `s3.eu-west-1.amazonaws.com`, `"true"`).
 */
const awsWords = (role: string, session: string, policyName: string): Snapshot =>
	buildSnapshot({
		principal: {
			arn: `arn:aws:sts::111122223333:assumed-role/${role}/${session}`,
			identityPolicies: [
				named(
					policyName,
					policy(
						allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Condition: {StringEquals: {'s3:x-amz-server-side-encryption': 'aws:kms'}, Bool: {'aws:SecureTransport': 'true'}}}),
						allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn, {Condition: {StringEquals: {'kms:ViaService': 's3.eu-west-1.amazonaws.com'}}}),
					),
				),
			],
			permissionsBoundary: null,
		},
	});

const snapshots: ReadonlyArray<[string, Snapshot]> = [
	...examples,
	['completeSnapshot', completeSnapshot],
	['baseSnapshot', baseSnapshot()],
	['crossAccountDownload', crossAccountDownload()],
	['leaky', leaky],
	['variables', variables],
	['session', buildSnapshot({principal: {arn: sessionArn}})],
	['names that are AWS words (role kms, session s3, policy Allow)', awsWords('kms', 's3', 'Allow')],
	['names that are AWS words (role true, session Decrypt, policy Deny)', awsWords('true', 'Decrypt', 'Deny')],
];

describe('redaction round trip: every example and test snapshot diagnoses the same redacted', () => {
	it.each(snapshots)('%s', (_name, snapshot) => {
		const redacted = redactSnapshot(snapshot);
		const reread = parseSnapshot(JSON.stringify(redacted), 'redacted');
		if (!reread.ok) throw new Error(reread.error.message);
		expect(outcomeOf(diagnose(reread.value))).toBe(outcomeOf(diagnose(snapshot)));
	});
});

describe('redaction leaves nothing of the original', () => {
	const redacted = redactSnapshot(leaky);
	const text = JSON.stringify(redacted);

	it('replaces account IDs written as numbers, inside Sids and in tag keys, with the placeholder the strings get', () => {
		for (const original of ['111122223333', '444455556666']) expect(text).not.toContain(original);
		const account = redacted.principal!.arn.split(':')[4]!;
		type Statement = {Sid: string; Condition: {StringEquals: Record<string, unknown>; NumericLessThanEquals: Record<string, unknown>}};
		const statement = (redacted.principal!.identityPolicies![0]!.document['Statement'] as Statement[])[0]!;
		expect(statement.Condition.StringEquals['aws:PrincipalAccount']).toBe(account);
		expect(statement.Sid).toBe(`AllowAcct${account}Put`);
		// A number under a numeric operator is a number, not an account.
		expect(statement.Condition.NumericLessThanEquals['s3:max-keys']).toBe(555566667777);
		expect(Object.keys(redacted.principal!.tags!)).toContain(`owner-${redacted.metadata!.title!.split(' ').at(-1)}`);
	});

	it('replaces a one-segment object key in the question, the title and the notes', () => {
		expect(text).not.toContain('payroll');
		expect(redacted.question.objectKey).toMatch(/^path-\d+$/);
		expect(redacted.metadata?.title).toBe(`${redacted.question.objectKey} upload by ${redacted.metadata!.title!.split(' ').at(-1)}`);
		expect(redacted.unread?.[0]?.reason).toBe(`s3:HeadObject: there is no object ${redacted.question.objectKey} in bucket ${redacted.question.bucket} (404)`);
	});

	it('keeps a key segment that a policy variable resolves to equal to its name', () => {
		const redactedVariables = redactSnapshot(variables);
		expect(redactedVariables.question.objectKey.split('/')[1]).toBe(redactedVariables.principal!.arn.split('/')[1]);
		expect(JSON.stringify(redactedVariables)).not.toContain('jane');
		expect(diagnose(redactedVariables).verdict).toBe('allowed');
	});
});

describe('--redact all', () => {
	const hostile: Snapshot = buildSnapshot({
		principal: {
			arn: 'arn:aws:iam::111122223333:user/jane',
			tags: {team: 'payments'},
			identityPolicies: [
				named(
					'uploads',
					policy(
						allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {
							Sid: 'PaymentsUploadFromOffice',
							Condition: {StringEquals: {'aws:PrincipalTag/team': 'payments', 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890'}},
						}),
						allow(['kms:GenerateDataKey', 'kms:Decrypt'], keyArn, {Condition: {IpAddress: {'aws:SourceIp': ['203.0.113.0/24', '2001:db8:1234::/48']}}}),
					),
				),
			],
			permissionsBoundary: null,
		},
		key: {policy: {...policy(allow('kms:*', '*', {Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Sid: 'EnableIam'})), Id: 'payments-key-policy'}},
		bucket: {policy: policy(allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Principal: {CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}}))},
		requestContext: {'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890', 'aws:SourceIp': '203.0.113.7'},
	});
	const {snapshot, caveats} = redactAll(hostile);
	const text = JSON.stringify(snapshot);

	it('also replaces Sids, Ids, tags, VPC endpoint IDs, IP addresses and canonical IDs', () => {
		for (const original of ['PaymentsUploadFromOffice', 'EnableIam', 'payments', 'vpce-0a1b2c3d4e5f67890', '203.0.113.7', '203.0.113.0', '2001:db8:1234::', '79a59df900b9', 'jane', '111122223333']) {
			expect(text, original).not.toContain(original);
		}
		expect(snapshot.principal?.tags).toEqual({'tag-key-1': 'tag-value-1'});
		expect(text).toContain('"aws:PrincipalTag/tag-key-1":"tag-value-1"');
		expect(snapshot.requestContext?.['aws:SourceVpce']).toBe('vpce-00000000000000001');
	});

	it('says a re-diagnosis may differ when CIDRs were replaced, and says whether this one did', () => {
		expect(caveats.join(' ')).toMatch(/CIDRs/);
		const result = diagnoseRedacted(hostile, 'all');
		expect(result.diagnosis.verdict).toBe(diagnose(hostile).verdict);
		expect(result.notes[0]).toMatch(/^--redact all: IP ranges \(CIDRs\)/);
		const changed = outcomeOf(diagnose(snapshot)) !== outcomeOf(diagnose(hostile));
		expect(result.notes.some(note => note.startsWith('Redaction changed how this snapshot decides'))).toBe(changed);
	});
});

describe('names that are also AWS words', () => {
	const original = buildSnapshot({
		...awsWords('kms', 's3', 'Allow'),
		metadata: {title: 'role kms, session s3: PUT https://example-bucket.s3.eu-west-1.amazonaws.com/q1.csv denied via s3.eu-west-1.amazonaws.com', collectedBy: 'manual'},
	});
	const redacted = redactSnapshot(original);
	const statements = (snapshot: Snapshot) => (snapshot.principal!.identityPolicies![0]!.document as {Statement: {Effect: string; Action: unknown; Condition: unknown}[]}).Statement;

	it('are replaced where they name the role, the session and the policy', () => {
		expect(redacted.principal!.arn).toBe(`arn:aws:sts::${redacted.principal!.arn.split(':')[4]}:assumed-role/role-1/session-1`);
		expect(redacted.principal!.identityPolicies![0]!.name).toBe('policy-1');
		expect(redacted.metadata!.title).toBe('role role-1, session session-1: PUT https://bucket-1.s3.eu-west-1.amazonaws.com/q1.csv denied via s3.eu-west-1.amazonaws.com');
	});

	it("leave the policies' effects, actions and condition values as written", () => {
		expect(statements(redacted).map(({Effect, Action, Condition}) => ({Effect, Action, Condition}))).toEqual(statements(original).map(({Effect, Action, Condition}) => ({Effect, Action, Condition})));
	});
});
