import {describe, expect, it} from 'vitest';
import {renderJson} from '../../source/report/render-json.js';
import {allowedDownload, deniedMultipartUpload, unknownCopy} from './fixtures.js';

type Parsed = Record<string, unknown> & {
	actions: Record<string, unknown>[];
	requirements: Record<string, unknown>[];
	fixes: Record<string, unknown>[];
	findings: Record<string, unknown>[];
	unknowns: Record<string, unknown>[];
	question: Record<string, unknown>;
};

const text = renderJson(deniedMultipartUpload);
const parsed = JSON.parse(text) as Parsed;

describe('renderJson', () => {
	it('prints the contract keys in a fixed order, 2-space indented, with a final newline', () => {
		expect(Object.keys(parsed)).toEqual(['format', 'verdict', 'summary', 'question', 'actions', 'requirements', 'findings', 'fixes', 'unknowns', 'assumptions']);
		expect(text.startsWith('{\n  "format": "s3-kms-doctor/diagnosis@1",\n  "verdict": "denied",\n  "summary": ')).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('gives each action its decision and purpose, not the engine evaluation', () => {
		expect(parsed.actions.map(action => Object.keys(action))).toEqual(Array.from({length: 3}, () => ['action', 'resource', 'decision', 'purpose']));
		expect(parsed.actions.map(action => [action['action'], action['decision']])).toEqual([
			['s3:PutObject', 'denied'],
			['kms:GenerateDataKey', 'allowed'],
			['kms:Decrypt', 'denied'],
		]);
		expect(text).not.toContain('"layers"');
		expect(text).not.toContain('"context"');
	});

	it('gives each requirement its place, status, deciding statement and why; resolveWith and conditions only when known', () => {
		const missing = parsed.requirements.find(requirement => requirement['status'] === 'missing')!;
		expect(missing).toEqual({
			action: 'kms:Decrypt',
			resource: deniedMultipartUpload.question.keyArn,
			place: 'key-policy',
			status: 'missing',
			decidedBy: null,
			why: deniedMultipartUpload.requirements[4]!.why,
		});
		const unknown = parsed.requirements.find(requirement => requirement['status'] === 'unknown')!;
		expect(Object.keys(unknown)).toEqual(['action', 'resource', 'place', 'status', 'decidedBy', 'why', 'resolveWith']);
		const denied = parsed.requirements.find(requirement => requirement['status'] === 'denied')!;
		expect(Object.keys(denied)).toEqual(['action', 'resource', 'place', 'status', 'decidedBy', 'why', 'conditions']);
		expect((denied['conditions'] as Record<string, unknown>[])[1]).toEqual({
			operator: 'Bool',
			key: 'aws:SecureTransport',
			expected: ['true'],
			actual: 'absent',
			result: 'no',
			reason: 'aws:SecureTransport is absent.',
			effect: 'Deny',
		});
		// The Deny's condition that holds says it belongs to a Deny: it is what denies, not a green "holds".
		expect((denied['conditions'] as Record<string, unknown>[])[0]).toMatchObject({result: 'yes', effect: 'Deny'});
	});

	it('gives each fix with its statement, merged policy, command and proof', () => {
		expect(parsed.fixes.map(fix => Object.keys(fix))).toEqual(
			Array.from({length: 2}, () => ['place', 'kind', 'alsoKinds', 'target', 'policyName', 'statement', 'statements', 'policy', 'command', 'summary', 'proven', 'blockedBy', 'appliesIn', 'weakens', 'remains']),
		);
		const [keyFix] = deniedMultipartUpload.fixes;
		expect(parsed.fixes[0]).toMatchObject({place: 'key-policy', kind: 'add-allow', alsoKinds: [], policyName: null, statement: keyFix!.statement, statements: [keyFix!.statement], policy: keyFix!.policy, command: keyFix!.command, proven: true});
		expect(parsed.fixes[1]).toMatchObject({kind: 'narrow-deny', proven: false});
		// Who applies each fix, and what a narrowed Deny gives up (null for every other kind).
		expect(parsed.fixes[0]).toMatchObject({appliesIn: {account: '111122223333', role: 'key-owner'}, weakens: null, remains: null});
		expect(parsed.fixes[1]).toMatchObject({appliesIn: {account: null, role: 'bucket-owner'}, weakens: deniedMultipartUpload.fixes[1]!.weakens});
	});

	it('keeps policy documents in their own key order', () => {
		const policyText = JSON.stringify(parsed.fixes[0]!['policy']);
		expect(policyText).toBe(JSON.stringify(deniedMultipartUpload.fixes[0]!.policy));
	});

	it('carries findings, unknowns and the resolved question', () => {
		expect(parsed.findings[1]).toEqual({
			id: 'default-encryption-key-differs',
			severity: 'info',
			message: 'The request names a key other than the bucket default.',
			remedy: deniedMultipartUpload.findings[1]!.remedy,
		});
		expect(parsed.unknowns).toEqual(deniedMultipartUpload.unknowns);
		expect(parsed.question).toMatchObject({operation: 'upload', multipart: 'yes', sizeBytes: 12_582_912, crossAccount: {bucket: false, key: false}});
		const copy = JSON.parse(renderJson(unknownCopy)) as Parsed;
		expect(copy.question).not.toHaveProperty('sizeBytes');
		expect(copy.question['crossAccount']).toEqual({bucket: false, key: 'unknown'});
		expect(JSON.parse(renderJson(allowedDownload))).toMatchObject({verdict: 'allowed', findings: [], fixes: [], unknowns: []});
	});

	it('is deterministic', () => {
		expect(renderJson(deniedMultipartUpload)).toBe(text);
	});
});
