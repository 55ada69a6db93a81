import {afterEach, describe, expect, it, vi} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../source/ui/result/result-screen.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import {copiedCommand} from './helpers/copied-command.js';
import {fakeServices, loadExample} from './helpers/fake-services.js';
import {renderApp, type Rendered} from './helpers/render.js';

/** A finding's remedy that is a command (`aws kms enable-key --key-id ARN`, or two joined by `&&`) is copied from the screen as it is. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const snapshot = loadExample('disabled-key');
const diagnosis = diagnose(snapshot);
const keyArn = snapshot.key!.arn;
const keyRegion = keyArn.split(':')[3]!;

const result = (columns: number, rows: number, diagnosis: Diagnosis, snapshot: Snapshot): Rendered =>
	renderApp(
		<KeyRouter>
			<ResultScreen diagnosis={diagnosis} snapshot={snapshot} services={fakeServices().services} width={columns} rows={rows} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
		</KeyRouter>,
		{columns, rows},
	);

describe("a finding's remedy of AWS CLI calls", () => {
	it('is the remedy the example gives', () => {
		expect(diagnosis.findings.map(finding => finding.remedy)).toContain(`aws kms enable-key --key-id '${keyArn}' --region '${keyRegion}'`);
	});

	for (const [columns, rows] of [
		[80, 30],
		[60, 30],
	] as const) {
		it(`${columns}×${rows}: a mouse copy of its lines, under the finding and in v, runs as the same command`, async () => {
			app = result(columns, rows, diagnosis, snapshot);
			const frame = await app.waitFor(frame => frame.includes('aws kms enable-key'), 'the remedy');
			expect(argvOf(copiedCommand(frame, 'aws kms enable-key'))).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', keyRegion]);
			for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
			await app.press('v');
			const whole = await app.waitFor(frame => frame.includes('aws kms enable-key') && !frame.includes('Key policy ·'), 'the whole verdict');
			expect(argvOf(copiedCommand(whole, 'aws kms enable-key'))).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', keyRegion]);
		});
	}

	it('80×24: the finding and its remedy stand above the table, whose first rows stay; the pane gives way (Enter opens the row)', async () => {
		app = result(80, 24, diagnosis, snapshot);
		const frame = await app.waitFor(frame => frame.includes('Key policy ·'), 'the result');
		expect(frame).not.toContain('not shown: v shows them');
		expect(argvOf(copiedCommand(frame, 'aws kms enable-key'))).toEqual(['kms', 'enable-key', '--key-id', keyArn, '--region', keyRegion]);
		// The table's first group whole: its heading and both key policy rows.
		expect(frame).toMatch(/Key policy ·.*\n.*kms:GenerateDataKey.*\n.*kms:Decrypt/);
		const lines = frame.replace(/\n+$/, '').split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('two calls joined by && (a key pending deletion): each laid out, the copy of all its lines runs both', async () => {
		const pending: Snapshot = {...snapshot, key: {...snapshot.key!, keyState: 'PendingDeletion'}};
		const diagnosed = diagnose(pending);
		expect(diagnosed.findings.map(finding => finding.remedy)).toContain(`aws kms cancel-key-deletion --key-id '${keyArn}' --region '${keyRegion}' && aws kms enable-key --key-id '${keyArn}' --region '${keyRegion}'`);
		app = result(80, 24, diagnosed, pending);
		// At 80×24 the finding gives way to the table, all but its first line: v shows it.
		await app.waitFor(frame => /^✘ The key arn:.*…\n {2}… 1 finding not shown whole: v shows them$/m.test(frame), 'the result');
		await app.press('v');
		const frame = await app.waitFor(frame => frame.includes('aws kms cancel-key-deletion'), 'the remedy');
		expect(argvOf(copiedCommand(frame, 'aws kms cancel-key-deletion'))).toEqual(['kms', 'cancel-key-deletion', '--key-id', keyArn, '--region', keyRegion, 'kms', 'enable-key', '--key-id', keyArn, '--region', keyRegion]);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});
});
