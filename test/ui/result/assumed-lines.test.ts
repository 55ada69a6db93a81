import {describe, expect, it} from 'vitest';
import {assumedSentences} from '../../../source/report/describe.js';
import {assumptionStatements} from '../../../source/snapshot/assumptions.js';
import {noGrantsBecause} from '../../../source/ui/conversation/manual-flow.js';
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
		const grants = 'Assumed: no KMS grant on the key allows these actions — the pasted error shows kms:Decrypt refused on this key; aws kms list-grants settles it.';
		expect(text(assumedLines(grants, 80)).replace(/\n +/g, ' ')).toBe(`≈ ${grants}`);
	});

	it('names each of two keys (a copy) by its own ID', () => {
		const other = keyArn.replace('1234abcd', '9999abcd');
		const both = `Assumed: the KMS keys ${keyArn} and ${other} are enabled.`;
		const joined = text(assumedLines(both, 80)).replace(/\n +/g, ' ');
		expect(joined).toContain('…key/1234abcd-12ab-34cd-56ef-1234567890ab and …key/9999abcd-12ab-34cd-56ef-1234567890ab are enabled');
	});
});

describe('the "no grants" assumption a pasted KMS refusal makes', () => {
	// The same sentence in every report and on the screen: at 80 columns it takes two lines, whole, for each KMS action S3 uses.
	for (const refused of ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncryptFrom']) {
		it(`${refused}: says what is assumed and what settles it, in two lines at 80 columns`, () => {
			const [sentence] = assumedSentences({assumptions: [{id: 'no-grants', statement: assumptionStatements['no-grants'], because: noGrantsBecause(refused)}]});
			expect(sentence).toBe(`Assumed: no KMS grant on the key allows these actions — the pasted error shows ${refused} refused on this key; aws kms list-grants settles it.`);
			const lines = assumedLines(sentence!, 80);
			expect(lines).toHaveLength(2);
			expect(text(lines).replace(/\n +/g, ' ')).toBe(`≈ ${sentence}`);
		});
	}
});
