import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {shellQuote} from '../../source/shared/shell.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {allow, buildSnapshot, deny, keyArn, named, policy, without} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message that names the caller's identity-based policies or the resource's policy (the bucket
 * policy, the key policy) is evidence for that layer, as an SCP's or RCP's is for theirs (evidence.test.ts). AWS documents
 * the two wordings: "When a policy explicitly denies access because the policy contains a Deny statement, then AWS
 * includes the phrase with an explicit deny in a type policy in the access denied error message. When the policy
 * implicitly denies access, then AWS includes the phrase because no type policy allows the action action in the access
 * denied error message." (IAM User Guide, "Troubleshooting access denied error messages", github.com/awsdocs/iam-user-guide,
 * doc_source/troubleshoot_access-denied.md; its identity-based examples: "because no identity-based policy allows the
 * codecommit:ListRepositories action", "with an explicit deny in an identity-based policy".)
 */

const implicitMessage =
	'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:GenerateDataKey action';
const explicitMessage =
	'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/DenyKms';

const evidenceOfMessage = (message: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(message);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};

const noIdentityAllows: DenialEvidence = {deniedBy: 'identity', action: 'kms:GenerateDataKey', deny: 'implicit'};
const identityDenies: DenialEvidence = {deniedBy: 'identity', action: 'kms:GenerateDataKey', policyArn: 'arn:aws:iam::111122223333:policy/DenyKms'};

const rowOf = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(row => row.place === place && row.action === action);
const identityNotRead = (evidence: readonly DenialEvidence[]): Snapshot => ({...without(buildSnapshot(), 'principal.identityPolicies'), evidence});
const withEvidence = (snapshot: Snapshot, evidence: readonly DenialEvidence[]): Snapshot => ({...snapshot, evidence});
const policyReads = 'iam:ListUserPolicies, iam:GetUserPolicy, iam:ListAttachedUserPolicies, iam:ListGroupsForUser (and the group policy reads) and iam:GetPolicyVersion on arn:aws:iam::111122223333:user/alice (or paste its policies)';
const reread = "the caller's identity-based policies read again as they are now, every one (inline, attached, and a user's groups'), with a profile of the caller's account 111122223333";
/** Only s3:PutObject allowed: no identity-based policy allows kms:GenerateDataKey. */
const s3Only = buildSnapshot({principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Sid: 'Objects'})))]}});

describe("AWS's message naming an identity-based or resource-based policy, pasted", () => {
	it('becomes evidence of that layer: implicit, explicit with the policy ARN AWS added, and a resource-based policy', () => {
		// The key the message names is kept: where two legs need the action, it tells which.
		const resource = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
		expect(evidenceOfMessage(implicitMessage)).toEqual([{...noIdentityAllows, resource}]);
		expect(evidenceOfMessage(explicitMessage)).toEqual([{...identityDenies, resource}]);
		expect(evidenceOfMessage(implicitMessage.replace('identity-based policy', 'resource-based policy'))).toEqual([{deniedBy: 'resource', action: 'kms:GenerateDataKey', deny: 'implicit', resource}]);
	});
});

