import {describe, expect, it} from 'vitest';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import {displayWidth} from '../../source/shared/display-width.js';
import {allowedDownload, deniedMultipartUpload, unknownCopy} from './fixtures.js';
import {stripAnsi} from './report-helpers.js';

const plain = renderText(deniedMultipartUpload, {color: false});
const coloured = renderText(deniedMultipartUpload, {color: true});
const lines = plain.split('\n');

/** The line of a requirement under a place heading. */
const requirementLine = (text: string, place: string, action: string): string => {
	const all = text.split('\n');
	const start = all.findIndex(line => stripAnsi(line).trimStart().startsWith(place));
	const found = all.slice(start + 1).find(line => stripAnsi(line).includes(` ${action} `) || stripAnsi(line).endsWith(` ${action}`));
	if (start === -1 || !found) throw new Error(`no ${action} under ${place}`);
	return found;
};

/** Lines that are JSON documents or commands: printed whole so they paste, never wrapped. */
const pastable = (diagnosis: Diagnosis): Set<string> =>
	new Set(
		diagnosis.fixes.flatMap(fix => [
			...JSON.stringify(fix.statement, null, 2).split('\n'),
			...JSON.stringify(fix.policy, null, 2).split('\n'),
			fix.command,
		]).map(line => line.trim()),
	);

describe('renderText', () => {
	it('has no escape codes when colour is off (NO_COLOR, or not a terminal)', () => {
		expect(plain).not.toContain('\u001B');
		expect(renderText(unknownCopy, {color: false})).not.toContain('\u001B');
	});

	it('says the same thing with colour on, only coloured', () => {
		expect(stripAnsi(coloured)).toBe(plain);
		expect(coloured).not.toBe(plain);
	});

	it('colours each mark by status: green ✔, red ✘, magenta ⛔, yellow ?, dim –', () => {
		expect(requirementLine(coloured, 'Key policy', 'kms:GenerateDataKey')).toContain('\u001B[32m✔\u001B[39m');
		expect(requirementLine(coloured, 'Key policy', 'kms:Decrypt')).toContain('\u001B[31m✘\u001B[39m');
		expect(requirementLine(coloured, 'Bucket policy', 's3:PutObject')).toContain('\u001B[35m⛔\u001B[39m');
		expect(requirementLine(coloured, 'Permissions boundary', 'kms:Decrypt')).toContain('\u001B[33m?\u001B[39m');
		expect(requirementLine(coloured, 'IAM identity policies', 'kms:GenerateDataKey')).toContain('\u001B[2m–\u001B[22m');
	});

	it('lists requirements under their place, in place order, with mark and status', () => {
		const requirements = lines.slice(lines.indexOf('Requirements'), lines.indexOf('Fixes'));
		const places = requirements.filter(line => /^ {2}[A-Z]/.test(line));
		expect(places.map(line => line.trim().split('  ')[0])).toEqual(['Key policy', 'IAM identity policies', 'Bucket policy', 'Permissions boundary', 'Service control policies']);
		expect(requirementLine(plain, 'Key policy', 'kms:Decrypt')).toMatch(/^ {4}✘ {2}kms:Decrypt +missing$/);
		expect(requirementLine(plain, 'Bucket policy', 's3:PutObject')).toMatch(/^ {4}⛔ s3:PutObject +denied$/);
	});

	it('explains a denied requirement: deciding statement and its conditions, expected against actual', () => {
		const start = lines.findIndex(line => line.includes('⛔ s3:PutObject'));
		const block = lines.slice(start, start + 14).join('\n');
		expect(block).toContain('decided by: bucket policy, Sid "DenyOtherKeys"');
		// A Deny's condition that holds is what denies: never a green "✔ holds".
		expect(block).toMatch(/⛔ matches — this is what denies\n +StringNotEquals s3:x-amz-server-side-encryption-aws-kms-key-id/);
		expect(block).not.toContain('✔ holds');
		expect(block).toContain('expected: arn:aws:kms:eu-west-1:111122223333:key/other');
		expect(block).toContain('actual:   arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
		expect(block).toContain('actual:   (absent)');
	});

	it('shows the question, findings, fixes and unknowns the markdown report shows', () => {
		expect(lines[0]).toBe('✘ DENIED  upload to s3://dest-bucket/reports/2025|q1.csv');
		expect(plain).toMatch(/Multipart +yes: 12 MiB is at or above the 8 MiB multipart threshold/);
		expect(plain).toMatch(/! +warning +multipart-requires-decrypt/);
		expect(plain).toContain('1. Key policy: add an allow  ✔ proven');
		expect(plain).toContain('2. Bucket policy: narrow the deny  not proven\n     The re-evaluation did not turn every requirement it targets ✔');
		expect(plain).toContain(`       ${deniedMultipartUpload.fixes[0]!.command}`);
		expect(plain).toContain('resolve with: iam:GetRole on arn:aws:iam::111122223333:role/uploader');
		expect(renderText(allowedDownload, {color: false})).toMatch(/Fixes\n {2}None needed\./);
	});

	it.each([100, 72, 50])('wraps prose at %i columns but never splits JSON, commands or an ARN', width => {
		const text = renderText(deniedMultipartUpload, {color: false, width});
		const whole = pastable(deniedMultipartUpload);
		for (const line of text.split('\n')) {
			if (whole.has(line.trim())) continue;
			// A line may only overflow when it holds one word that cannot fit on any line.
			const longestWord = Math.max(...line.trim().split(/\s+/).map(word => displayWidth(word)));
			if (displayWidth(line) > width) expect(longestWord, line).toBeGreaterThan(width - 20);
		}
		expect(text).toContain(deniedMultipartUpload.fixes[0]!.command);
		expect(text).toContain('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
		const summary = text.split('\n').slice(1, 4).filter(line => line.startsWith('  '));
		expect(summary.length).toBeGreaterThan(width < 100 ? 1 : 0);
	});

	it('wraps at 100 columns by default', () => {
		expect(renderText(deniedMultipartUpload, {color: false, width: 100})).toBe(plain);
		expect(renderText(deniedMultipartUpload, {color: false, width: 60})).not.toBe(plain);
	});
});
