import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {MiB, allow, buildSnapshot, deny, keyArn, named, policy, sameAccountDownload, without} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message saying an SCP or RCP denied an action, the policies not read: the verdict is denied
 * because of it, so the rows of that layer say so too (from the message, the policy not read), in every format, never
 * "may allow or deny". An RCP's explicit deny is ⛔. An SCP's is ✘, never ⛔: "When an SCP denies access, the error
 * message always includes the phrase due to an explicit deny in a Service Control Policy, even if the denial is
 * implicit." (IAM User Guide, "Troubleshooting access denied error messages", github.com/awsdocs/iam-user-guide,
 * doc_source/troubleshoot_access-denied.md) So the message tells that an SCP denies, not that a Deny does; the policies'
 * text tells which. That note makes no exception for a message that names a policy ARN, so a named one is no different.
 */

const policyArn = 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1';
const scpDenied: DenialEvidence = {deniedBy: 'scp', action: 's3:PutObject', policyArn};

/** Everything else allows; the organization's policies were not read. */
const unreadOrganization = (evidence: readonly DenialEvidence[], overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot => ({
	...without(buildSnapshot(overrides), 'organization'),
	evidence,
});

const rowOf = (diagnosis: Diagnosis, place: string, action: string) => diagnosis.requirements.find(row => row.place === place && row.action === action);

const eitherWaySource = 'the pasted AccessDenied message (a service control policy denies it, by a Deny or by no Allow; their text not read)';
const awsWordsAlike = 'AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages")';
const scpServiceArea = (text: string): string => text.slice(text.indexOf('  Service control policies\n'), text.indexOf('  Resource control policies\n'));

describe('a message that says an SCP denied s3:PutObject "with an explicit deny", naming the policy, the SCPs not read', () => {
	const diagnosis = diagnose(unreadOrganization([scpDenied]));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the row is ✘ by the message, never ⛔: an SCP denies, by a Deny or by no Allow, as AWS words both alike; with the reads that tell which', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(row).toMatchObject({
			status: 'missing',
			decidedBy: eitherWaySource,
			why:
				`The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}); ${awsWordsAlike}. ` +
				'So a service control policy denies s3:PutObject, by a Deny statement or by a level where none allows it; the service control policies themselves were not read, so which, and where, is not known.',
		});
		expect(row?.why).not.toContain('explicitly denied');
		expect(row?.resolveWith).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY, and the same for each OU above the account and for the root');
		expect(row?.resolveWith).toContain('then aws organizations describe-policy --policy-id ID for each policy listed shows whether one holds a Deny for s3:PutObject or a level has none that allows it');
		expect(row?.resolveWith).toContain('aws organizations describe-policy --policy-id p-examplescp1 shows the one the message names');
		expect(row?.resolveWith).toContain('or paste those SCPs into the wizard');
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('leaves what the message does not speak of unknown: the other actions, and the RCPs', () => {
		expect(rowOf(diagnosis, 'scp', 'kms:GenerateDataKey')).toMatchObject({status: 'unknown', why: expect.stringContaining('may allow or deny kms:GenerateDataKey')});
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')?.status).toBe('unknown');
		expect(diagnosis.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('unknown');
		// No unknown says of the denied row that it "may allow or deny".
		expect(diagnosis.unknowns.map(note => note.reason).join('\n')).not.toMatch(/service control policies.*may allow or deny s3:PutObject/);
	});

	it('says it once: the finding says an SCP denied, either way, and its remedy finds which; the headline its first clause; no fix', () => {
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.findings[0]?.message).toBe(
			`The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}): an SCP is what denied, by a Deny statement or by a level where none allows s3:PutObject; ${awsWordsAlike}. ` +
				"While it stands no change to the key, bucket or IAM policies makes this request work: only the organization's management account or a delegated administrator can change it.",
		);
		expect(diagnosis.findings[0]?.remedy).toBe(
			`Find which, and where: ${row?.resolveWith}. Then ask the cloud team that runs the organization to narrow that Deny, or to allow s3:PutObject at that level, or for an exception.`,
		);
		expect(diagnosis.summary).toBe(`Uploading to s3://example-bucket/reports/2025/q1.csv fails: the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}).`);
		expect(diagnosis.fixes).toEqual([]);
	});

	it('text, markdown and JSON say the same: ✘ missing, the action not allowed, decided by the message, nowhere ⛔', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		expect(text).toContain(`decided by: ${eitherWaySource}`);
		expect(text).toMatch(/What the request needs\n {2}✘ +s3:PutObject +not allowed/);
		expect(text).not.toMatch(/⛔ +s3:PutObject/);
		expect(scpServiceArea(text).replace(/\s+/g, ' ')).toContain(awsWordsAlike);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ✘ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| missing \| the pasted AccessDenied message \(a service control policy denies it, by a Deny or by no Allow; their text not read\) \| The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy"/);
		expect(markdown).toMatch(/\| ✘ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| not allowed \|/);
		expect(markdown).not.toMatch(/\| ⛔ \| `s3:PutObject`/);
		expect(markdown).toContain('even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages")');
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[]; actions: {action: string; decision: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: eitherWaySource, resolveWith: row?.resolveWith});
		expect(json.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('naming no policy, the same: ✘ by the message, the reads listing no policy first', () => {
		const unnamed = diagnose(unreadOrganization([{deniedBy: 'scp', action: 's3:PutObject'}]));
		const unnamedRow = rowOf(unnamed, 'scp', 's3:PutObject');
		expect(unnamedRow).toMatchObject({status: 'missing', decidedBy: eitherWaySource, why: expect.stringMatching(/^The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy"; AWS words/)});
		expect(unnamedRow?.resolveWith).toContain('describe-policy --policy-id ID for each policy listed shows whether one holds a Deny for s3:PutObject');
		expect(unnamed.findings[0]?.message).toContain('an SCP is what denied, by a Deny statement or by a level where none allows s3:PutObject');
		expect(unnamed.verdict).toBe('denied');
	});
});

describe('an RCP the pasted message names', () => {
	it('denies that row the same way', () => {
		const diagnosis = diagnose(unreadOrganization([{deniedBy: 'rcp', action: 's3:PutObject'}]));
		expect(diagnosis.verdict).toBe('denied');
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (a resource control policy, its text not read)'});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')?.status).toBe('unknown');
		expect(diagnosis.findings.map(finding => finding.id)).toContain('denied-by-rcp-per-error');
	});
});

/** A copy in parts, its SCP evidence on kms:Decrypt: both legs' SCP rows stay unknown, saying `why`; the verdict is denied. */
const expectBothDecryptRowsUnknown = (build: typeof unreadOrganization, why: string): void => {
	const copy = build([{deniedBy: 'scp', action: 'kms:Decrypt'}], {
		question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: keyArn}},
	});
	const diagnosis = diagnose(copy);
	const rows = diagnosis.requirements.filter(row => row.place === 'scp' && row.action === 'kms:Decrypt');
	expect(rows).toHaveLength(2);
	for (const row of rows) {
		expect(row.status).toBe('unknown');
		expect(row.why).toContain(why);
	}
	expect(diagnosis.verdict).toBe('denied');
};

