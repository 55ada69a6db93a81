import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Diagnosis} from '../../../source/diagnosis/diagnosis.js';
import {snapshotFormat, type Snapshot} from '../../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {ResultScreen, type ResultScreenProps} from '../../../source/ui/result/result-screen.js';
import {fixtureDiagnosis} from '../fixtures/diagnosis.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

/** The result screen at the sizes people have: every explanation readable, the keys that matter always shown. */

const snapshot: Snapshot = {format: snapshotFormat, question: {operation: 'upload', bucket: 'reports-bucket', objectKey: 'exports/big.csv'}};
const longWhy =
	'The key policy does not let account 111122223333 use the key for kms:Decrypt: no statement names the account or role Uploader, and the account-root statement that would delegate to IAM policies is missing.';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const show = (overrides: Partial<ResultScreenProps> = {}, size = {columns: 80, rows: 24}) => {
	const props: ResultScreenProps = {
		diagnosis: fixtureDiagnosis,
		snapshot,
		services: fakeServices().services,
		width: size.columns,
		rows: size.rows,
		onRerun: () => undefined,
		savedCheckNames: [],
		onBack: vi.fn(),
		onQuit: vi.fn(),
		...overrides,
	};
	app = renderApp(
		<KeyRouter>
			<ResultScreen {...props} />
		</KeyRouter>,
		size,
	);
	return app;
};

const withRequirements = (change: (requirements: Diagnosis['requirements']) => Diagnosis['requirements']): Diagnosis => ({...fixtureDiagnosis, requirements: change(fixtureDiagnosis.requirements)});

describe('the result screen', () => {
	it('starts on the first ⛔ row when explicit denies are the only failures', async () => {
		const onlyDenied = withRequirements(requirements => requirements.map(requirement => (requirement.status === 'missing' ? {...requirement, status: 'ok' as const} : requirement)));
		const frame = await show({diagnosis: onlyDenied}, {columns: 100, rows: 40}).waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(frame).toMatch(/› ⛔ +kms:Decrypt/);
		expect(frame.match(/›/g)).toHaveLength(1);
		// The pane under the table: a space after ⛔ as after every mark, its text under the table's actions.
		expect(frame).toMatch(/^ {2}⛔ kms:Decrypt: /m);
	});

	it("shows the selected row's explanation in full under the table at 80×24, and follows the arrow", async () => {
		const diagnosis = withRequirements(requirements => requirements.map(requirement => (requirement.status === 'missing' ? {...requirement, why: longWhy} : requirement)));
		const rendered = show({diagnosis});
		let frame = await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		// Cut in its row, whole in the pane (the pane's lines hang under its text, as the table's actions stand).
		expect(frame).toMatch(/^ {2}✘ {2}kms:Decrypt: /m);
		expect(frame.replace(/\n {5}/g, ' ')).toContain(`kms:Decrypt: ${longWhy} (Enter: the fix)`);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		await rendered.press(keys.up);
		frame = rendered.lastFrame();
		expect(frame.replace(/\n {5}/g, ' ')).toContain('kms:GenerateDataKey: key policy, Sid "AllowUse" allows kms:GenerateDataKey to role Uploader. (Enter: more)');
	});

	it('keeps "? keys" and "q quit" in the footer at 60 columns, dropping lesser hints first', async () => {
		const frame = await show({}, {columns: 60, rows: 20}).waitFor(frame => frame.includes('Key policy'), 'the table');
		const footer = frame.split('\n').find(line => line.includes('explain'))!;
		expect(footer).toMatch(/\? keys · q quit$/);
		expect(footer.length).toBeLessThanOrEqual(60);
		expect(frame.split('\n').length).toBeLessThanOrEqual(20);
	});

	it('keeps the key ID whole in a group heading on a narrow terminal', async () => {
		const frame = await show({}, {columns: 60, rows: 20}).waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(frame).toMatch(/^Key policy · …key\/1234abcd-12ab-34cd-56ef-1234567890ab$/m);
	});

	it('at 80×24 a long fix with a notice still fits: the title stays on the first line, and the last line can be reached', async () => {
		const rendered = show({}, {columns: 80, rows: 24});
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		await rendered.press(keys.enter);
		await rendered.waitFor(frame => frame.includes('[Statement]'), 'the fix');
		// The whole merged policy: longer than the screen.
		await rendered.press(keys.tab);
		await rendered.waitFor(frame => frame.includes('[Merged policy]'), 'the merged policy');
		await rendered.press('c');
		let frame = await rendered.waitFor(frame => frame.includes('Copied'), 'the notice');
		expect(frame).toMatch(/lines 1–\d+ of \d+/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		expect(frame.split('\n')[0]).toMatch(/^s3-kms-doctor · /);
		const total = Number(/lines \d+–\d+ of (\d+)/.exec(frame)?.[1]);
		for (let page = 0; page < 10; page++) await rendered.press(keys.pageDown);
		frame = await rendered.waitFor(frame => new RegExp(`lines \\d+–${total} of ${total}`).test(frame), 'the last line');
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	});

	it('clears a notice once the screen moves on (Esc included)', async () => {
		const rendered = show({}, {columns: 100, rows: 40});
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		await rendered.press(keys.enter);
		await rendered.waitFor(frame => frame.includes('[Statement]'), 'the fix');
		await rendered.press('c');
		await rendered.waitFor(frame => frame.includes('Copied'), 'the notice');
		await rendered.press(keys.escape);
		await rendered.waitFor(frame => frame.includes('↑↓ Enter explain'), 'the table again');
		expect(rendered.lastFrame()).not.toContain('Copied');
	});

	it('offers r and n only where they do something, and says the truth when pressed anyway', async () => {
		const rendered = show({rereadable: false}, {columns: 100, rows: 40});
		const frame = await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(frame).not.toContain('r re-read');
		expect(frame).not.toContain('n name');
		await rendered.press('?');
		const help = await rendered.waitFor(frame => frame.includes('Keys'), 'the help');
		expect(help).not.toContain('re-run the reads');
		expect(help).not.toContain('name this check');
		await rendered.press('?', 'n');
		expect(rendered.lastFrame()).toContain('Only checks read live with a profile can be named');
		expect(rendered.lastFrame()).not.toContain('pasted policies');
	});

	it("lists over the table only the keys that act there; the fix's views, scrolling and w once a row is open", async () => {
		const rendered = show({}, {columns: 100, rows: 40});
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		await rendered.press('?');
		const overTable = await rendered.waitFor(frame => frame.includes('Keys'), 'the help');
		expect(overTable).not.toContain('switch the fix view');
		expect(overTable).not.toContain('scroll a page');
		expect(overTable).toContain('export the report');
		await rendered.press('?', keys.enter);
		await rendered.waitFor(frame => frame.includes('[Statement]'), 'the fix');
		await rendered.press('?');
		const overFix = await rendered.waitFor(frame => frame.includes('Keys'), 'the help');
		expect(overFix).toContain('switch the fix view');
	});

	it('offers c only on a row with a fix', async () => {
		const rendered = show({}, {columns: 100, rows: 40});
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(rendered.lastFrame()).toContain('c copy');
		await rendered.press(keys.up);
		expect(rendered.lastFrame()).not.toContain('c copy');
	});
});
