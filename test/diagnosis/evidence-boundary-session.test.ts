import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {allow, buildSnapshot, named, policy, roleArn, sessionArn, userArn, without} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message that names the caller's permissions boundary or session policy is evidence for that row,
 * as an identity-based policy's is (evidence-own-policies.test.ts). AWS documents both wordings (IAM User Guide,
 * "Troubleshooting access denied error messages", github.com/awsdocs/iam-user-guide, doc_source/troubleshoot_access-denied.md):
 * "because no permissions boundary allows the codedeploy:ListDeployments action", "sagemaker:ListModels with an explicit
 * deny in a permissions boundary", "because no session policy allows the codecommit:ListRepositories action", and
 * "with an explicit deny in a sessions policy" (AWS's own spelling in that example).
 */

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const message = (caller: string, why: string): string =>
	`An error occurred (AccessDenied) when calling the PutObject operation: User: ${caller} is not authorized to perform: kms:GenerateDataKey on resource: ${keyArn} ${why}`;

const evidenceOfMessage = (text: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};

const noBoundaryAllows: DenialEvidence = {deniedBy: 'boundary', action: 'kms:GenerateDataKey', deny: 'implicit'};
const boundaryDenies: DenialEvidence = {deniedBy: 'boundary', action: 'kms:GenerateDataKey'};
const noSessionAllows: DenialEvidence = {deniedBy: 'session', action: 'kms:GenerateDataKey', deny: 'implicit'};
const sessionDenies: DenialEvidence = {deniedBy: 'session', action: 'kms:GenerateDataKey'};

const rowOf = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(row => row.place === place && row.action === action);
const withEvidence = (snapshot: Snapshot, evidence: readonly DenialEvidence[]): Snapshot => ({...snapshot, evidence});
const boundaryNotRead = (evidence: readonly DenialEvidence[]): Snapshot => withEvidence(without(buildSnapshot(), 'principal.permissionsBoundary'), evidence);
const boundaryReads = `iam:GetRole or iam:GetUser on ${userArn} (its PermissionsBoundary names the policy), then iam:GetPolicy and iam:GetPolicyVersion on that policy`;
const boundaryOf = (...actions: readonly string[]) => named('Boundary', policy(allow(actions, '*', {Sid: 'Cap'})), 'arn:aws:iam::111122223333:policy/Boundary');
/** A role session whose session policy nobody pasted: AWS cannot read it. */
const session = (): Snapshot => without(buildSnapshot({principal: {arn: sessionArn, roleArn}}), 'principal.sessionPolicy');
const sessionPolicyRead =
	"the session policy as the session's creator passed it (the Policy or PolicyArns of sts:AssumeRole, or of sts:GetFederationToken), pasted by the code, tool or identity broker that created the session: AWS cannot read a session policy back";

describe("AWS's message naming a permissions boundary or a session policy, pasted", () => {
	it('becomes evidence of that layer, implicit and explicit, in the wordings AWS documents', () => {
		// The evidence keeps the key the message names, after "on resource:".
		const named = (evidence: DenialEvidence): DenialEvidence => ({...evidence, resource: keyArn});
		expect(evidenceOfMessage(message(userArn, 'because no permissions boundary allows the kms:GenerateDataKey action'))).toEqual([named(noBoundaryAllows)]);
		expect(evidenceOfMessage(message(userArn, 'with an explicit deny in a permissions boundary'))).toEqual([named(boundaryDenies)]);
		expect(evidenceOfMessage(message(sessionArn, 'because no session policy allows the kms:GenerateDataKey action'))).toEqual([named(noSessionAllows)]);
		expect(evidenceOfMessage(message(sessionArn, 'with an explicit deny in a sessions policy'))).toEqual([named(sessionDenies)]);
	});
});

describe('the permissions boundary not read', () => {
	it('"because no permissions boundary allows": that row ✘ missing by the message, with its words and the reads that show the boundary', () => {
		const diagnosis = diagnose(boundaryNotRead([noBoundaryAllows]));
		expect(rowOf(diagnosis, 'permissions-boundary', 'kms:GenerateDataKey')).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no permissions boundary allows it, its text not read)',
			why: "The pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey. The caller's permissions boundary itself was not read, so what it holds is not known.",
			resolveWith: boundaryReads,
		});
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is not allowed by the permissions boundary.');
		// The message speaks of one action: the boundary's other row stays as read.
		expect(rowOf(diagnosis, 'permissions-boundary', 's3:PutObject')?.status).toBe('unknown');
	});

	it('"with an explicit deny in a permissions boundary": that row ⛔ denied by the message', () => {
		const diagnosis = diagnose(boundaryNotRead([boundaryDenies]));
		expect(rowOf(diagnosis, 'permissions-boundary', 'kms:GenerateDataKey')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (a permissions boundary, its text not read)',
			why: expect.stringMatching(/^The pasted AccessDenied message says a permissions boundary explicitly denied kms:GenerateDataKey\./),
			resolveWith: boundaryReads,
		});
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is denied by the permissions boundary.');
	});

	it('text, markdown and JSON say the same: ✘ missing, decided by the message', () => {
		const diagnosis = diagnose(boundaryNotRead([noBoundaryAllows]));
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/✘ +kms:GenerateDataKey +missing/);
		expect(text).toContain('decided by: the pasted AccessDenied message (no permissions boundary allows it, its text not read)');
		expect(renderMarkdown(diagnosis)).toMatch(/\| ✘ \| `kms:GenerateDataKey` \| `arn:aws:kms:[^`]+` \| missing \| the pasted AccessDenied message \(no permissions boundary allows it, its text not read\) \|/);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; resolveWith?: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(row => row.place === 'permissions-boundary' && row.action === 'kms:GenerateDataKey')).toMatchObject({status: 'missing', resolveWith: boundaryReads});
	});
});

describe('the permissions boundary read', () => {
	it('read ✘ (it allows S3 only): the row says the message agrees, and the fix that adds the Allow to the boundary is proven', () => {
		const diagnosis = diagnose(withEvidence(buildSnapshot({principal: {permissionsBoundary: boundaryOf('s3:*')}}), [noBoundaryAllows]));
		const row = rowOf(diagnosis, 'permissions-boundary', 'kms:GenerateDataKey');
		expect(row?.status).toBe('missing');
		expect(row?.why).toContain('The pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey, which agrees with what was read.');
		const fix = diagnosis.fixes.find(each => each.place === 'permissions-boundary');
		expect(fix?.resolves).toEqual(['kms:GenerateDataKey@destination#permissions-boundary']);
		expect(fix?.proven).toBe(true);
	});

	it('read ✔ beside "because no permissions boundary allows": ? unknown, never ✔, with the boundary read again as what settles it', () => {
		const allowing = buildSnapshot({principal: {permissionsBoundary: boundaryOf('s3:*', 'kms:*')}});
		expect(rowOf(diagnose(allowing), 'permissions-boundary', 'kms:GenerateDataKey')?.status).toBe('ok');
		const diagnosis = diagnose(withEvidence(allowing, [noBoundaryAllows]));
		const row = rowOf(diagnosis, 'permissions-boundary', 'kms:GenerateDataKey');
		expect(row).toMatchObject({
			status: 'unknown',
			why:
				"The caller's permissions boundary read allows kms:GenerateDataKey (permissions boundary \"Boundary\", Sid \"Cap\"), yet the pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey. " +
				"AWS's message says what AWS decided, so what applies is not what was read: likely an Allow removed or changed since it was read, or another policy set as the boundary since.",
			resolveWith: `the permissions boundary read again as it is now: ${boundaryReads}, with a profile of the caller's account 111122223333`,
		});
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toContain('fails: the pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey, yet the caller\'s permissions boundary read allows it.');
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/What the request needs\n(?:.*\n)*? {2}✘ +kms:GenerateDataKey +not allowed\n/);
		const boundaryGroup = text.slice(text.indexOf('  Permissions boundary'), text.indexOf('\nFixes'));
		expect(boundaryGroup).toMatch(/\? +kms:GenerateDataKey +unknown\n/);
		expect(boundaryGroup).not.toMatch(/✔ +kms:GenerateDataKey/);
		const json = JSON.parse(renderJson(diagnosis)) as {requirements: {place: string; action: string; status: string}[]};
		expect(json.requirements.find(entry => entry.place === 'permissions-boundary' && entry.action === 'kms:GenerateDataKey')?.status).toBe('unknown');
		expect(renderMarkdown(diagnosis)).toMatch(/\| \? \| `kms:GenerateDataKey` \| `arn:aws:kms:[^`]+` \| unknown \| [^|]*\| The caller's permissions boundary read allows kms:GenerateDataKey/);
	});

	it('read to be none beside "with an explicit deny in a permissions boundary": ? unknown, saying a boundary was set since', () => {
		const diagnosis = diagnose(withEvidence(buildSnapshot(), [boundaryDenies]));
		const row = rowOf(diagnosis, 'permissions-boundary', 'kms:GenerateDataKey');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain(`As read, no permissions boundary applies to ${userArn}, yet the pasted AccessDenied message says a permissions boundary explicitly denied kms:GenerateDataKey.`);
		expect(row?.why).toContain('likely a permissions boundary set since it was read.');
		expect(row?.resolveWith).toContain('iam:GetRole or iam:GetUser');
		expect(diagnosis.verdict).not.toBe('allowed');
	});
});

describe('a session policy, which AWS cannot read', () => {
	it('"because no session policy allows": that row ✘ missing by the message, saying it cannot be read and who can paste it', () => {
		const withoutMessage = diagnose(session());
		expect(rowOf(withoutMessage, 'session-policy', 'kms:GenerateDataKey')).toBeUndefined();
		expect(withoutMessage.assumptions.map(fact => fact.id)).toContain('no-session-policy');
		const diagnosis = diagnose(withEvidence(session(), [noSessionAllows]));
		expect(rowOf(diagnosis, 'session-policy', 'kms:GenerateDataKey')).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no session policy allows it, its text not read)',
			why: 'The pasted AccessDenied message says no session policy allows kms:GenerateDataKey. The session policy cannot be read from AWS (it is passed when the session is created), so what it holds is not known.',
			resolveWith: sessionPolicyRead,
		});
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is not allowed by the session policy.');
		// AWS says one was passed: no longer assumed away, and what it says of the other action is not known.
		expect(diagnosis.assumptions.map(fact => fact.id)).not.toContain('no-session-policy');
		expect(rowOf(diagnosis, 'session-policy', 's3:PutObject')).toMatchObject({status: 'unknown', resolveWith: sessionPolicyRead});
	});

	it('"with an explicit deny in a sessions policy": that row ⛔ denied by the message', () => {
		const diagnosis = diagnose(withEvidence(session(), [sessionDenies]));
		expect(rowOf(diagnosis, 'session-policy', 'kms:GenerateDataKey')).toMatchObject({
			status: 'denied',
			decidedBy: 'the pasted AccessDenied message (a session policy, its text not read)',
			resolveWith: sessionPolicyRead,
		});
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: kms:GenerateDataKey is denied by the session policy.');
	});

	it('given to allow beside "because no session policy allows": ? unknown, never ✔, naming another policy the session was created with', () => {
		const given = buildSnapshot({principal: {arn: sessionArn, roleArn, sessionPolicy: policy(allow('*', '*', {Sid: 'All'}))}});
		expect(rowOf(diagnose(given), 'session-policy', 'kms:GenerateDataKey')?.status).toBe('ok');
		const diagnosis = diagnose(withEvidence(given, [noSessionAllows]));
		const row = rowOf(diagnosis, 'session-policy', 'kms:GenerateDataKey');
		expect(row?.status).toBe('unknown');
		// AWS cannot show a session policy: one the snapshot holds was given, never read, even where the rest was read.
		expect(row?.why).toContain('likely the session created with another session policy than the one given.');
		expect(row?.why).not.toMatch(/\bread\b/);
		expect(row?.resolveWith).toBe(`${sessionPolicyRead}; what was given may not be the policy that session was created with`);
		expect(diagnosis.verdict).not.toBe('allowed');
	});

	it('said to be none beside the message: ? unknown, naming the session, never ✔', () => {
		const none = buildSnapshot({principal: {arn: sessionArn, roleArn, sessionPolicy: null}});
		const row = rowOf(diagnose(withEvidence(none, [noSessionAllows])), 'session-policy', 'kms:GenerateDataKey');
		expect(row?.status).toBe('unknown');
		expect(row?.why).toContain(`As read, no session policy applies to ${sessionArn}, yet the pasted AccessDenied message says no session policy allows kms:GenerateDataKey.`);
		expect(row?.why).toContain('likely a session policy passed when the session was created, which AWS cannot read back.');
	});
});

describe('fixes beside the message', () => {
	it("a fix for another row that turns ✔ while the boundary's denial stands is not proven, and says what blocks it", () => {
		const noS3 = buildSnapshot({principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', '*', {Sid: 'Key'})))]}});
		const diagnosis = diagnose(withEvidence({...noS3, principal: {...noS3.principal!, permissionsBoundary: boundaryOf('s3:*')}}, [noBoundaryAllows]));
		const s3Fix = diagnosis.fixes.find(fix => fix.resolves.includes('s3:PutObject@destination#identity-policy'));
		expect(s3Fix?.proven).toBe(false);
		expect(s3Fix?.blockedBy).toEqual({status: 'denied', by: 'the pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey'});
	});
});
