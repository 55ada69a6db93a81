import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../../source/shared/display-width.js';
import {fixLines, fixText} from '../../../source/ui/result/detail-lines.js';
import {fixtureDiagnosis} from '../fixtures/diagnosis.js';

/** The fix's heading names its place and kind; the three view tabs must still be readable in a 60-column terminal. */

const shown = (line: {readonly mark?: string; readonly text: string}): string => `${line.mark ?? ''}${line.text}`;

describe('the fix heading and its tabs', () => {
	const fix = fixtureDiagnosis.fixes.find(candidate => candidate.kind === 'narrow-deny')!;

	it('keeps heading and tabs on one line where they fit', () => {
		const lines = fixLines(fix, 'statement', 120).map(shown);
		expect(lines).toContainEqual(expect.stringMatching(/Fix IAM identity policies: narrow the deny: \[Statement\] +Merged policy +CLI command/));
	});

	it('puts the tabs on their own line where the heading leaves no room, so [CLI command] is never cut off', () => {
		const lines = fixLines(fix, 'command', 56).map(shown);
		const heading = lines.findIndex(line => line.includes('Fix IAM identity policies'));
		expect(lines[heading + 1]).toMatch(/Statement +Merged policy +\[CLI command\]/);
		expect(displayWidth(lines[heading]!)).toBeLessThanOrEqual(56);
		expect(displayWidth(lines[heading + 1]!)).toBeLessThanOrEqual(56);
	});
});

describe('a fix that changes two statements', () => {
	const narrowed = fixtureDiagnosis.fixes.find(candidate => candidate.kind === 'narrow-deny')!;
	const second = {Sid: 'DenyOutsideOffice', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: {NotIpAddress: {'aws:SourceIp': '10.0.0.0/8'}}};
	const fix = {...narrowed, statements: [...narrowed.statements, second]};

	it('shows both on the Statement tab, and copies them as one JSON list', () => {
		const text = fixLines(fix, 'statement', 120).map(shown).join('\n');
		expect(text).toMatch(/"Sid": "DenyOutsideVpc"[\s\S]*"Sid": "DenyOutsideOffice"/);
		expect(JSON.parse(fixText(fix, 'statement'))).toEqual(fix.statements);
	});
});
