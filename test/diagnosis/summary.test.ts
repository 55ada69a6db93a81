import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {readFileSync} from 'node:fs';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, bucketArn, buildSnapshot, customerKey, deny, fullIdentityPolicy, keyArn, keyArnOf, MiB, named, policy, region, sessionArn, userArn, without} from './support/build-snapshot.js';

/** Issue: "The headline names the most likely cause even when something is unknown … Each sentence appears once." */

/** The first seed article: the key policy grants john only kms:GenerateDataKey; a 200 MB upload goes multipart. */
const seedOne = (): Snapshot =>
	without(
		buildSnapshot({
			metadata: {collectedBy: 'manual'},
			question: {sizeBytes: 200 * 1000 * 1000},
			principal: {identityPolicies: [{name: 'Uploads', document: policy(allow(['s3:PutObject'], `${bucketArn}/*`), allow(['kms:GenerateDataKey'], keyArn))}]},
			key: customerKey(keyArn, policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: userArn}}))),
		}),
		'key.grants',
	);

describe('the headline', () => {
	it('leads with the cause when only the grants are not given', () => {
		const diagnosis = diagnose(seedOne());
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toContain('kms:Decrypt is not allowed by the key policy — unless a KMS grant allows it (grants not given)');
		expect(diagnosis.fixes[0]).toMatchObject({kind: 'add-allow', place: 'key-policy'});
	});

	it('names the unread guardrails when they are all that is unknown', () => {
		const diagnosis = diagnose(without(buildSnapshot({question: {sizeBytes: 1 * MiB}}), 'organization'));
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toMatch(/^Everything that could be read allows uploading to s3:\/\/example-bucket\/reports\/2025\/q1\.csv \(s3:PutObject and kms:GenerateDataKey\)\./);
		expect(diagnosis.summary).toContain("Not read: the organization's SCPs and RCPs — organizations:ListPoliciesForTarget from the management account");
		expect(diagnosis.summary).not.toContain('cannot be');
	});

	it('does not call a read SCP "not read" when only its condition is undecided', () => {
		const regionScp = policy({Effect: 'Allow', Action: '*', Resource: '*'}, {Effect: 'Deny', Action: '*', Resource: '*', Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}});
		const snapshot = buildSnapshot({organization: {serviceControlPolicies: [[regionScp]], resourceControlPolicies: []}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).not.toContain('Not read');
		expect(diagnosis.summary).not.toContain('Everything that could be read');
	});

	it('says an error finding once: the headline names its cause, the finding says it in full', () => {
		const diagnosis = diagnose(buildSnapshot({key: {keyState: 'Disabled'}}));
		const finding = diagnosis.findings.find(candidate => candidate.id === 'key-disabled')!;
		expect(diagnosis.summary).not.toContain(finding.message.replace(/\.$/, ''));
		expect(diagnosis.summary).toContain(`is disabled`);
		const text = renderText(diagnosis, {color: false, width: 200});
		expect(text.split(finding.message).length - 1).toBe(1);
	});
});

/** How often `part` occurs in `text`. */
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe("a guardrail's Deny in the headline", () => {
	const allowAll = named('FullAWSAccess', policy(allow('*', '*')));
	// A 200 MiB upload goes in parts: both KMS actions are denied by the one statement.
	const denyKms = named('DenyKms', policy(allow('*', '*'), deny('kms:*', '*', {Sid: 'NoKms'})));

	it('names the SCP statement that denies once, not the service control policies again before it', () => {
		const snapshot = buildSnapshot({question: {sizeBytes: 200 * MiB}, organization: {serviceControlPolicies: [[allowAll], [denyKms]], resourceControlPolicies: []}});
		const {summary, verdict} = diagnose(snapshot);
		expect(verdict).toBe('denied');
		expect(summary).toMatch(/fails: the SCP "DenyKms", attached to the account, Sid "NoKms" denies kms:GenerateDataKey, kms:Decrypt\.$/);
		// The kind is said once, spelled out or as SCP: not "the service control policy SCP".
		expect(occurrences(summary, 'service control polic') + occurrences(summary, 'SCP')).toBe(1);
	});

	it("names the permissions boundary's statement once, beside another place's denial said as before", () => {
		const snapshot = buildSnapshot({
			principal: {permissionsBoundary: named('Boundary', policy(allow('s3:*', '*'), deny('kms:*', '*', {Sid: 'NoKms'})))},
			bucket: {policy: policy(deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'NoWrites', Principal: '*'}))},
		});
		const {summary} = diagnose(snapshot);
		expect(summary).toMatch(/fails: s3:PutObject is denied by the bucket policy; the permissions boundary "Boundary", Sid "NoKms" denies kms:GenerateDataKey\.$/);
		expect(occurrences(summary, 'permissions boundary')).toBe(1);
	});
});

