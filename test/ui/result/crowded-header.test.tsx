import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Diagnosis} from '../../../source/diagnosis/diagnosis.js';
import {err} from '../../../source/shared/result.js';
import {snapshotFormat, type Snapshot} from '../../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {ResultScreen} from '../../../source/ui/result/result-screen.js';
import {fixtureDiagnosis} from '../fixtures/diagnosis.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';

/**
 * A verdict with several assumptions and a long finding (a copy with a pasted error, no policies pasted): at 80×24 and
 * 60×20 every frame fits, the title and the verdict's line stay on screen, what gives way says so, and v shows it all.
 */

const snapshot: Snapshot = {format: snapshotFormat, question: {operation: 'upload', bucket: 'reports-bucket', objectKey: 'exports/big.csv'}};

const assumptions: Diagnosis['assumptions'] = [
	{id: 'no-grants', statement: 'no KMS grant on the key allows these actions', because: 'the pasted error shows kms:Decrypt refused on this key; aws kms list-grants settles it'},
	{
		id: 'object-owned-by-bucket-account',
		statement:
			"the object read is owned by the bucket's account (its Object Ownership setting was not read; its owner was not read; s3:GetObjectAcl on arn:aws:s3:::reports-bucket/exports/big.csv and s3:GetBucketAcl on arn:aws:s3:::reports-bucket (their owners compared) would settle it)",
	},
	{id: 'key-enabled', statement: 'the KMS key arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is enabled (its state, from kms:DescribeKey, was not read or given)'},
];

const crowded: Diagnosis = {
	...fixtureDiagnosis,
	summary:
		"Uploading to s3://reports-bucket/exports/big.csv fails: kms:Decrypt is not allowed by the key policy, and s3:PutObject and kms:GenerateDataKey depend on the caller's IAM policies and the bucket policy.",
	assumptions,
	findings: [
		{
			id: 'multipart-requires-decrypt',
			severity: 'warning',
			message:
				'Large files are uploaded in parts (multipart from 8 MiB, or from the threshold the tool was set to), and multipart upload with SSE-KMS needs kms:Decrypt as well as kms:GenerateDataKey. That is why small files upload but large ones fail with AccessDenied.',
			remedy: 'Grant kms:Decrypt on the key.',
		},
		...fixtureDiagnosis.findings,
	],
};

const sizes = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 20},
] as const;

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const show = (size: {readonly columns: number; readonly rows: number}, existingFiles: readonly string[] = [], services = fakeServices({existingFiles}).services): Rendered => {
	app = renderApp(
		<KeyRouter>
			<ResultScreen diagnosis={crowded} snapshot={snapshot} services={services} width={size.columns} rows={size.rows} onRerun={() => undefined} savedCheckNames={[]} onBack={vi.fn()} onQuit={vi.fn()} />
		</KeyRouter>,
		size,
	);
	return app;
};

const lines = (frame: string): string[] => frame.replace(/\n+$/, '').split('\n');