describe('the identity-based policies not read', () => {
	it('"because no identity-based policy allows": that row ✘ missing by the message, with its words and the read that shows the policies', () => {
		const diagnosis = diagnose(identityNotRead([noIdentityAllows]));
		expect(rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey')).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no identity-based policy allows it, their text not read)',
			why: "The pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey. The caller's identity-based policies themselves were not read, so what they hold is not known.",
			resolveWith: policyReads,
		});
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is not allowed by the IAM identity policies.');
		// One action on one resource: the other action's row there stays as read (unknown).
		expect(rowOf(diagnosis, 'identity-policy', 's3:PutObject')?.status).toBe('unknown');
		// What it does not say of the key policy, the key policy's row keeps as read.
		expect(rowOf(diagnosis, 'key-policy', 'kms:GenerateDataKey')?.status).toBe('ok');
	});

	it('"with an explicit deny in an identity-based policy": that row ⛔ denied by the message', () => {
		const diagnosis = diagnose(identityNotRead([identityDenies]));
		expect(rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (an identity-based policy, its text not read)',
			why: expect.stringMatching(/^The pasted AccessDenied message says an identity-based policy \(arn:aws:iam::111122223333:policy\/DenyKms\) explicitly denied kms:GenerateDataKey\./),
			resolveWith: policyReads,
		});
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is denied by the IAM identity policies.');
	});

	it('text, markdown and JSON say the same: ✘ missing, decided by the message, nowhere "may allow or deny" on that row', () => {
		const diagnosis = diagnose(identityNotRead([noIdentityAllows]));
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/✘ +kms:GenerateDataKey +missing/);
		expect(text).toContain('decided by: the pasted AccessDenied message (no identity-based policy allows it, their text not read)');
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ✘ \| `kms:GenerateDataKey` \| `arn:aws:kms:[^`]+` \| missing \| the pasted AccessDenied message \(no identity-based policy allows it, their text not read\) \| The pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey/);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(row => row.place === 'identity-policy' && row.action === 'kms:GenerateDataKey')).toMatchObject({status: 'missing', decidedBy: expect.stringContaining('the pasted AccessDenied message'), resolveWith: policyReads});
	});
});

describe('the identity-based policies read', () => {
	it('read ✘ (none allows it): the row says the message agrees, and the fix that adds the Allow is proven', () => {
		const diagnosis = diagnose(withEvidence(s3Only, [noIdentityAllows]));
		const row = rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey');
		expect(row?.status).toBe('missing');
		expect(row?.why).toContain('The pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey, which agrees with what was read.');
		const fix = diagnosis.fixes.find(each => each.place === 'identity-policy');
		expect(fix?.resolves).toEqual(['kms:GenerateDataKey@destination#identity-policy']);
		expect(fix?.proven).toBe(true);
	});

	it('read ⛔ (a Deny applies): the row keeps its statement, ⛔', () => {
		const denies = buildSnapshot({principal: {identityPolicies: [named('D', policy(allow('*', '*'), deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'})))]}});
		const diagnosis = diagnose(withEvidence(denies, [identityDenies]));
		expect(rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey')).toMatchObject({status: 'denied', decidedBy: 'IAM policy "D", Sid "NoKms"'});
	});

	it('read ✔ beside "no identity-based policy allows": ? unknown, never ✔, saying what was read is not what AWS applied, with the read that settles it', () => {
		const withoutMessage = diagnose(buildSnapshot());
		expect(rowOf(withoutMessage, 'identity-policy', 'kms:GenerateDataKey')?.status).toBe('ok');
		const diagnosis = diagnose(withEvidence(buildSnapshot(), [noIdentityAllows]));
		const row = rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey');
		expect(row).toMatchObject({status: 'unknown', resolveWith: `${reread}; or paste them all into the wizard`});
		expect(row?.why).toBe(
			"The caller's identity-based policies read allow kms:GenerateDataKey (IAM policy \"ObjectsAndKey\", Sid \"UseKey\"), yet the pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey. " +
				"AWS's message says what AWS decided, so what applies is not what was read: likely an Allow removed or changed since it was read, or one not read (an identity-based policy attached since, or a group's).",
		);
		// What AWS decided is the verdict, as for an SCP's message (one rule for every type): denied, the row saying what is open.
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('denied');
		expect(diagnosis.summary).toContain(
			"fails: the pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey, yet the caller's identity-based policies read allow it.",
		);
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/What the request needs\n(?:.*\n)*? {2}✘ +kms:GenerateDataKey +not allowed\n/);
		expect(text).toMatch(/IAM identity policies\n(?:.*\n)*? {4}\? +kms:GenerateDataKey +unknown\n/);
		expect(text.slice(text.indexOf('IAM identity policies'))).not.toMatch(/✔ +kms:GenerateDataKey/);
		const json = JSON.parse(renderJson(diagnosis)) as {requirements: {place: string; action: string; status: string}[]};
		expect(json.requirements.find(entry => entry.place === 'identity-policy' && entry.action === 'kms:GenerateDataKey')?.status).toBe('unknown');
		expect(renderMarkdown(diagnosis)).toMatch(/\| \? \| `kms:GenerateDataKey` \| `arn:aws:kms:[^`]+` \| unknown \| [^|]*\| The caller's identity-based policies read allow kms:GenerateDataKey/);
	});

	it('read ✔ beside "with an explicit deny in an identity-based policy": ? unknown, naming the policy the message names', () => {
		const diagnosis = diagnose(withEvidence(buildSnapshot(), [identityDenies]));
		const row = rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain('yet the pasted AccessDenied message says an identity-based policy (arn:aws:iam::111122223333:policy/DenyKms) explicitly denied kms:GenerateDataKey');
		expect(row?.resolveWith).toContain('aws iam get-policy --policy-arn arn:aws:iam::111122223333:policy/DenyKms');
		expect(diagnosis.verdict).not.toBe('allowed');
	});

	it("a snapshot's policy ARN holding shell syntax is quoted in the read that names it: pasted, it runs nothing", () => {
		const hostile = 'arn:aws:iam::111122223333:policy/DenyKms;touch$IFS/tmp/pwned';
		const diagnosis = diagnose(withEvidence(buildSnapshot(), [{...identityDenies, policyArn: hostile}]));
		expect(rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey')?.resolveWith).toContain(`aws iam get-policy --policy-arn ${shellQuote(hostile)} and its default version`);
	});

	it('a KMS key whose key policy was not read: the key policy row stays as read (unknown); the identity row names the delegation AWS does not document the message for', () => {
		const diagnosis = diagnose(withEvidence(without(buildSnapshot(), 'key.policy'), [noIdentityAllows]));
		expect(rowOf(diagnosis, 'key-policy', 'kms:GenerateDataKey')).toMatchObject({status: 'unknown', why: expect.stringContaining('may allow or deny kms:GenerateDataKey')});
		const row = rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain('or the key policy, not read, not letting identity-based policies count (an Allow in them has no effect without it; which message KMS returns then, AWS does not document)');
	});
});

