import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {diagnoseOptionsFor} from '../../source/commands/action-catalogue.js';
import {explanationOutput} from '../../source/commands/explain-error.js';
import type {DiagnoseOptions} from '../../source/diagnosis/action-catalogue.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {renderJson} from '../../source/report/render-json.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {commandsNotShownExactly, visibleDiagnosis} from '../../source/report/sanitize.js';
import {shellQuote} from '../../source/shared/shell.js';
import type {Line} from '../../source/ui/conversation/transcript-lines.js';
import {detailLines, fixTabs, fixText} from '../../source/ui/result/detail-lines.js';
import {allHeaderLines, headerOf} from '../../source/ui/result/header-lines.js';
import {rowPaneLines} from '../../source/ui/result/row-pane.js';
import {flatRows, rowGroups} from '../../source/ui/result/rows.js';
import {runBuiltCli} from '../commands/run-built-cli.js';
import {ansiPattern} from '../report/report-helpers.js';
import {injectHostile, injectText} from './sweep/inject.js';
import {html, inexactShellWords, leaks, markupLeaks, readable} from './sweep/outputs.js';

/**
 * The hostile-input sweep: every example snapshot and test fixture, with hostile strings written into every string
 * a customer controls (seeded: a failure names its seed), diagnosed and rendered as `check` prints it. No control,
 * bidi or invisible character may reach the text, markdown or JSON report raw, and no markup may reach the markdown.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const snapshotFiles = [
	...readdirSync(path.join(root, 'examples')).map(name => path.join('examples', name)),
	...readdirSync(path.join(root, 'test/fixtures/snapshots')).map(name => path.join('test/fixtures/snapshots', name)),
].filter(file => file.endsWith('.json'));

/** Seeds per snapshot, each at a rate of its own: some with every string hostile, some with a few (so policies still parse and fixes are made). */
const rates = [1, 0.5, 0.25, 0.1] as const;
const seedsPerRate = 3;

/** The wizard's result screen as text: its header, each row's pane, explanation and fix on every tab, and what `c` copies. */
const wizardText = (written: Diagnosis): string => {
	const diagnosis = visibleDiagnosis(written);
	const notShown = commandsNotShownExactly(written.fixes);
	const shown = (lines: readonly Line[]): string[] => lines.map(line => `${line.mark ?? ''}${line.text}`);
	return [
		...shown(allHeaderLines(headerOf(diagnosis, 100))),
		...flatRows(rowGroups(diagnosis)).flatMap(row => [
			...shown(rowPaneLines(row, 100)),
			...fixTabs.flatMap(tab => [...shown(detailLines(row, diagnosis, tab, 100, undefined, notShown)), ...(row.fix ? [fixText(row.fix, tab)] : [])]),
		]),
	].join('\n');
};

const originals = new Map(snapshotFiles.map(file => [file, JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown]));
const options = new Map<string, DiagnoseOptions>();

beforeAll(async () => {
	// AWS's catalogue of actions, as `check` loads it: typo findings and their fixes quote the customer's words too.
	for (const file of snapshotFiles) options.set(file, await diagnoseOptionsFor(injectHostile(originals.get(file), 0, 0).snapshot));
});