/** Every frame drawn so far fits the terminal, its title on the first line. */
const everyFrameFits = (rendered: Rendered, size: {readonly columns: number; readonly rows: number}): void => {
	for (const frame of rendered.frames()) {
		if (frame.trim() === '') continue;
		expect(lines(frame).length, frame).toBeLessThanOrEqual(size.rows);
		expect(lines(frame)[0]).toMatch(/^s3-kms-doctor · upload s3:\/\/reports-bucket\//);
		for (const line of lines(frame)) expect(line.length, line).toBeLessThanOrEqual(size.columns);
	}
};

/** What the screen says, with wrapped lines joined again (continuation lines are indented). */
const joined = (frame: string): string => frame.replace(/\n +/g, ' ');

describe('the result screen with a crowded verdict', () => {
	for (const size of sizes) {
		it(`${size.columns}×${size.rows}: the frame fits with the title and the verdict line; what gives way says so`, async () => {
			const rendered = show(size);
			const frame = await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
			// The frame fits, leaving the notice its line.
			expect(lines(frame).length).toBeLessThanOrEqual(size.rows - 1);
			expect(lines(frame)[1]).toMatch(/^✘ Denied: Uploading to s3:\/\/reports-bucket\/exports\/big\.csv/);
			// The verdict is whole, and the selected row stays in view.
			expect(joined(frame)).toContain(`Denied: ${crowded.summary}`);
			expect(frame).toMatch(/^› ✘ +kms:Decrypt/m);
			expect(frame).toMatch(/^ {2}… (\d+ assumptions?, )?\d+ findings? not shown: v shows them$/m);
			expect(frame).toMatch(/\? keys · q quit$/m);
			everyFrameFits(rendered, size);
		});

		it(`${size.columns}×${size.rows}: v shows every assumption and finding whole, scrolled like an opened row; Esc goes back`, async () => {
			const rendered = show(size);
			await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
			await rendered.press('v');
			let frame = await rendered.waitFor(frame => frame.includes('Esc back'), 'the whole verdict');
			let text = frame;
			for (let page = 0; page < 10 && /lines \d+–\d+ of \d+/.test(frame) && !/lines \d+–(\d+) of \1 /.test(frame); page++) {
				await rendered.press(keys.pageDown);
				frame = rendered.lastFrame();
				text += `\n${frame}`;
			}
			const read = joined(text);
			expect(read).toContain(`Denied: ${crowded.summary}`);
			expect(read).toContain(`Assumed: ${assumptions[0]!.statement} — ${assumptions[0]!.because}.`);
			expect(read).toContain(`Assumed: ${assumptions[1]!.statement}.`);
			expect(read).toContain('is enabled (its state, from kms:DescribeKey, was not read or given).');
			for (const finding of crowded.findings) expect(read).toContain(finding.message);
			// Scrolled down, the verdict keeps its line under the title, as over an opened row.
			expect(lines(frame)[1]).toMatch(/^✘ Denied: Uploading to s3:\/\/reports-bucket\//);
			expect(lines(frame)[2]).not.toMatch(/^✘ Denied: /);
			everyFrameFits(rendered, size);
			await rendered.press(keys.escape);
			await rendered.waitFor(frame => frame.includes('Key policy') && frame.includes('v shows them'), 'the table again');
		});

		it(`${size.columns}×${size.rows}: an opened row, its fix scrolled, and the keys (?) keep the verdict line under the title`, async () => {
			const rendered = show(size);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
			await rendered.press(keys.enter);
			let frame = await rendered.waitFor(frame => frame.includes('Esc back'), 'the opened row');
			expect(lines(frame)[1]).toMatch(/^✘ Denied: Uploading to s3:\/\/reports-bucket\//);
			await rendered.press(keys.pageDown, keys.pageDown);
			expect(lines(rendered.lastFrame())[1]).toMatch(/^✘ Denied: /);
			await rendered.press('?');
			frame = await rendered.waitFor(frame => frame.includes('show or hide the keys'), 'the keys over the row');
			expect(lines(frame)[1]).toMatch(/^✘ Denied: /);
			await rendered.press(keys.escape, keys.escape);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the table again');
			await rendered.press('?');
			frame = await rendered.waitFor(frame => frame.includes('show or hide the keys'), 'the keys over the table');
			expect(lines(frame)[1]).toMatch(/^✘ Denied: /);
			everyFrameFits(rendered, size);
		});

		it(`${size.columns}×${size.rows}: a long write failure keeps the save dialog whole: one line, its start and reason shown`, async () => {
			const path = '/srv/shared/customer-escalations/2026/november/ticket-123456789/attachments/from-support/s3-kms-doctor-reports-bucket-2026-11-05.md';
			const fake = fakeServices();
			const services = {...fake.services, writeFile: async () => err({kind: 'failed' as const, message: `cannot write ${path}: permission denied`})};
			const rendered = show(size, [], services);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
			await rendered.press('e', keys.enter);
			const frame = await rendered.waitFor(frame => frame.includes('permission denied'), 'the failure');
			const box = lines(frame).slice(lines(frame).findIndex(line => line.startsWith('╭')));
			const bottom = box.findIndex(line => line.startsWith('╰'));
			// Every line of the box between its borders, the failure on one of them: cut in its middle, never broken.
			for (const line of box.slice(1, bottom)) expect(line, line).toMatch(/^│ .*│$/);
			expect(box.slice(1, bottom).filter(line => line.includes('✘'))).toEqual([expect.stringMatching(/✘ cannot write \/srv\/\S*…\S*\.md: permission denied +│$/)]);
			expect(box[bottom + 1]).toMatch(/\? keys · q quit/);
			expect(lines(frame)[1]).toMatch(/^✘ Denied: /);
			everyFrameFits(rendered, size);
		});

		it(`${size.columns}×${size.rows}: with the save dialog open the frame still fits, the verdict line kept`, async () => {
			const rendered = show(size);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
			await rendered.press('s');
			const frame = await rendered.waitFor(frame => frame.includes('Save the snapshot as'), 'the dialog');
			expect(lines(frame)[1]).toMatch(/^✘ Denied: /);
			everyFrameFits(rendered, size);
		});
	}

	it('60 columns: the file name in the save dialog stays on one line, cut in its middle, never broken inside a word', async () => {
		const rendered = show({columns: 60, rows: 20});
		await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
		await rendered.press('s');
		const frame = await rendered.waitFor(frame => frame.includes('Save the snapshot as'), 'the dialog');
		const field = lines(frame).find(line => line.includes('›') && line.includes('s3-kms-doctor-'))!;
		// s3-kms-doctor-reports-bucket-2026-11-05.snapshot.json does not fit in the box at 60: its start and its file name do.
		expect(field).toMatch(/│ {3}› s3-kms-doctor-\S*…\S*-2026-11-05\.snapshot\.json ? *│$/);
		const below = lines(frame)[lines(frame).indexOf(field) + 1]!;
		expect(below).toMatch(/^│ Enter save · Esc cancel +│$/);
		// Home shows the start of the name, the cursor on its first character, the end of it cut instead.
		await rendered.press(keys.home);
		const home = lines(rendered.lastFrame()).find(line => line.includes('›') && line.includes('s3-kms-doctor-'))!;
		expect(home).toMatch(/› s3-kms-doctor-\S*…\S*json/);
	});

	it('60 columns: a name already taken is named on one line, and so is the one n saves as', async () => {
		const rendered = show({columns: 60, rows: 20}, ['/work/s3-kms-doctor-reports-bucket-2026-11-05.snapshot.json']);
		await rendered.waitFor(frame => /^› /m.test(frame), 'the selected row');
		await rendered.press('s', keys.enter);
		const frame = await rendered.waitFor(frame => frame.includes('already exists'), 'the question');
		expect(frame).toMatch(/│ ! s3-kms-doctor-\S*…\S*\.snapshot\.json already exists\. *│/);
		expect(frame).toMatch(/│ {3}s3-kms-doctor-\S*…\S*-05-2\.snapshot\.json *│/);
		everyFrameFits(rendered, {columns: 60, rows: 20});
	});
});