describe('actions that fail for the same cause', () => {
	// The key policy lets only an administrator use the key, and does not let IAM policies count: a 200 MiB upload needs both.
	const adminOnly = policy(allow('kms:*', '*', {Sid: 'Admins', Principal: {AWS: `arn:aws:iam::${account}:role/KeyAdmin`}}));

	it('are named together, with the policy said once', () => {
		const {summary, verdict} = diagnose(buildSnapshot({question: {sizeBytes: 200 * MiB}, key: customerKey(keyArn, adminOnly)}));
		expect(verdict).toBe('denied');
		expect(summary).toMatch(/fails: kms:GenerateDataKey and kms:Decrypt are not allowed by the key policy\.$/);
		expect(occurrences(summary, 'key policy')).toBe(1);
	});

	it('are named together with what could still allow them, said once', () => {
		const {summary, verdict} = diagnose(without(buildSnapshot({question: {sizeBytes: 200 * MiB}, key: customerKey(keyArn, adminOnly)}), 'key.grants'));
		expect(verdict).toBe('unknown');
		expect(summary).toMatch(/most likely fails: kms:GenerateDataKey and kms:Decrypt are not allowed by the key policy — unless a KMS grant allows them \(grants not read\)\.$/);
		expect(occurrences(summary, 'KMS grant')).toBe(1);
	});

	const sourceKey = keyArnOf(account, region, 'aaaaaaaa-1111-2222-3333-444444444444');
	const twoKeys = (): Snapshot =>
		buildSnapshot({
			question: {operation: 'copy', source: {bucket: 'source-bucket', objectKey: 'in/q1.csv', kmsKeyId: sourceKey}},
			principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], [bucket, 'source-bucket'])]},
			key: customerKey(keyArn, adminOnly),
			source: {
				bucketInfo: {accountId: account, region, policy: null, defaultEncryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
				objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey}},
				keyInfo: customerKey(sourceKey, adminOnly),
			},
		});

	it("say which key's grants could still allow them, where the request has two keys", () => {
		const {summary, verdict} = diagnose(without(twoKeys(), 'key.grants', 'source.keyInfo.grants'));
		expect(verdict).toBe('unknown');
		// "Unless a KMS grant allows it" twice would not say which key's grant could.
		expect(summary).toMatch(
			/most likely fails: kms:Decrypt is not allowed by the key policy of the source object's key — unless a KMS grant on the source object's key allows it \(grants not read\); kms:GenerateDataKey is not allowed by the key policy of the destination key — unless a KMS grant on the destination key allows it \(grants not read\)\.$/,
		);
	});

	it("are not merged where they are two keys' policies: a copy's source key and destination key", () => {
		// Each key by its leg's words: "the key policy" twice would not say which key is which.
		expect(diagnose(twoKeys()).summary).toMatch(
			/fails: kms:Decrypt is not allowed by the key policy of the source object's key; kms:GenerateDataKey is not allowed by the key policy of the destination key\.$/,
		);
	});
});