describe('where the message cannot say which row', () => {
	it("a copy in parts needs kms:Decrypt on the source key and the destination key: both stay unknown, and name the message", () => {
		expectBothDecryptRowsUnknown(unreadOrganization, 'The pasted AccessDenied message says kms:Decrypt was denied "with an explicit deny in a service control policy" on one of the 2 resources');
	});
});

describe('the SCPs read', () => {
	it('a read Deny keeps its own row and finding; the message adds none', () => {
		const snapshot: Snapshot = {
			...buildSnapshot({organization: {serviceControlPolicies: [[{name: 'NoUploads', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}, {Effect: 'Deny', Action: 's3:PutObject', Resource: '*'}]}}]]}}),
			evidence: [scpDenied],
		};
		const diagnosis = diagnose(snapshot);
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: expect.stringContaining('NoUploads')});
		expect(diagnosis.findings.map(finding => finding.id)).toContain('blocked-by-scp');
		expect(diagnosis.findings.map(finding => finding.id)).not.toContain('denied-by-scp-per-error');
	});
});

/**
 * The SCPs (RCPs) read, and they allow the action the message says one of them denied: AWS's message is first-hand, the
 * read may be stale, incomplete or another account's. The row is never ✔ beside it: unknown, saying why and naming the
 * read that settles it; the verdict stays denied (AWS said so), never allowed.
 */
const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
const readAllowing = (evidence: readonly DenialEvidence[], overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot => ({
	...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess]], resourceControlPolicies: [[named('RCPFullAWSAccess', policy(allow('*', '*', {Principal: '*'})))]]}, ...overrides}),
	evidence,
});

describe('an SCP the pasted message names as the explicit Deny, while the SCPs read allow the action', () => {
	const diagnosis = diagnose(readAllowing([scpDenied]));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the SCP row is unknown, never ✔: it says the message and the read disagree, why, and what settles it', () => {
		expect(row).toMatchObject({status: 'unknown'});
		expect(row).not.toHaveProperty('decidedBy');
		expect(row?.why).toBe(
			`The service control policies read allow s3:PutObject at every level (SCP "FullAWSAccess", statement #1), yet the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}). ` +
				"AWS's message says what AWS decided, so what applies is not what was read: likely a service control policy not read, attached at the root or an OU above the caller's account 111122223333, one attached or changed since, or the service control policies of another account.",
		);
		expect(row?.resolveWith).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY, and the same for each OU above the account and for the root');
		expect(row?.resolveWith).toContain('aws organizations list-parents --child-id 111122223333');
		expect(row?.resolveWith).toContain('aws organizations describe-policy --policy-id p-examplescp1');
	});

	it('the action is not allowed and the verdict is denied by the message, with a finding that names the reads', () => {
		// AWS decided: the action is denied, as for every type of policy a message names; the SCP row says what is open.
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error');
		expect(finding?.severity).toBe('error');
		expect(finding?.message).toContain(`(${policyArn}), yet the service control policies read allow it: AWS's message says what AWS decided`);
		expect(finding?.remedy).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY');
		expect(diagnosis.summary).toContain(`(${policyArn}), yet the service control policies read allow it.`);
		// No other finding repeats it, and the unknowns name the read.
		expect(diagnosis.findings.map(candidate => candidate.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.unknowns.find(note => note.what === 'the service control policies')?.resolveWith).toBe(row?.resolveWith);
	});

	it('leaves the other actions and the RCPs as read', () => {
		expect(rowOf(diagnosis, 'scp', 'kms:GenerateDataKey')).toMatchObject({status: 'ok', decidedBy: 'SCP "FullAWSAccess", statement #1'});
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')?.status).toBe('ok');
		expect(diagnosis.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('allowed');
	});

	it('text, markdown and JSON say the same: ? unknown beside the message, nowhere ✔', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/Service control policies\n {4}\? +s3:PutObject +unknown\n/);
		expect(text).toMatch(/What the request needs\n {2}✘ +s3:PutObject +not allowed/);
		const scpSection = text.slice(text.indexOf('  Service control policies\n'), text.indexOf('  Resource control policies\n'));
		expect(scpSection).not.toMatch(/✔ +s3:PutObject/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| \? \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| unknown \| — \| The service control policies read allow s3:PutObject at every level/);
		expect(markdown).toContain('yet the service control policies read allow it');
		const json = JSON.parse(renderJson(diagnosis)) as {
			verdict: string;
			requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[];
			actions: {action: string; decision: string}[];
			findings: {id: string}[];
		};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({status: 'unknown', decidedBy: null, resolveWith: expect.stringContaining('list-policies-for-target')});
		expect(json.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(json.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
	});

	it('no fix is proven to resolve the SCP row while the evidence stands: a fix elsewhere says it remains', () => {
		const missingIam = diagnose(readAllowing([scpDenied], {principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', keyArn)))]}}));
		expect(rowOf(missingIam, 'scp', 's3:PutObject')?.status).toBe('unknown');
		expect(missingIam.fixes.length).toBeGreaterThan(0);
		for (const fix of missingIam.fixes) {
			expect(fix.resolves.some(id => id.endsWith('scp'))).toBe(false);
			expect(fix.remains).toContain('s3:PutObject in the service control policies (unknown)');
		}
		expect(missingIam.verdict).toBe('denied');
	});
});

describe('an RCP the pasted message names, while the RCPs read allow it', () => {
	it('the RCP row is unknown and names the resource account for the read', () => {
		const diagnosis = diagnose(readAllowing([{deniedBy: 'rcp', action: 'kms:GenerateDataKey'}]));
		const row = rowOf(diagnosis, 'rcp', 'kms:GenerateDataKey');
		expect(row).toMatchObject({status: 'unknown', why: expect.stringContaining('The resource control policies read allow kms:GenerateDataKey at every level')});
		expect(row?.why).toContain("above the resource's account 111122223333");
		expect(row?.resolveWith).toContain('--filter RESOURCE_CONTROL_POLICY');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-rcp-per-error']);
	});
});

describe('the SCPs read as none applying (the management account, no organization, or answered "none")', () => {
	it('an SCP row is shown, unknown, rather than no row and an allowed verdict', () => {
		const diagnosis = diagnose({...buildSnapshot(), evidence: [scpDenied]});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).toMatchObject({status: 'unknown', why: expect.stringMatching(/^As read, no service control policy applies to the caller's account 111122223333, yet the pasted AccessDenied message says/)});
		// Only the action the message names: the others need no SCP row.
		expect(rowOf(diagnosis, 'scp', 'kms:GenerateDataKey')).toBeUndefined();
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.summary).toContain(`(${policyArn}), yet as read, no service control policy applies.`);
	});

	it('what the wizard was told is "given", not "read"', () => {
		const given = buildSnapshot({metadata: {collectedBy: 'manual'}});
		const diagnosis = diagnose({...given, evidence: [scpDenied]});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')?.why).toMatch(/^As given, no service control policy applies/);
	});
});

describe('two legs need the action, and the SCPs read allow it', () => {
	it("a copy's kms:Decrypt: both rows are unknown and say the message named one of them", () => {
		expectBothDecryptRowsUnknown(readAllowing, 'kms:Decrypt was denied "with an explicit deny in a service control policy" on one of the 2 resources this request needs it on');
	});
});

describe('--assume guardrails-allow beside a message that says an SCP denied', () => {
	it('the message refutes the assumption for the SCPs: they stay unread and the message decides, the RCPs are assumed', () => {
		const diagnosis = diagnose({...unreadOrganization([scpDenied]), assumptions: [{id: 'guardrails-allow'}]});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: eitherWaySource});
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')?.why).not.toMatch(/as read|read allow/);
		expect(rowOf(diagnosis, 'rcp', 's3:PutObject')).toBeUndefined();
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.assumptions).toEqual([
			{id: 'guardrails-allow', statement: `the organization's RCPs deny none of these actions (not the SCPs: the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}))`},
		]);
	});

	it('with the RCPs read, nothing is left to assume: the assumption is not listed', () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'organization.serviceControlPolicies'), evidence: [scpDenied], assumptions: [{id: 'guardrails-allow'}]};
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('guardrails-allow');
		expect(rowOf(diagnosis, 'scp', 's3:PutObject')?.status).toBe('missing');
	});
});

