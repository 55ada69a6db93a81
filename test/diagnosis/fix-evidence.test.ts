import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix} from '../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {fixLines} from '../../source/ui/result/detail-lines.js';
import {allow, buildSnapshot, keyArn, named, policy, without} from './support/build-snapshot.js';

/**
 * A fix whose own rows turn ✔ while a pasted AccessDenied message says an SCP denied the request is proven for its own
 * rows only: with it applied the request stays denied (the SCPs not read) or not known to be allowed (those read allow
 * it). No view calls it "proven" or shows ✔ for it — text, markdown, JSON and the result screen say the same. Its mark is
 * the SCP row's: ✘, not ⛔, as an SCP's "explicit deny" may be an implicit one ("When an SCP denies access, the error
 * message always includes the phrase due to an explicit deny in a Service Control Policy, even if the denial is
 * implicit.", IAM User Guide, "Troubleshooting access denied error messages"), so no view says an explicit Deny stays.
 */

const policyArn = 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1';
const scpDenied: DenialEvidence = {deniedBy: 'scp', action: 's3:PutObject', policyArn};
const evidenceWords = `the pasted AccessDenied message says s3:PutObject was denied "with an explicit deny in a service control policy" (${policyArn})`;

/** The caller's identity policies lack s3:PutObject: the fix is a new inline policy, its own rows proven. */
const keyOnly = {principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', keyArn)))]}};
const unreadScps = (evidence: readonly DenialEvidence[]): Snapshot => ({...without(buildSnapshot(keyOnly), 'organization'), evidence});
const scpsReadAllowing = (evidence: readonly DenialEvidence[]): Snapshot => ({
	...buildSnapshot({...keyOnly, organization: {serviceControlPolicies: [[named('FullAWSAccess', policy(allow('*', '*')))]], resourceControlPolicies: []}}),
	evidence,
});

const theFix = (diagnosis: Diagnosis): Fix => {
	const fix = diagnosis.fixes.find(candidate => candidate.place === 'identity-policy' && candidate.kind === 'add-allow');
	if (!fix) throw new Error(`no new inline policy among ${diagnosis.fixes.map(candidate => candidate.summary).join(' | ')}`);
	return fix;
};

/** The fix's part of each view: its heading and what follows, up to the next fix or section. */
const textOfFix = (diagnosis: Diagnosis): string => {
	const text = renderText(diagnosis, {color: false, width: 300});
	return text.slice(text.indexOf('\nFixes\n'), text.indexOf('\nUnknowns\n'));
};
const markdownOfFix = (diagnosis: Diagnosis): string => {
	const markdown = renderMarkdown(diagnosis);
	return markdown.slice(markdown.indexOf('### 1.'));
};
const screenLines = (diagnosis: Diagnosis) => fixLines(theFix(diagnosis), 'statement', 300).filter(line => line.mark !== undefined && line.mark.trim() !== 'Fix');

describe('a fix whose own rows turn ✔ while a pasted message says an SCP (not read) denied', () => {
	const diagnosis = diagnose(unreadScps([scpDenied]));
	const fix = theFix(diagnosis);

	it('is not proven: proven for its own rows only, the request staying denied by the message', () => {
		expect(fix.resolves).toEqual(['s3:PutObject@destination#identity-policy']);
		expect(fix.proven).toBe(false);
		expect(fix.blockedBy).toEqual({status: 'denied', by: evidenceWords});
		expect(fix.remains).toContain('s3:PutObject in the service control policies (missing)');
	});

	it("says so alike in text, markdown, JSON and on the result screen, with the SCP row's ✘, never ⛔, and never ✔ proven", () => {
		const text = textOfFix(diagnosis);
		expect(text).toContain('1. IAM identity policies: add an allow  ✘ proven for its own rows, but the request stays denied\n     Re-evaluated with this change');
		expect(text.replace(/\n +/g, ' ')).toContain(`Re-evaluated with this change, the rows it targets turn ✔, but ${evidenceWords}: while that stands the request stays denied.`);
		expect(text).not.toMatch(/✔ proven|not proven/);
		const markdown = markdownOfFix(diagnosis);
		expect(markdown).toMatch(/^### 1\. IAM identity policies: add an allow \(✘ proven for its own rows, but the request stays denied\)\n/);
		expect(markdown).toContain(`Re-evaluated with this change, the rows it targets turn ✔, but ${evidenceWords}: while that stands the request stays denied.`);
		expect(markdown).not.toMatch(/✔ proven|not proven/);
		const json = JSON.parse(renderJson(diagnosis)) as {fixes: Record<string, unknown>[]};
		expect(json.fixes[0]).toMatchObject({proven: false, blockedBy: {status: 'denied', by: evidenceWords}});
		expect(screenLines(diagnosis)).toEqual([{mark: '  ✘ ', markColour: 'red', text: 'proven for its own rows, but the request stays denied: ' + evidenceWords}]);
		expect(`${text}${markdown}`).not.toContain('⛔');
	});
});

describe('a fix whose own rows turn ✔ while a pasted message says an RCP (not read) explicitly denied', () => {
	it('keeps ⛔: the RCP row it leaves is ⛔, an explicit Deny by the message', () => {
		const diagnosis = diagnose(unreadScps([{deniedBy: 'rcp', action: 's3:PutObject'}]));
		expect(diagnosis.requirements.find(row => row.place === 'rcp' && row.action === 's3:PutObject')?.status).toBe('denied');
		expect(theFix(diagnosis).blockedBy).toEqual({status: 'denied', by: 'the pasted AccessDenied message says a resource control policy explicitly denied s3:PutObject', explicitDeny: true});
		expect(textOfFix(diagnosis)).toContain('1. IAM identity policies: add an allow  ⛔ proven for its own rows, but the request stays denied\n');
		expect(screenLines(diagnosis)).toEqual([{mark: '  ⛔ ', markColour: 'magenta', text: 'proven for its own rows, but the request stays denied: the pasted AccessDenied message says a resource control policy explicitly denied s3:PutObject'}]);
	});
});

describe('a fix whose own rows turn ✔ while a pasted message says an SCP denied, and the SCPs read allow it', () => {
	const diagnosis = diagnose(scpsReadAllowing([scpDenied]));
	const fix = theFix(diagnosis);

	it('is not proven: whether the request is allowed stays unknown, with ? and never ✔ proven', () => {
		expect(fix.proven).toBe(false);
		expect(fix.blockedBy).toEqual({status: 'unknown', by: evidenceWords});
		const text = textOfFix(diagnosis);
		expect(text).toContain(`1. IAM identity policies: add an allow  ? proven for its own rows, but whether the request is allowed stays unknown\n`);
		expect(text.replace(/\n +/g, ' ')).toContain(`but ${evidenceWords}: while that stands the request is not known to be allowed.`);
		expect(text).not.toMatch(/✔ proven|not proven/);
		expect(markdownOfFix(diagnosis)).toMatch(/^### 1\. IAM identity policies: add an allow \(\? proven for its own rows, but whether the request is allowed stays unknown\)\n/);
		expect((JSON.parse(renderJson(diagnosis)) as {fixes: Record<string, unknown>[]}).fixes[0]).toMatchObject({proven: false, blockedBy: {status: 'unknown'}});
		expect(screenLines(diagnosis)).toEqual([{mark: '  ? ', markColour: 'yellow', text: `proven for its own rows, but whether the request is allowed stays unknown: ${evidenceWords}`}]);
	});
});

describe('the same fix with no pasted message', () => {
	it('is proven, ✔, with nothing blocking it', () => {
		const diagnosis = diagnose(buildSnapshot(keyOnly));
		expect(theFix(diagnosis)).toMatchObject({proven: true, remains: null});
		expect(theFix(diagnosis).blockedBy ?? null).toBeNull();
		expect(textOfFix(diagnosis)).toContain('1. IAM identity policies: add an allow  ✔ proven\n');
		expect((JSON.parse(renderJson(diagnosis)) as {fixes: Record<string, unknown>[]}).fixes[0]).toMatchObject({proven: true, blockedBy: null});
		expect(screenLines(diagnosis)).toEqual([{mark: '  ✔ ', markColour: 'green', text: 'proven: re-evaluated with this change, the rows it targets turn ✔'}]);
	});
});