describe('a place that is only another way to grant an action', () => {
	it('is not named as the cause while the place its fix would go is not read', () => {
		// Same account, no bucket policy: the caller's IAM policies decide, and they could not be listed.
		const snapshot = without(buildSnapshot(), 'principal.identityPolicies');
		const diagnosis = diagnose(snapshot);
		const bucketRow = diagnosis.requirements.find(row => row.place === 'bucket-policy')!;
		expect(bucketRow.why).toContain('It is another place that could grant it');
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).not.toContain('most likely fails');
		expect(diagnosis.summary).not.toContain('bucket policy');
		expect(diagnosis.summary).toMatch(/cannot be decided yet: s3:PutObject and kms:GenerateDataKey depend on the caller's IAM policies\.$/);
	});
});

describe('the undecided headline', () => {
	const example = (name: string): Snapshot => {
		const parsed = parseSnapshot(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'), name);
		if (!parsed.ok) throw new Error(parsed.error.message);
		return parsed.value;
	};

	it('names a value not known once, with the policy whose condition tests it, not as two causes', () => {
		// The bucket policy's Deny tests aws:SourceIp, which Athena's request does not tell: one fact decides it.
		const diagnosis = diagnose(example('athena-query-source-ip-deny.json'));
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toMatch(/cannot be decided yet: s3:GetObject depends on the request's aws:SourceIp, which a condition of the bucket policy tests\.$/);
	});

	it('says an unread key policy once, not again as the IAM Allow that counts only if it delegates', () => {
		const diagnosis = diagnose(without(buildSnapshot(), 'key.policy'));
		expect(diagnosis.summary).toMatch(/cannot be decided yet: kms:GenerateDataKey depends on the key policy\.$/);
	});
});

describe('a headline built from an error finding', () => {
	it('keeps a parenthesis whole: the SCP a pasted error named is said, not cut before it', () => {
		const snapshot = without(
			buildSnapshot({evidence: [{deniedBy: 'scp', action: 's3:PutObject', policyArn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234'}]}),
			'organization',
		);
		expect(diagnose(snapshot).summary).toMatch(/fails: the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" \(arn:aws:organizations::999988887777:policy\/o-a1b2c3d4e5\/service_control_policy\/p-abcd1234\)\.$/);
	});
});

describe('an action needed only if the request goes in parts, which is not known', () => {
	// The key policy grants kms:GenerateDataKey but not kms:Decrypt, which only a multipart upload needs.
	const keyPolicy = policy(allow('kms:GenerateDataKey', '*', {Principal: {AWS: userArn}}));
	const unknownSize = without(buildSnapshot({key: customerKey(keyArn, keyPolicy)}), 'question.sizeBytes');

	it('leaves the verdict unknown, and the headline says on what: a single PutObject would succeed', () => {
		const diagnosis = diagnose(unknownSize);
		expect(diagnosis.question.multipart).toBe('unknown');
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toMatch(/fails if it goes in parts, which is not known: kms:Decrypt is not allowed by the key policy\.$/);
	});

	it('names what is open among the unknowns, with what settles it, never none beside an unknown verdict', () => {
		const diagnosis = diagnose(unknownSize);
		expect(diagnosis.unknowns).toEqual([
			expect.objectContaining({
				what: 'whether the request goes in parts',
				reason: expect.stringContaining('kms:Decrypt is needed only if it goes in parts, and is not allowed'),
				resolveWith: expect.stringContaining('question.sizeBytes; check --size'),
			}),
		]);
		expect(renderText(diagnosis, {color: false, width: 200})).toMatch(/Unknowns\n\s+\?\s+whether the request goes in parts/);
		expect(diagnose(buildSnapshot({question: {sizeBytes: 100 * MiB}, key: customerKey(keyArn, keyPolicy)})).unknowns).toEqual([]);
	});

	it('is denied once the size says it goes in parts, and allowed once it says one request', () => {
		expect(diagnose(buildSnapshot({question: {sizeBytes: 100 * MiB}, key: customerKey(keyArn, keyPolicy)})).verdict).toBe('denied');
		expect(diagnose(buildSnapshot({question: {sizeBytes: 1 * MiB}, key: customerKey(keyArn, keyPolicy)})).verdict).toBe('allowed');
	});

	it('is still denied when an action every request needs is denied too', () => {
		const nothing = without(buildSnapshot({key: customerKey(keyArn, policy(allow('kms:DescribeKey', '*', {Principal: {AWS: userArn}})))}), 'question.sizeBytes');
		const diagnosis = diagnose(nothing);
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toMatch(/fails: kms:GenerateDataKey is not allowed by the key policy/);
	});
});

describe('a guardrail\'s Deny of an action needed only if the request goes in parts, which is not known', () => {
	// The same missing grant without a Deny leaves the verdict unknown (above): a Deny read in a guardrail says no more.
	const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
	const noDecrypt = named('NoDecrypt', policy(deny('kms:Decrypt', '*', {Principal: '*'})));
	const cases = [
		{
			guardrail: 'an SCP',
			id: 'blocked-by-scp',
			snapshot: buildSnapshot({organization: {serviceControlPolicies: [[fullAccess, named('NoDecrypt', policy(deny('kms:Decrypt', '*')))]]}}),
			cause: 'the SCP "NoDecrypt", attached to the root, statement #1 denies kms:Decrypt',
		},
		{
			guardrail: 'an RCP',
			id: 'blocked-by-rcp',
			snapshot: buildSnapshot({organization: {resourceControlPolicies: [[named('RCPFullAWSAccess', policy(allow('*', '*', {Principal: '*'}))), noDecrypt]]}}),
			cause: 'the RCP "NoDecrypt", attached to the root, statement #1 denies kms:Decrypt',
		},
		{
			guardrail: 'a permissions boundary',
			id: 'blocked-by-permissions-boundary',
			snapshot: buildSnapshot({principal: {permissionsBoundary: named('Boundary', policy(allow('*', '*'), deny('kms:Decrypt', '*')))}}),
			cause: 'the permissions boundary "Boundary", statement #2 denies kms:Decrypt',
		},
		{
			guardrail: 'a session policy',
			id: 'blocked-by-session-policy',
			snapshot: buildSnapshot({principal: {arn: sessionArn, sessionPolicy: policy(allow('*', '*'), deny('kms:Decrypt', '*'))}}),
			cause: 'the session policy, statement #2 denies kms:Decrypt',
		},
	];

	it.each(cases)('$guardrail: the verdict is unknown, the headline names the Deny under that condition, and the finding is a warning saying so', ({snapshot, id, cause}) => {
		const diagnosis = diagnose(without(snapshot, 'question.sizeBytes'));
		expect(diagnosis.question.multipart).toBe('unknown');
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.summary).toBe(`Uploading to s3://${bucket}/reports/2025/q1.csv fails if it goes in parts, which is not known: ${cause}.`);
		const finding = diagnosis.findings.find(candidate => candidate.id === id);
		expect(finding?.severity).toBe('warning');
		expect(finding?.message).toContain('denies kms:Decrypt; this request needs kms:Decrypt only if it goes in parts, which is not known. If it does, ');
		expect(diagnosis.findings.filter(candidate => candidate.severity === 'error')).toEqual([]);
	});

	it.each(cases)('$guardrail: an error, and denied, once the size says it goes in parts', ({snapshot, id, cause}) => {
		const diagnosis = diagnose(buildSnapshot({...snapshot, question: {...snapshot.question, sizeBytes: 100 * MiB}}));
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toBe(`Uploading to s3://${bucket}/reports/2025/q1.csv fails: ${cause}.`);
		expect(diagnosis.findings.find(candidate => candidate.id === id)?.severity).toBe('error');
	});

	it('is still denied, said for sure, when the same Deny refuses an action every upload needs', () => {
		const both = named('NoKms', policy(deny(['kms:GenerateDataKey', 'kms:Decrypt'], '*')));
		const diagnosis = diagnose(without(buildSnapshot({organization: {serviceControlPolicies: [[fullAccess, both]]}}), 'question.sizeBytes'));
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toMatch(/ fails: the SCP "NoKms", attached to the root, statement #1 denies kms:GenerateDataKey, kms:Decrypt\.$/);
		expect(diagnosis.findings.find(candidate => candidate.id === 'blocked-by-scp')).toMatchObject({severity: 'error', message: expect.stringContaining('While it stands no change') as unknown});
	});
});