/**
 * The SCPs read hold a Deny whose condition is undecided ("may deny"), and the pasted message says an SCP explicitly
 * denied that action: AWS's word settles it. The row is ⛔ denied by the message, naming the read statement as the
 * likely one, never "? may deny" beside the message; the verdict, the action and every format agree.
 */
const offVpce = {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}};
const vpceOnly = (actions: string | readonly string[] = 's3:PutObject', arn?: string) => named('VpceOnly', policy(deny(actions, '*', {Sid: 'DenyOffVpce', Condition: offVpce})), arn);
const readMayDeny = (evidence: readonly DenialEvidence[], overrides: Parameters<typeof buildSnapshot>[0] = {}, scp = vpceOnly()): Snapshot => ({
	...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess, scp]]}, ...overrides}),
	evidence,
});
const likelySource = 'the pasted AccessDenied message (likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read)';

describe('an SCP the pasted message names as the explicit Deny, while a Deny of the SCPs read may deny the action', () => {
	const diagnosis = diagnose(readMayDeny([scpDenied]));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the SCP row is ⛔ denied by the message, naming the read statement that may deny as the likely one', () => {
		expect(row).toMatchObject({status: 'denied', decidedBy: likelySource});
		expect(row?.why).toBe(
			`The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}). ` +
				'Of the service control policies read, SCP "VpceOnly", Sid "DenyOffVpce" may deny it: it depends on a value that is not known: aws:SourceVpce is not known for this request. ' +
				'The message settles that a service control policy did deny it, so likely SCP "VpceOnly", Sid "DenyOffVpce" did.',
		);
		expect(row?.why).not.toMatch(/may deny s3:PutObject/);
	});

	it('the action and the verdict are denied, said once, with no "may deny" left among the unknowns and no finding that the statement surely denies', () => {
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.findings[0]?.message).toContain(`(${policyArn}): an SCP is what denied, likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read.`);
		expect(diagnosis.summary).toBe(`Uploading to s3://example-bucket/reports/2025/q1.csv fails: the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}).`);
		expect(diagnosis.unknowns.map(note => note.what)).not.toContain('the service control policies');
		expect(diagnosis.fixes).toEqual([]);
	});

	it('text, markdown and JSON say the same: ⛔ denied, decided by the message and the likely statement, nowhere ?', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/Service control policies\n {4}⛔ +s3:PutObject +denied\n/);
		expect(text).toMatch(/What the request needs\n {2}⛔ +s3:PutObject +denied/);
		expect(text).toContain(`decided by: ${likelySource}`);
		const scpSection = text.slice(text.indexOf('  Service control policies\n'), text.indexOf('Fixes\n'));
		expect(scpSection).not.toMatch(/\? +s3:PutObject/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ⛔ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| denied \| the pasted AccessDenied message \(likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read\) \| The pasted AccessDenied message says/);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null}[]; actions: {action: string; decision: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: likelySource});
		expect(json.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('only the action the message names: the same statement stays "may deny" for another action', () => {
		const both = diagnose(readMayDeny([scpDenied], {}, vpceOnly(['s3:PutObject', 'kms:GenerateDataKey'])));
		expect(rowOf(both, 'scp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: likelySource});
		expect(rowOf(both, 'scp', 'kms:GenerateDataKey')).toMatchObject({status: 'unknown', decidedBy: 'SCP "VpceOnly", Sid "DenyOffVpce"', why: expect.stringContaining('may deny kms:GenerateDataKey')});
		expect(both.actions.find(action => action.action === 'kms:GenerateDataKey')?.decision).toBe('unknown');
	});

	it('only the type the message names: an RCP that may deny stays "may deny" beside a message naming an SCP', () => {
		const rcpMayDeny = named('RCPVpceOnly', policy(deny('s3:PutObject', '*', {Sid: 'DenyOffVpce', Principal: '*', Condition: offVpce})));
		const rcps = [[named('RCPFullAWSAccess', policy(allow('*', '*', {Principal: '*'}))), rcpMayDeny]];
		const mixed = diagnose(readMayDeny([scpDenied], {organization: {serviceControlPolicies: [[fullAccess], [fullAccess, vpceOnly()]], resourceControlPolicies: rcps}}));
		expect(rowOf(mixed, 'scp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: likelySource});
		expect(rowOf(mixed, 'rcp', 's3:PutObject')).toMatchObject({status: 'unknown', decidedBy: 'RCP "RCPVpceOnly", Sid "DenyOffVpce"', why: expect.stringContaining('may deny s3:PutObject')});
		// A message naming an RCP settles the RCP's, and leaves the SCP's "may deny".
		const byRcp = diagnose(readMayDeny([{deniedBy: 'rcp', action: 's3:PutObject'}], {organization: {serviceControlPolicies: [[fullAccess], [fullAccess, vpceOnly()]], resourceControlPolicies: rcps}}));
		expect(rowOf(byRcp, 'rcp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (likely RCP "RCPVpceOnly", Sid "DenyOffVpce", which may deny it as read)'});
		expect(rowOf(byRcp, 'scp', 's3:PutObject')).toMatchObject({status: 'unknown', decidedBy: 'SCP "VpceOnly", Sid "DenyOffVpce"', why: expect.stringContaining('may deny s3:PutObject')});
	});

	it('a statement of another policy than the one the message names is not the likely one: the row says the statement that denied was not read', () => {
		const other = diagnose(readMayDeny([scpDenied], {}, vpceOnly('s3:PutObject', 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-vpceonly1')));
		const mismatched = rowOf(other, 'scp', 's3:PutObject');
		expect(mismatched).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (a service control policy, its text not read)'});
		expect(mismatched?.why).toContain('SCP "VpceOnly", Sid "DenyOffVpce" may deny it');
		expect(mismatched?.why).toContain('None of them is of the policy the message names, so the statement that denied was not read.');
		expect(mismatched?.why).not.toContain('likely SCP');
		expect(other.findings[0]?.message).not.toContain('likely');
		expect(other.findings[0]?.remedy).toContain('aws organizations describe-policy --policy-id p-examplescp1');
		// The one the message names is the likely one.
		const same = diagnose(readMayDeny([scpDenied], {}, vpceOnly('s3:PutObject', policyArn)));
		expect(rowOf(same, 'scp', 's3:PutObject')).toMatchObject({status: 'denied', decidedBy: likelySource});
	});

	it('a level that allows nowhere besides: ⛔ by the message, the missing Allow said too', () => {
		const kmsOnly = named('KmsOnly', policy(allow('kms:*', '*')));
		const snapshot: Snapshot = {...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [kmsOnly, vpceOnly()]]}}), evidence: [scpDenied]};
		const both = rowOf(diagnose(snapshot), 'scp', 's3:PutObject');
		expect(both).toMatchObject({status: 'denied', decidedBy: likelySource});
		expect(both?.why).toContain('so likely SCP "VpceOnly", Sid "DenyOffVpce" did. Besides, some level of the service control policies does not allow s3:PutObject');
	});

	it("a copy's kms:Decrypt on two keys: both rows stay unknown and name the message", () => {
		const build = (evidence: readonly DenialEvidence[], overrides: Parameters<typeof buildSnapshot>[0] = {}) => readMayDeny(evidence, overrides, vpceOnly('kms:Decrypt'));
		expectBothDecryptRowsUnknown(build, 'may deny kms:Decrypt');
		expectBothDecryptRowsUnknown(build, 'The pasted AccessDenied message says kms:Decrypt was denied "with an explicit deny in a service control policy" on one of the 2 resources');
	});
});

/**
 * AWS tells the two kinds of deny apart, in its evaluation logic and in its messages. "A request results in an explicit
 * deny if an applicable policy includes a Deny statement." "An implicit denial occurs when there is no applicable Deny
 * statement but also no applicable Allow statement." (IAM User Guide, "The difference between explicit and implicit
 * denies", docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html)
 * Its messages say "because no service control policy allows the ACTION action" for the one and "with an explicit deny
 * in a service control policy" for the other (core-message.ts reads both). SCPs read with a level that allows the
 * action nowhere show an implicit deny; the row keeps ✘ (the missing Allow does deny) beside an SCP's explicit-deny
 * message, which AWS words alike for an implicit deny (below).
 */
const explicitMessage = `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-bucket/reports/2025/q1.csv" with an explicit deny in a service control policy: ${policyArn}`;
const implicitMessage = 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-bucket/reports/2025/q1.csv" because no service control policy allows the s3:PutObject action';
/** The object the messages name, which the evidence keeps. */
const objectArn = 'arn:aws:s3:::example-bucket/reports/2025/q1.csv';
const evidenceOfMessage = (message: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(message);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};
const kmsOnlyAtTheAccount = (evidence: readonly DenialEvidence[]): Snapshot => ({
	...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [named('KmsOnly', policy(allow('kms:*', '*')))]]}}),
	evidence,
});