describe('a resource-based policy not read', () => {
	it('"because no resource-based policy allows kms:GenerateDataKey": the key policy row ✘ by the message, the identity row as read', () => {
		const diagnosis = diagnose(withEvidence(without(buildSnapshot(), 'key.policy'), [{deniedBy: 'resource', action: 'kms:GenerateDataKey', deny: 'implicit'}]));
		expect(rowOf(diagnosis, 'key-policy', 'kms:GenerateDataKey')).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no resource-based policy allows it, their text not read)',
			resolveWith: `kms:GetKeyPolicy on ${keyArn}`,
		});
		expect(rowOf(diagnosis, 'identity-policy', 'kms:GenerateDataKey')?.status).toBe('unknown');
		expect(diagnosis.verdict).toBe('denied');
	});

	it('"with an explicit deny in a resource-based policy" on s3:PutObject: the bucket policy row ⛔ by the message', () => {
		const diagnosis = diagnose(withEvidence(without(buildSnapshot(), 'bucket.policy'), [{deniedBy: 'resource', action: 's3:PutObject'}]));
		expect(rowOf(diagnosis, 'bucket-policy', 's3:PutObject')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (a resource-based policy (the bucket policy), its text not read)',
			resolveWith: expect.stringContaining('s3:GetBucketPolicy on arn:aws:s3:::example-bucket'),
		});
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: s3:PutObject is denied by the bucket policy.');
	});
});

describe('fixes beside the message', () => {
	it('a fix for another action whose rows turn ✔ while the message\'s denial stands is not proven, and says what blocks it', () => {
		const noneRead = identityNotRead([noIdentityAllows]);
		const diagnosis = diagnose(noneRead);
		const s3Fix = diagnosis.fixes.find(fix => fix.resolves.includes('s3:PutObject@destination#identity-policy'));
		expect(s3Fix?.proven).toBe(false);
		expect(s3Fix?.blockedBy).toEqual({status: 'denied', by: 'the pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey'});
		// The fix that adds the Allow the message says is missing answers it.
		const kmsFix = diagnosis.fixes.find(fix => fix.resolves.includes('kms:GenerateDataKey@destination#identity-policy'));
		expect(kmsFix?.blockedBy).toBeUndefined();
	});
});