describe.each(snapshotFiles)('%s with hostile strings in every customer-written field', file => {
	const cases = rates.flatMap((rate, rateIndex) => Array.from({length: seedsPerRate}, (_, index) => ({rate, seed: 1 + rateIndex * seedsPerRate + index})));

	it.each(cases)('seed $seed (rate $rate): no control character or markup of theirs survives', ({rate, seed}) => {
		const {snapshot, paths} = injectHostile(originals.get(file), seed, rate);
		expect(paths.length, 'some customer-written string took a hostile value').toBeGreaterThan(0);
		const diagnosis = diagnose(snapshot, options.get(file));
		// As check prints it to a pipe and, coloured, to a terminal: colour adds only our own SGR codes.
		const text = renderText(diagnosis, {color: false, width: 100});
		expect(renderText(diagnosis, {color: true, width: 100}).replace(ansiPattern, '')).toBe(text);
		const markdown = renderMarkdown(diagnosis, {toolVersion: '0.0.0', generatedAt: '2026-01-01T00:00:00.000Z'});
		const json = renderJson(diagnosis);
		const where = `${file}, seed ${seed}, rate ${rate}`;
		expect(leaks(text), `text report: ${where}`).toEqual([]);
		expect(leaks(markdown), `markdown report: ${where}`).toEqual([]);
		expect(markupLeaks(html(markdown)), `markdown report: ${where}`).toEqual([]);
		expect(leaks(json), `JSON report: ${where}`).toEqual([]);
		expect(leaks(wizardText(diagnosis)), `the wizard's result screen: ${where}`).toEqual([]);
		// Unwrapped, so a command is on one line; the markdown as a reader sees it, escapes read.
		const unwrapped = renderText(diagnosis, {color: false, width: 1_000_000});
		expect(inexactShellWords(snapshot, unwrapped), `text report: ${where}`).toEqual([]);
		expect(inexactShellWords(snapshot, readable(html(markdown))), `markdown report: ${where}`).toEqual([]);
	});
});

describe('the built CLI on a hostile snapshot', () => {
	it('check prints, in every format, no control character or markup of theirs, and the JSON keeps their exact values', async () => {
		const file = 'test/fixtures/snapshots/download-object-of-another-account.json';
		const {snapshot} = injectHostile(originals.get(file), 3, 1);
		// The object key holds control characters: the get-object-acl read that settles the object's ACL names it.
		expect(leaks(snapshot.question.objectKey)).not.toEqual([]);
		const written = path.join(mkdtempSync(path.join(tmpdir(), 's3kd-sweep-')), 'hostile.json');
		writeFileSync(written, JSON.stringify(snapshot));
		const [text, markdown, json] = await Promise.all((['text', 'md', 'json'] as const).map(format => runBuiltCli(['check', '--snapshot', written, '--format', format])));
		for (const run of [text!, markdown!, json!]) {
			expect(run.exitCode, run.stderr).toBeLessThan(2);
			expect(leaks(run.stdout + run.stderr)).toEqual([]);
		}
		expect(markupLeaks(html(markdown!.stdout))).toEqual([]);
		expect(inexactShellWords(snapshot, readable(html(markdown!.stdout)))).toEqual([]);
		expect(text!.stdout).toContain('its command is not shown here');
		const report = JSON.parse(json!.stdout) as {question: {objectKey: string}; unknowns: {resolveWith?: string}[]};
		expect(report.question.objectKey).toBe(snapshot.question.objectKey);
		// Only JSON keeps the exact command, for a script to run.
		expect(report.unknowns.map(note => note.resolveWith)).toEqual(expect.arrayContaining([expect.stringContaining(`--key ${shellQuote(snapshot.question.objectKey)}`)]));
	});
});

const errorFiles = readdirSync(path.join(root, 'test/fixtures/errors')).map(name => path.join('test/fixtures/errors', name));

describe.each(errorFiles)('explain-error on %s with hostile text in it', file => {
	const original = readFileSync(path.join(root, file), 'utf8');

	it('prints no control character of theirs, for any of eight seeds', () => {
		let explained = 0;
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const text = injectText(original, seed, seed % 2 === 0 ? 0.1 : 0.04);
			const parsed = parseAccessDenied(text);
			// Text the hostile words made unrecognisable is refused with a line the CLI makes visible.
			if (!parsed.ok) continue;
			explained++;
			for (const format of ['text', 'json'] as const) expect(leaks(explanationOutput(parsed.value, format)), `${format}: ${file}, seed ${seed}`).toEqual([]);
		}
		expect(explained, 'some hostile version of it was still read as an error').toBeGreaterThan(0);
	});
});