/**
 * The same message beside the same reads, taken at AWS's word and no further: "When an SCP denies access, the error
 * message always includes the phrase due to an explicit deny in a Service Control Policy, even if the denial is implicit."
 * (IAM User Guide, "Troubleshooting access denied error messages", github.com/awsdocs/iam-user-guide) The note makes no
 * exception for a message that names a policy ARN, and AWS's pages do not say whether one names a policy for an implicit
 * deny: so the level read allowing the action nowhere may be what the message reports, or the policy it names may hold a
 * Deny not read. The row says either, names the read that tells (describe-policy on that policy), and never asserts that
 * what applies is not what was read.
 */
describe('an SCP message naming a policy, the SCPs read allowing the action nowhere at a level: not assumed to be a Deny', () => {
	const diagnosis = diagnose(kmsOnlyAtTheAccount(evidenceOfMessage(explicitMessage)));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');
	const finding = diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error');

	it('the row keeps ✘, says the message may report that implicit deny or a Deny in the policy it names, and which read tells', () => {
		// The project's reader tells AWS's two messages apart: "because no service control policy allows" is the implicit one.
		expect(evidenceOfMessage(explicitMessage)).toEqual([{...scpDenied, resource: objectArn}]);
		expect(evidenceOfMessage(implicitMessage)).toEqual([{deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit', resource: objectArn}]);
		expect(row?.status).toBe('missing');
		expect(row?.why).not.toContain('what applies is not what was read');
		expect(row?.why).toContain(
			`That is an implicit deny, and no statement read denies s3:PutObject explicitly. The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}); ${awsWordsAlike}, and does not say whether such a message names a policy: so either it reports this implicit deny, or the policy it names, not read, holds a Deny for s3:PutObject`,
		);
		expect(row?.resolveWith).toContain('aws organizations describe-policy --policy-id p-examplescp1 shows the one the message names');
		expect(row?.resolveWith).toContain('shows whether one holds a Deny for s3:PutObject or a level has none that allows it');
	});

	it('the finding says the same, either way, and claims no contradiction; the verdict is denied by the ✘ row', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(finding?.message).not.toContain('are not the ones read');
		expect(finding?.message).toContain('so either it reports this implicit deny, or the policy it names, not read, holds a Deny for s3:PutObject');
		expect(finding?.remedy).toContain('aws organizations describe-policy --policy-id p-examplescp1');
		expect(diagnosis.summary).not.toContain('yet');
	});

	it('text, markdown and JSON say the same: ✘ missing, with the message and the read that tells', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		expect(text.replace(/\s+/g, ' ')).toContain('That is an implicit deny, and no statement read denies s3:PutObject explicitly. The pasted AccessDenied message says');
		expect(text).toMatch(/resolve with: aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ✘ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| missing \| — \| Some level of the service control policies does not allow s3:PutObject;[^|]*so either it reports this implicit deny[^|]*Resolve with: `aws organizations list-policies-for-target/);
		const json = JSON.parse(renderJson(diagnosis)) as {requirements: {place: string; action: string; status: string; why: string; resolveWith?: string}[]};
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({
			status: 'missing',
			why: expect.stringContaining('so either it reports this implicit deny'),
			resolveWith: expect.stringContaining('list-policies-for-target'),
		});
	});

	it('the policy it names read, with no Deny for the action: either it reports this implicit deny, or that policy changed since it was read', () => {
		const namedArn = named('KmsOnly', policy(allow('kms:*', '*')), policyArn);
		const read = diagnose({...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [namedArn]]}}), evidence: evidenceOfMessage(explicitMessage)});
		const readRow = rowOf(read, 'scp', 's3:PutObject');
		expect(readRow?.status).toBe('missing');
		expect(readRow?.why).toContain('so either it reports this implicit deny, or the policy it names, read with no Deny that applies here, changed since it was read.');
		expect(readRow?.why).not.toContain('what applies is not what was read');
	});
});

/**
 * AWS words every SCP denial as explicit: "When an SCP denies access, the error message always includes the phrase due to
 * an explicit deny in a Service Control Policy, even if the denial is implicit." (IAM User Guide, "Troubleshooting access
 * denied error messages", github.com/awsdocs/iam-user-guide, doc_source/troubleshoot_access-denied.md) A message that
 * names no policy is then what SCPs read with a level that allows the action nowhere would give: it agrees with them.
 */
describe('the message says an SCP denied explicitly, names no policy, and the SCPs read allow the action nowhere at a level', () => {
	const unnamedMessage = 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-bucket/reports/2025/q1.csv" with an explicit deny in a service control policy';
	const evidence = evidenceOfMessage(unnamedMessage);
	const diagnosis = diagnose(kmsOnlyAtTheAccount(evidence));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the row keeps ✘ and says the message agrees, since AWS words an implicit SCP deny as explicit; no read is asked for', () => {
		expect(evidence).toEqual([{deniedBy: 'scp', action: 's3:PutObject', resource: objectArn}]);
		expect(row).toMatchObject({status: 'missing'});
		expect(row?.why).toBe(
			'Some level of the service control policies does not allow s3:PutObject; an SCP must allow at every level from the root to the account. (SCP "KmsOnly", statement #1 allows kms:* but not s3:PutObject.) ' +
				'The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy", which agrees with what was read: AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages").',
		);
		expect(row?.resolveWith).toBeUndefined();
	});

	it('the verdict is denied, with no finding that the message outweighs what was read', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.some(candidate => candidate.id === 'denied-by-scp-per-error')).toBe(false);
		expect(diagnosis.summary).not.toContain('yet');
		expect(renderText(diagnosis, {color: false, width: 300})).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
	});
});

describe('the message says an SCP denied explicitly, while the SCPs read hold only an undecided Allow for the action', () => {
	it('naming a policy: the row stays unknown, says either that Allow did not apply or the policy it names holds a Deny, never that what applies is not what was read', () => {
		const conditionalAllow = named('VpceAllow', policy(allow('*', '*', {Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})));
		const diagnosis = diagnose({...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [conditionalAllow]]}}), evidence: [scpDenied]});
		const row = rowOf(diagnosis, 'scp', 's3:PutObject');
		expect(row).toMatchObject({status: 'unknown', decidedBy: 'SCP "VpceAllow", statement #1'});
		expect(row?.why).toContain(
			`No statement of the service control policies read may deny s3:PutObject. The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn}); ${awsWordsAlike}, and does not say whether such a message names a policy: so either an Allow read did not apply here, or the policy it names, not read, holds a Deny for s3:PutObject`,
		);
		expect(row?.why).not.toContain('what applies is not what was read');
		expect(row?.resolveWith).toContain('aws organizations describe-policy --policy-id p-examplescp1 shows the one the message names');
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error');
		expect(finding?.message).toContain('and no statement of the service control policies read may deny it: ');
		expect(finding?.message).not.toContain('are not the ones read');
	});

	it('naming no policy, it may be that Allow not applying (AWS words an implicit SCP deny as explicit): the row says either, and claims no contradiction', () => {
		const conditionalAllow = named('VpceAllow', policy(allow('*', '*', {Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})));
		const diagnosis = diagnose({...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [conditionalAllow]]}}), evidence: [{deniedBy: 'scp', action: 's3:PutObject'}]});
		const row = rowOf(diagnosis, 'scp', 's3:PutObject');
		expect(row).toMatchObject({status: 'unknown', decidedBy: 'SCP "VpceAllow", statement #1'});
		expect(row?.why).toContain(
			'No statement of the service control policies read may deny s3:PutObject. The pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy"; ' +
				'AWS words the denial of a service control policy as an explicit deny even when it is implicit, no SCP allowing the action (IAM User Guide, "Troubleshooting access denied error messages"), so either an Allow read did not apply here, or it was denied by a service control policy not read, attached at the root or an OU above',
		);
		expect(row?.why).not.toContain('what applies is not what was read');
		expect(row?.resolveWith).toContain('--filter SERVICE_CONTROL_POLICY');
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(candidate => candidate.id === 'denied-by-scp-per-error')?.message;
		expect(finding).toContain("and no statement of the service control policies read may deny it: AWS words an SCP's implicit deny as explicit too, so either an Allow read did not apply, or an SCP not read denies it");
		expect(finding).not.toContain('are not the ones read');
	});
});

/**
 * A message that says no SCP (RCP) allows the action is AWS's word too: an implicit deny. The IAM User Guide
 * ("Troubleshoot access denied error messages", docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html):
 * "When the policy implicitly denies access, then AWS includes the phrase because no type policy allows the action
 * action in the access denied error message." No Allow, not a Deny: the row is ✘ where the message decides it, never ⛔,
 * never ✔ beside it, and the verdict is denied.
 */
const scpNoAllow: DenialEvidence = {deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit'};
const noAllowSource = 'the pasted AccessDenied message (no service control policy allows it, their text not read)';
const scpSectionOf = (text: string): string => text.slice(text.indexOf('  Service control policies'), text.indexOf('  Resource control policies') === -1 ? undefined : text.indexOf('  Resource control policies'));

describe('a message that says no SCP allows the action, the SCPs not read', () => {
	const diagnosis = diagnose(unreadOrganization([scpNoAllow]));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the row is ✘ missing by the message, never ⛔ and never "may allow or deny", with the reads that find the level', () => {
		expect(row).toMatchObject({
			status: 'missing',
			decidedBy: noAllowSource,
			why: 'The pasted AccessDenied message says no service control policy allows s3:PutObject. The service control policies themselves were not read, so at which level none allows it is not known.',
		});
		expect(row?.resolveWith).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY, and the same for each OU above the account and for the root');
		expect(row?.resolveWith).not.toContain('describe-policy');
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(diagnosis.unknowns.map(note => note.reason).join('\n')).not.toMatch(/service control policies.*may allow or deny s3:PutObject/);
	});

	it('the verdict is denied, said once: one finding, the headline its first clause, no fix', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.findings[0]?.message).toBe(
			"The pasted AccessDenied message says no service control policy allows s3:PutObject: at some level no SCP allows it, and that is what denied. While it stands no change to the key, bucket or IAM policies makes this request work: only the organization's management account or a delegated administrator can change it.",
		);
		expect(diagnosis.findings[0]?.remedy).toBe(`Find the level where no SCP allows s3:PutObject: ${row?.resolveWith}. Then ask the cloud team that runs the organization to allow it there, or for an exception.`);
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: the pasted AccessDenied message says no service control policy allows s3:PutObject.');
		expect(diagnosis.fixes).toEqual([]);
	});

	it('text, markdown and JSON say the same: ✘ missing, decided by the message, nowhere ⛔', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/What the request needs\n {2}✘ +s3:PutObject +not allowed/);
		expect(text).toMatch(/Service control policies\n {4}✘ +s3:PutObject +missing\n/);
		expect(text).toContain(`decided by: ${noAllowSource}`);
		expect(scpSectionOf(text)).not.toMatch(/⛔ +s3:PutObject/);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| ✘ \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| missing \| the pasted AccessDenied message \(no service control policy allows it, their text not read\) \| The pasted AccessDenied message says no service control policy allows s3:PutObject\./);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[]; actions: {action: string; decision: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: noAllowSource, resolveWith: row?.resolveWith});
		expect(json.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
	});

	it('an RCP the message names the same way, with the RCP reads', () => {
		const byRcp = diagnose(unreadOrganization([{deniedBy: 'rcp', action: 's3:PutObject', deny: 'implicit'}]));
		expect(rowOf(byRcp, 'rcp', 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: 'the pasted AccessDenied message (no resource control policy allows it, their text not read)', resolveWith: expect.stringContaining('--filter RESOURCE_CONTROL_POLICY')});
		expect(rowOf(byRcp, 'scp', 's3:PutObject')?.status).toBe('unknown');
		expect(byRcp.verdict).toBe('denied');
		expect(byRcp.findings.map(finding => finding.id)).toEqual(['denied-by-rcp-per-error']);
	});

	it('a fix elsewhere is proven for its own rows only: the missing Allow the message reports still denies', () => {
		const keyOnly = diagnose(unreadOrganization([scpNoAllow], {principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', keyArn)))]}}));
		expect(keyOnly.fixes.length).toBeGreaterThan(0);
		for (const fix of keyOnly.fixes) {
			expect(fix.proven).toBe(false);
			expect(fix.blockedBy).toEqual({status: 'denied', by: 'the pasted AccessDenied message says no service control policy allows s3:PutObject'});
		}
	});

	it('--assume guardrails-allow does not assume away the SCPs the message names', () => {
		const assumed = diagnose({...unreadOrganization([scpNoAllow]), assumptions: [{id: 'guardrails-allow'}]});
		expect(rowOf(assumed, 'scp', 's3:PutObject')).toMatchObject({status: 'missing', decidedBy: noAllowSource});
		expect(assumed.assumptions).toEqual([
			{id: 'guardrails-allow', statement: "the organization's RCPs deny none of these actions (not the SCPs: the pasted AccessDenied message says no service control policy allows s3:PutObject)"},
		]);
	});

	it("a copy's kms:Decrypt on two keys: both rows stay unknown and name the message", () => {
		const copy = unreadOrganization([{deniedBy: 'scp', action: 'kms:Decrypt', deny: 'implicit'}], {
			question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: keyArn}},
		});
		const both = diagnose(copy);
		const rows = both.requirements.filter(candidate => candidate.place === 'scp' && candidate.action === 'kms:Decrypt');
		expect(rows).toHaveLength(2);
		for (const each of rows) {
			expect(each.status).toBe('unknown');
			expect(each.why).toContain('The pasted AccessDenied message says no service control policy allows kms:Decrypt on one of the 2 resources');
		}
		expect(both.verdict).toBe('denied');
	});
});

describe('a message that says no SCP allows the action, while the SCPs read allow it', () => {
	const diagnosis = diagnose(readAllowing([scpNoAllow]));
	const row = rowOf(diagnosis, 'scp', 's3:PutObject');

	it('the row is ? unknown, never ✔: it says what was read is not what AWS applied, and names the read that settles it', () => {
		expect(row).toMatchObject({status: 'unknown'});
		expect(row).not.toHaveProperty('decidedBy');
		expect(row?.why).toBe(
			'The service control policies read allow s3:PutObject at every level (SCP "FullAWSAccess", statement #1), yet the pasted AccessDenied message says no service control policy allows s3:PutObject. ' +
				"AWS's message says what AWS decided, so what applies is not what was read: likely a level not read where no service control policy allows it (an OU above the caller's account 111122223333, or the root), an Allow detached or changed since, or the service control policies of another account.",
		);
		expect(row?.resolveWith).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY');
		expect(diagnosis.unknowns.find(note => note.what === 'the service control policies')?.resolveWith).toBe(row?.resolveWith);
	});

	it('the action is not allowed; the verdict is denied by the finding, which the headline names', () => {
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.findings[0]?.message).toContain(
			"The pasted AccessDenied message says no service control policy allows s3:PutObject, yet the service control policies read allow it: AWS's message says what AWS decided, so the SCPs that apply are not the ones read (a level not read where none allows it, an Allow changed since, or another account's).",
		);
		expect(diagnosis.findings[0]?.remedy).toContain('Find the level where no SCP allows s3:PutObject: aws organizations list-policies-for-target --target-id 111122223333');
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: the pasted AccessDenied message says no service control policy allows s3:PutObject, yet the service control policies read allow it.');
	});

	it('text, markdown and JSON say the same: ? unknown beside the message, nowhere ✔', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/^✘ DENIED/);
		expect(text).toMatch(/Service control policies\n {4}\? +s3:PutObject +unknown\n/);
		expect(scpSectionOf(text)).not.toMatch(/✔ +s3:PutObject/);
		expect(scpSectionOf(text)).toContain('yet the pasted AccessDenied message says no service control policy allows s3:PutObject.');
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toMatch(/\| \? \| `s3:PutObject` \| `arn:aws:s3:::[^`]+` \| unknown \| — \| The service control policies read allow s3:PutObject at every level[^|]*yet the pasted AccessDenied message says no service control policy allows s3:PutObject\./);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null; resolveWith?: string}[]};
		expect(json.verdict).toBe('denied');
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 's3:PutObject')).toMatchObject({status: 'unknown', decidedBy: null, resolveWith: expect.stringContaining('list-policies-for-target')});
	});

	it('none applying, as read or as given: ? unknown, never ALLOWED', () => {
		const none = diagnose({...buildSnapshot(), evidence: [scpNoAllow]});
		expect(rowOf(none, 'scp', 's3:PutObject')).toMatchObject({status: 'unknown', why: expect.stringMatching(/^As read, no service control policy applies to the caller's account 111122223333, yet the pasted AccessDenied message says no service control policy allows s3:PutObject\./)});
		expect(none.verdict).toBe('denied');
		expect(none.summary).toContain('says no service control policy allows s3:PutObject, yet as read, no service control policy applies.');
		const given = diagnose({...buildSnapshot({metadata: {collectedBy: 'manual'}}), evidence: [scpNoAllow]});
		expect(rowOf(given, 'scp', 's3:PutObject')?.why).toMatch(/^As given, no service control policy applies/);
		expect(given.verdict).toBe('denied');
	});
});

describe('a message that says no SCP allows the action, while a level of the SCPs read allows it nowhere', () => {
	it('agrees: the row stays ✘ as read, says the message agrees, and adds no finding of its own', () => {
		const withMessage = diagnose(kmsOnlyAtTheAccount([scpNoAllow]));
		const without = diagnose(kmsOnlyAtTheAccount([]));
		const row = rowOf(withMessage, 'scp', 's3:PutObject');
		expect(row).toMatchObject({status: 'missing'});
		expect(row).not.toHaveProperty('decidedBy');
		expect(row?.why).toBe(`${rowOf(without, 'scp', 's3:PutObject')?.why} The pasted AccessDenied message says no service control policy allows s3:PutObject, which agrees with what was read.`);
		expect(withMessage.verdict).toBe('denied');
		expect(withMessage.findings).toEqual(without.findings);
		expect(withMessage.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: s3:PutObject is not allowed by the service control policies.');
	});
});

/**
 * A Deny read as "may deny" beside a message that says no SCP allows the action: the message speaks of the Allows, not
 * of that Deny (evidence.ts, denyNotSettled). The row follows what the Allows read say against the message, and names
 * the Deny as still undecided; never ⛔ by the message.
 */
describe('a message that says no SCP allows the action, while a Deny of the SCPs read may deny it', () => {
	const unsettled = 'The message speaks of the Allows only, so whether that Deny applied, it does not settle.';

	it('with every level allowing it: ? unknown, against what was read, the Deny still undecided', () => {
		const diagnosis = diagnose(readMayDeny([scpNoAllow]));
		const row = rowOf(diagnosis, 'scp', 's3:PutObject');
		expect(row).toMatchObject({status: 'unknown', decidedBy: 'SCP "VpceOnly", Sid "DenyOffVpce"'});
		expect(row?.why).toContain('The service control policies read allow s3:PutObject at every level (SCP "FullAWSAccess", statement #1), yet the pasted AccessDenied message says no service control policy allows s3:PutObject.');
		expect(row?.why).toContain(`Of the service control policies read, SCP "VpceOnly", Sid "DenyOffVpce" may deny it: it depends on a value that is not known: aws:SourceVpce is not known for this request. ${unsettled}`);
		expect(row?.resolveWith).toContain('--filter SERVICE_CONTROL_POLICY');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/Service control policies\n {4}\? +s3:PutObject +unknown\n/);
		expect(scpSectionOf(text)).not.toMatch(/[⛔✔] +s3:PutObject/);
	});

	it('with a level allowing it nowhere: ✘ as read, the message agreeing, the Deny still undecided', () => {
		const kmsOnly = named('KmsOnly', policy(allow('kms:*', '*')));
		const diagnosis = diagnose({...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [kmsOnly, vpceOnly()]]}}), evidence: [scpNoAllow]});
		const row = rowOf(diagnosis, 'scp', 's3:PutObject');
		expect(row).toMatchObject({status: 'missing'});
		expect(row).not.toHaveProperty('decidedBy');
		expect(row?.why).toContain(`which agrees with what was read. Of the service control policies read, SCP "VpceOnly", Sid "DenyOffVpce" may deny it`);
		expect(row?.why).toContain(unsettled);
		expect(diagnosis.verdict).toBe('denied');
	});
});

