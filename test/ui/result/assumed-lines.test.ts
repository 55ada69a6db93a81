import {describe, expect, it} from 'vitest';
import {assumedLines} from '../../../source/ui/result/assumed-lines.js';

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const sentence = `Assumed: the KMS key ${keyArn} is enabled (its state, from kms:DescribeKey, was not read or given).`;
const text = (lines: ReturnType<typeof assumedLines>): string => lines.map(line => `${line.mark ?? ''}${line.text}`).join('\n');

describe('an assumption on the result screen', () => {
	it('names a key by its key ID where the ARN would cost a line (80 columns), and keeps every word of the rest', () => {
		const lines = assumedLines(sentence, 80);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({mark: '≈ ', markColour: 'yellow'});
		expect(text(lines).replace(/\n +/g, ' ')).toBe('≈ Assumed: the KMS key …key/1234abcd-12ab-34cd-56ef-1234567890ab is enabled (its state, from kms:DescribeKey, was not read or given).');
		for (const line of text(lines).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('keeps the whole ARN where it costs no line', () => {
		expect(text(assumedLines(sentence, 200))).toBe(`≈ ${sentence}`);
	});

	it('leaves a sentence without a key ARN as it is', () => {
		const grants = 'Assumed: no KMS grant on the key allows these actions — the pasted AccessDenied shows kms:Decrypt was refused on this key, so no grant allowed it then.';
		expect(text(assumedLines(grants, 80)).replace(/\n +/g, ' ')).toBe(`≈ ${grants}`);
	});

	it('names each of two keys (a copy) by its own ID', () => {
		const other = keyArn.replace('1234abcd', '9999abcd');
		const both = `Assumed: the KMS keys ${keyArn} and ${other} are enabled.`;
		const joined = text(assumedLines(both, 80)).replace(/\n +/g, ' ');
		expect(joined).toContain('…key/1234abcd-12ab-34cd-56ef-1234567890ab and …key/9999abcd-12ab-34cd-56ef-1234567890ab are enabled');
	});
});
