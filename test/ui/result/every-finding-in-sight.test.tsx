import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {visible} from '../../../source/report/sanitize.js';
import {loadExample} from '../helpers/fake-services.js';
import {resultOfExample} from '../helpers/result-example.js';
import {keys} from '../helpers/render.js';

/**
 * A result whose findings are long (the Athena example: a forward access session, and AWS's pages disagreeing about
 * aws:SourceIp) at 80×24: no finding is out of sight without a line of its own on the first screen, the line that
 * says the rest is shown by v, and v in the footer; v then reads each of them whole.
 */

const sizes = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 20},
] as const;

const example = 'athena-query-source-ip-deny';
const show = resultOfExample(example);

const lines = (frame: string): string[] => frame.replace(/\n+$/, '').split('\n');
/** What the screen says, with wrapped lines joined again (continuation lines are indented). */
const joined = (frame: string): string => frame.replace(/\n +/g, ' ');

describe('the result screen with findings longer than the screen', () => {
	it('has two findings, too long to show whole over the table at 80×24 (what the test below is about)', () => {
		const {findings} = diagnose(loadExample(example));
		expect(findings.map(finding => finding.severity)).toEqual(['info', 'warning']);
		expect(findings.reduce((sum, finding) => sum + finding.message.length, 0)).toBeGreaterThan(1200);
	});

	it('80×24: each finding has a line of its own on the first screen, cut with …; one line and the footer say v shows them', async () => {
		const size = {columns: 80, rows: 24};
		const {app: rendered, diagnosis} = show(size);
		const frame = await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
		expect(lines(frame).length).toBeLessThanOrEqual(size.rows - 1);
		for (const finding of diagnosis.findings) {
			// Its mark, then its first words.
			const start = visible(finding.message).split(' ').slice(0, 4).join(' ');
			expect(frame).toMatch(new RegExp(`^[i!] ${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*…$`, 'm'));
		}
		expect(frame).toMatch(/^ {2}… 2 findings not shown whole: v shows them$/m);
		expect(frame).toMatch(/ · v verdict · \? keys · q quit$/m);
		for (const line of lines(frame)) expect(line.length, line).toBeLessThanOrEqual(size.columns);
	});

	it('60×20: where not even a line each fits, one line says how many findings v shows', async () => {
		const {app: rendered} = show({columns: 60, rows: 20});
		const frame = await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
		expect(frame).toMatch(/^ {2}… 2 findings not shown( whole)?: v shows them$/m);
	});

	for (const size of sizes) {
		it(`${size.columns}×${size.rows}: v reads every finding whole`, async () => {
			const {app: rendered, diagnosis} = show(size);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
			await rendered.press('v');
			let frame = await rendered.waitFor(frame => frame.includes('Esc back'), 'the whole verdict');
			let text = frame;
			for (let page = 0; page < 20 && /lines \d+–\d+ of \d+/.test(frame) && !/lines \d+–(\d+) of \1 /.test(frame); page++) {
				await rendered.press(keys.pageDown);
				frame = rendered.lastFrame();
				text += `\n${frame}`;
			}
			// Its first and last words (a URL in between may be broken after a `/`).
			for (const finding of diagnosis.findings) {
				const words = visible(finding.message).split(' ');
				expect(joined(text)).toContain(words.slice(0, 10).join(' '));
				expect(joined(text)).toContain(words.slice(-8).join(' '));
			}
		});
	}
});