describe('a message that says no SCP allows the action, while an Allow of the SCPs read is undecided', () => {
	it('settles it: ✘ missing by the message, naming the Allow that likely did not apply; the action is denied', () => {
		const conditionalAllow = named('VpceAllow', policy(allow('*', '*', {Condition: {StringEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})));
		const diagnosis = diagnose({...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [conditionalAllow]]}}), evidence: [scpNoAllow]});
		const row = rowOf(diagnosis, 'scp', 's3:PutObject');
		expect(row).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (likely SCP "VpceAllow", statement #1 did not apply, which may allow it as read)',
			why:
				'The pasted AccessDenied message says no service control policy allows s3:PutObject. Of the service control policies read, SCP "VpceAllow", statement #1 may allow it: it depends on a value that is not known: aws:SourceVpce is not known for this request. ' +
				'The message settles that at some level none allowed it, so likely SCP "VpceAllow", statement #1 did not apply.',
		});
		expect(diagnosis.actions.find(action => action.action === 's3:PutObject')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(['denied-by-scp-per-error']);
		expect(diagnosis.findings[0]?.message).toContain('at some level no SCP allows it, and that is what denied, likely because SCP "VpceAllow", statement #1 did not apply, which may allow it as read.');
		expect(diagnosis.summary).toBe('Uploading to s3://example-bucket/reports/2025/q1.csv fails: the pasted AccessDenied message says no service control policy allows s3:PutObject.');
	});
});

