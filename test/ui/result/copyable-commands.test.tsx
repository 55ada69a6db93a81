import {afterEach, describe, expect, it, vi} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../../source/ui/result/result-screen.js';
import {allow, buildSnapshot, customerKey, keyArn, policy, rootOf, without} from '../../diagnosis/support/build-snapshot.js';
import {argvOf} from '../../diagnosis/support/fix-checks.js';
import {copiedCommand} from '../helpers/copied-command.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

/**
 * At 80×24 a key ARN does not fit on one line after its flag: a command the result screen shows for the key policy
 * (the read that settles an unread one, the fix that rewrites it) is laid out so that a mouse copy of what is on screen
 * runs as the very same command, never cut with `…` nor broken inside a word.
 */

const size = {columns: 80, rows: 24};

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const show = (snapshot: Snapshot): Rendered => {
	app = renderApp(
		<KeyRouter>
			<ResultScreen diagnosis={diagnose(snapshot)} snapshot={snapshot} services={fakeServices().services} width={size.columns} rows={size.rows} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
		</KeyRouter>,
		size,
	);
	return app;
};

const fitsTheTerminal = (frame: string): void => {
	for (const line of frame.split('\n')) expect(line.length, line).toBeLessThanOrEqual(size.columns);
	expect(frame.replace(/\n+$/, '').split('\n').length).toBeLessThanOrEqual(size.rows);
};

/** Scrolled to its end, the opened row's panel. */
const scrolledToEnd = async (rendered: Rendered): Promise<string> => {
	for (let page = 0; page < 10 && /lines \d+–\d+ of \d+/.test(rendered.lastFrame()) && !/lines \d+–(\d+) of \1 /.test(rendered.lastFrame()); page++) await rendered.press(keys.pageDown);
	return rendered.lastFrame();
};

describe('commands for the key policy at 80×24', () => {
	it('the command that reads a key policy not pasted is whole on its own lines, and copies as the same command', async () => {
		const getKeyPolicy = `aws kms get-key-policy --key-id ${keyArn} --policy-name default --output text`;
		const snapshot = {...without(buildSnapshot(), 'key.policy'), unread: [{path: 'key.policy', reason: 'not pasted', resolveWith: getKeyPolicy}]};
		const rendered = show(snapshot);
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		await rendered.press(keys.enter);
		const frame = await rendered.waitFor(frame => frame.includes('What would decide it:'), 'the explanation');
		fitsTheTerminal(frame);
		expect(frame).toMatch(/^ {2}What would decide it:\n {4}aws kms get-key-policy/m);
		const copied = copiedCommand(frame, 'aws kms get-key-policy');
		expect(copied).not.toContain('…');
		expect(argvOf(copied)).toEqual(argvOf(getKeyPolicy));
	});

	it("the key policy fix's short command, its key ARN folded, copies as the same command", async () => {
		const snapshot = buildSnapshot({key: customerKey(keyArn, policy(allow('kms:Describe*', '*', {Principal: {AWS: rootOf('111122223333')}})))});
		const rendered = show(snapshot);
		await rendered.waitFor(frame => /› ✘ +kms:GenerateDataKey/.test(frame), 'the failing row');
		await rendered.press(keys.enter);
		await rendered.waitFor(frame => frame.includes('Fix Key policy'), 'the fix');
		await rendered.press(keys.tab, keys.tab);
		await rendered.waitFor(frame => frame.includes('[CLI command]'), 'the command view');
		const frame = await scrolledToEnd(rendered);
		fitsTheTerminal(frame);
		const copied = copiedCommand(frame, 'aws kms put-key-policy');
		// The ARN is wider than what is left beside --key-id: folded inside its quotes, the second half at column 0.
		expect(copied).toMatch(/'\\\n'/);
		expect(argvOf(copied)).toEqual(['kms', 'put-key-policy', '--key-id', keyArn, '--region', 'eu-west-1', '--policy-name', 'default', '--policy', 'file://key-policy-1234abcd-12ab-34cd-56ef-1234567890ab.json']);
	});
});