describe("AWS's implicit-deny message, pasted", () => {
	it('becomes evidence of a missing Allow, for an SCP and for an RCP, naming no policy', () => {
		expect(evidenceOfMessage(implicitMessage)).toEqual([{...scpNoAllow, resource: objectArn}]);
		const rcpMessage = 'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-bucket/reports/2025/q1.csv" because no resource control policy allows the s3:PutObject action';
		expect(evidenceOfMessage(rcpMessage)).toEqual([{deniedBy: 'rcp', action: 's3:PutObject', deny: 'implicit', resource: objectArn}]);
		// Another policy type proves nothing about the SCPs or RCPs: it is evidence of its own layer only.
		expect(evidenceOfMessage(implicitMessage.replace('service control policy', 'identity-based policy'))).toEqual([{deniedBy: 'identity', action: 's3:PutObject', deny: 'implicit', resource: objectArn}]);
		expect(evidenceOfMessage(implicitMessage.replace('service control policy', 'permissions boundary'))).toEqual([{deniedBy: 'boundary', action: 's3:PutObject', deny: 'implicit', resource: objectArn}]);
		// A VPC endpoint policy has no layer: it is evidence of the endpoint alone (evidence-endpoint.test.ts).
		expect(evidenceOfMessage(implicitMessage.replace('service control policy', 'VPC endpoint policy'))).toEqual([{deniedBy: 'vpc-endpoint', action: 's3:PutObject', deny: 'implicit', resource: objectArn}]);
		// A type that says nothing of this request's policies (a role trust policy) is evidence of nothing.
		expect(evidenceOfMessage(implicitMessage.replace('service control policy', 'role trust policy'))).toEqual([]);
	});

	it('beside SCPs read that allow the action: the row is ? unknown, never ✔, and the verdict denied', () => {
		const withoutMessage = diagnose(readAllowing([]));
		expect(rowOf(withoutMessage, 'scp', 's3:PutObject')?.status).toBe('ok');
		const withMessage = diagnose(readAllowing(evidenceOfMessage(implicitMessage)));
		expect(rowOf(withMessage, 'scp', 's3:PutObject')).toMatchObject({status: 'unknown', why: expect.stringContaining('yet the pasted AccessDenied message says no service control policy allows s3:PutObject.')});
		expect(withMessage.verdict).toBe('denied');
	});
});

/**
 * The key S3 used not known (a download whose object was not read): its rows are ? with the read that finds the key,
 * but a pasted message about the request's kms:Decrypt is AWS's word on the key it used, whichever that is. The row the
 * message decides keeps the message's words and the mark they justify (✘, or an RCP's ⛔), as where the key is known.
 */
const keyMessage = (because: string): string =>
	`User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: ${keyArn} ${because}`;
const keyNotRead = (evidence: readonly DenialEvidence[], organization?: Snapshot['organization']): Snapshot => ({
	...without(sameAccountDownload(organization ? {organization} : {}), 'object', 'key', ...(organization ? [] : ['organization'])),
	evidence,
});
const objectKeyRead = "s3:GetObject on arn:aws:s3:::example-bucket/reports/2025/q1.csv: HeadObject names the object's key (or give the key that encrypted it)";
const keyUnknownWords = 'Which KMS key S3 uses is not known, so what the service control policies read say of kms:Decrypt on it cannot be told';

describe('a message about kms:Decrypt while the key S3 used is not known, the SCPs not read', () => {
	const evidence = evidenceOfMessage(keyMessage('with an explicit deny in a service control policy'));
	const diagnosis = diagnose(keyNotRead(evidence));
	const row = rowOf(diagnosis, 'scp', 'kms:Decrypt');

	it('the SCP row is ✘ by the message, with its words, never ? with only the words of the key not known', () => {
		expect(evidence).toEqual([{deniedBy: 'scp', action: 'kms:Decrypt', resource: keyArn}]);
		expect(row).toMatchObject({
			status: 'missing',
			resource: 'the key of s3://example-bucket/reports/2025/q1.csv (not read)',
			decidedBy: eitherWaySource,
			why: expect.stringMatching(/^The pasted AccessDenied message says kms:Decrypt was denied "with an explicit deny in a service control policy"; AWS words/),
			resolveWith: expect.stringContaining('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY'),
		});
		expect(row?.why).not.toContain('Which KMS key S3 uses is not known, so whether');
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		expect(diagnosis.verdict).toBe('denied');
	});

	it("the key's rows stay ? with the read that finds the key, and the unknowns still name it", () => {
		for (const place of ['key-policy', 'key-grant', 'identity-policy']) expect(rowOf(diagnosis, place, 'kms:Decrypt'), place).toMatchObject({status: 'unknown', resolveWith: objectKeyRead});
		expect(diagnosis.unknowns).toContainEqual(expect.objectContaining({what: 'the key of s3://example-bucket/reports/2025/q1.csv (not read)', resolveWith: objectKeyRead}));
	});

	it('the same for an implicit deny (✘) and for an RCP, whose explicit deny is ⛔', () => {
		const implicit = diagnose(keyNotRead(evidenceOfMessage(keyMessage('because no service control policy allows the kms:Decrypt action'))));
		expect(rowOf(implicit, 'scp', 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: noAllowSource, why: expect.stringMatching(/^The pasted AccessDenied message says no service control policy allows kms:Decrypt\./)});
		expect(implicit.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		const rcpImplicit = diagnose(keyNotRead(evidenceOfMessage(keyMessage('because no resource control policy allows the kms:Decrypt action'))));
		expect(rowOf(rcpImplicit, 'rcp', 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: 'the pasted AccessDenied message (no resource control policy allows it, their text not read)'});
		const rcpExplicit = diagnose(keyNotRead(evidenceOfMessage(keyMessage('with an explicit deny in a resource control policy'))));
		expect(rowOf(rcpExplicit, 'rcp', 'kms:Decrypt')).toMatchObject({status: 'denied', decidedBy: 'the pasted AccessDenied message (a resource control policy, its text not read)'});
	});

	it('text, markdown and JSON say the same: ✘ missing and not allowed, decided by the message, the key still unknown', () => {
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toMatch(/What the request needs\n(?:.*\n)*? {2}✘ +kms:Decrypt +not allowed\n/);
		expect(scpSectionOf(text)).toMatch(/✘ +kms:Decrypt +missing\n/);
		expect(scpSectionOf(text)).toContain(`decided by: ${eitherWaySource}`);
		expect(scpSectionOf(text)).not.toMatch(/\? +kms:Decrypt/);
		expect(text).toContain(`resolve with: ${objectKeyRead}`);
		const markdown = renderMarkdown(diagnosis);
		expect(markdown).toContain(`| ✘ | \`kms:Decrypt\` | \`the key of s3://example-bucket/reports/2025/q1.csv (not read)\` | missing | ${eitherWaySource} | The pasted AccessDenied message says kms:Decrypt was denied`);
		expect(markdown).toMatch(/\| ✘ \| `kms:Decrypt` \| `the key of s3:\/\/example-bucket\/reports\/2025\/q1\.csv \(not read\)` \| not allowed \|/);
		expect(markdown).not.toMatch(/\| \? \| `kms:Decrypt` \| `the key of [^`]+` \| unknown \| — \| Which KMS key S3 uses is not known, so whether the SCPs allow/);
		const json = JSON.parse(renderJson(diagnosis)) as {verdict: string; requirements: {place: string; action: string; status: string; decidedBy: string | null}[]; actions: {action: string; decision: string}[]};
		expect(json.requirements.find(entry => entry.place === 'scp' && entry.action === 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: eitherWaySource});
		expect(json.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
	});
});

describe('a message about kms:Decrypt while the key S3 used is not known, the SCPs read', () => {
	const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
	const keySource = 'the pasted AccessDenied message (a service control policy denies it, by a Deny or by no Allow; with the key not known, the service control policies read cannot tell which)';

	it('what they say of no key at all neither agrees with the message nor contradicts it: ✘ by the message, saying the key is not known', () => {
		const diagnosis = diagnose(keyNotRead(evidenceOfMessage(keyMessage('with an explicit deny in a service control policy')), {serviceControlPolicies: [[fullAccess], [fullAccess]]}));
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')).toMatchObject({status: 'missing', decidedBy: keySource, why: expect.stringContaining(keyUnknownWords)});
		expect(rowOf(diagnosis, 'scp', 'kms:Decrypt')?.why).not.toContain('allow kms:Decrypt at every level');
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		expect(diagnosis.findings.find(finding => finding.id === 'denied-by-scp-per-error')?.remedy).toMatch(/^Find which, and where: aws organizations list-policies-for-target/);
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(scpSectionOf(text)).toMatch(/✘ +kms:Decrypt +missing\n/);
		expect(text).not.toContain('unknown-account');
	});

	it('a level read to allow it nowhere, beside "no SCP allows": ✘ by the message, not said to agree with what was read of no key', () => {
		const s3Only = named('S3Only', policy(allow('s3:*', '*')));
		const diagnosis = diagnose(keyNotRead(evidenceOfMessage(keyMessage('because no service control policy allows the kms:Decrypt action')), {serviceControlPolicies: [[fullAccess], [s3Only]]}));
		const row = rowOf(diagnosis, 'scp', 'kms:Decrypt');
		expect(row).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no service control policy allows it; with the key not known, the service control policies read cannot tell at which level)',
			why: `The pasted AccessDenied message says no service control policy allows kms:Decrypt. ${keyUnknownWords}; the message is AWS's word on the key it used.`,
		});
		expect(diagnosis.findings.map(finding => finding.id)).toContain('denied-by-scp-per-error');
	});

	it("a copy's kms:Decrypt on a source key not known and on the destination's: the unknown key's row stays ?, naming the message and the key's read", () => {
		const copy: Snapshot = {
			...without(buildSnapshot({organization: {serviceControlPolicies: [[fullAccess]]}, question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv'}}}), 'source'),
			evidence: [{deniedBy: 'scp', action: 'kms:Decrypt'}],
		};
		const diagnosis = diagnose(copy);
		const row = diagnosis.requirements.find(candidate => candidate.place === 'scp' && candidate.action === 'kms:Decrypt' && candidate.resource === 'the key of s3://source-bucket/in/a.csv (not read)');
		expect(row).toMatchObject({status: 'unknown', resolveWith: "s3:GetObject on arn:aws:s3:::source-bucket/in/a.csv: HeadObject names the object's key (or give the key that encrypted it)"});
		expect(row?.why).toContain(keyUnknownWords);
		expect(row?.why).toContain('The pasted AccessDenied message says kms:Decrypt was denied "with an explicit deny in a service control policy" on one of the 2 resources');
		expect(diagnosis.findings.find(finding => finding.id === 'denied-by-scp-per-error')?.remedy).toMatch(/^Find the SCP that denies, at every level: aws organizations list-policies-for-target/);
	});
});
