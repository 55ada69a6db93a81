import {afterEach, describe, expect, it, vi} from 'vitest';
import {snapshotFormat, type Snapshot} from '../../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {putKeyPolicyCommand} from '../../../source/diagnosis/fixes/commands.js';
import {ResultScreen, type ResultScreenProps} from '../../../source/ui/result/result-screen.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';
import {fixtureDiagnosis} from '../fixtures/diagnosis.js';

const snapshot: Snapshot = {format: snapshotFormat, question: {operation: 'upload', bucket: 'reports-bucket', objectKey: 'exports/big.csv'}};

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const show = (overrides: Partial<ResultScreenProps> = {}, size = {columns: 100, rows: 40}) => {
	const fake = fakeServices({existingFiles: overrides.services ? [] : ['/work/s3-kms-doctor-reports-bucket-2026-11-05.md']});
	const props: ResultScreenProps = {
		diagnosis: fixtureDiagnosis,
		snapshot,
		services: fake.services,
		width: size.columns,
		rows: size.rows,
		onRerun: () => ({tone: 'info', text: 'Nothing to re-read'}),
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
	return {fake, props, app};
};

describe('the result screen', () => {
	it('shows the verdict and findings above the requirements grouped by place, with a mark each', async () => {
		const {app} = show();
		const frame = await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(frame).toContain('✘ Denied: Uploading to s3://reports-bucket/exports/big.csv fails');
		expect(frame.indexOf('! A 200 MiB file')).toBeLessThan(frame.indexOf('Key policy'));
		const order = ['Key policy', 'IAM identity policies', 'Bucket policy', 'Permissions boundary'].map(heading => frame.indexOf(heading));
		expect(order.every(index => index !== -1)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(frame).toMatch(/✔ +kms:GenerateDataKey/);
		expect(frame).toMatch(/✘ +kms:Decrypt/);
		expect(frame).toMatch(/⛔ +kms:Decrypt/);
		expect(frame).toMatch(/\? +kms:Decrypt/);
		expect(frame).toMatch(/– +s3:PutObject/);
	});

	it('starts on the first failing row, and the arrows move between rows', async () => {
		const {app} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		expect(app.lastFrame()).toMatch(/› ✘ +kms:Decrypt/);
		await app.press(keys.up);
		expect(app.lastFrame()).toMatch(/› ✔ +kms:GenerateDataKey/);
		await app.press(keys.down, keys.down, keys.down);
		expect(app.lastFrame()).toMatch(/› ⛔ +kms:Decrypt/);
	});

	it('opens the explanation: the deciding statement highlighted, conditions expected against actual, and the fix', async () => {
		const {app} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.down, keys.down, keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Decided by:'), 'the explanation');
		expect(frame).toContain('⛔ kms:Decrypt · IAM identity policies · denied');
		expect(frame).toContain('Needed for: UploadPart: S3 decrypts the data key of earlier parts');
		expect(frame).toContain('Decided by: IAM policy "Guard", Sid "DenyOutsideVpc"');
		expect(frame).toMatch(/┃ +"Sid": "DenyOutsideVpc"/);
		expect(frame).toContain('StringNotEquals aws:SourceVpce');
		expect(frame).toMatch(/expected vpce-1234/);
		expect(frame).toMatch(/actual +\(absent\)/);
		expect(frame).toContain('Fix IAM identity policies');
		expect(frame).toContain('not proven');
	});

	it('switches the fix between statement, merged policy and CLI command, and copies the one shown', async () => {
		const {app, fake} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.enter);
		let frame = await app.waitFor(frame => frame.includes('[Statement]'), 'the statement tab');
		expect(frame).toContain('"Sid": "AllowUploaderDecryptThroughS3"');
		await app.press(keys.tab);
		frame = await app.waitFor(frame => frame.includes('[Merged policy]'), 'the merged policy tab');
		expect(frame).toContain('"Sid": "EnableIam"');
		await app.press(keys.tab);
		frame = await app.waitFor(frame => frame.includes('[CLI command]'), 'the command tab');
		expect(frame).toContain('aws kms put-key-policy');
		await app.press('c');
		frame = await app.waitFor(frame => frame.includes('Copied'), 'the copy confirmation');
		expect(frame).toContain('✔ Copied the CLI command to the clipboard (OSC 52');
		expect(fake.copied).toEqual([fixtureDiagnosis.fixes[0]!.command]);
		// Back to the statement tab, seen on screen before c is pressed: a key pressed mid-render would copy the tab it left.
		await app.press(keys.left, keys.left);
		await app.waitFor(frame => frame.includes('[Statement]'), 'the statement tab again');
		await app.press('c');
		await vi.waitFor(() => expect(fake.copied).toHaveLength(2));
		expect(JSON.parse(fake.copied[1]!)).toEqual(fixtureDiagnosis.fixes[0]!.statement);
	});

	/** Open the first fix's Statement tab and press c: the frame with the copy notice. */
	const copyFromStatementTab = async (screen: ReturnType<typeof show>): Promise<string> => {
		await screen.app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await screen.app.press(keys.enter);
		await screen.app.waitFor(frame => frame.includes('[Statement]'), 'the statement tab');
		await screen.app.press('c');
		return screen.app.waitFor(frame => frame.includes('Copied'), 'the copy confirmation');
	};

	it('names what c copied by count: the 2 statements of a fix that changes two, the command of one that writes none', async () => {
		const [keyFix, ...rest] = fixtureDiagnosis.fixes;
		const second = {Sid: 'AllowUploaderEncryptThroughS3', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Uploader'}, Action: 'kms:GenerateDataKey', Resource: '*'};
		const twoStatements = {...keyFix!, statements: [...keyFix!.statements, second]};
		const twoScreen = show({diagnosis: {...fixtureDiagnosis, fixes: [twoStatements, ...rest]}});
		expect(await copyFromStatementTab(twoScreen)).toContain('✔ Copied the 2 statements to the clipboard (OSC 52');
		expect(JSON.parse(twoScreen.fake.copied[0]!)).toEqual(twoStatements.statements);
		twoScreen.app.unmount();
		// A grant writes no statement: its Statement tab copies the command, and the notice says so.
		const grant = {...keyFix!, place: 'key-grant' as const, statement: null, statements: [], policy: null, command: "aws kms create-grant --key-id 'K' --grantee-principal 'P' --operations Decrypt"};
		const grantScreen = show({diagnosis: {...fixtureDiagnosis, fixes: [grant, ...rest]}});
		expect(await copyFromStatementTab(grantScreen)).toContain('✔ Copied the CLI command to the clipboard (OSC 52');
		expect(grantScreen.fake.copied).toEqual([grant.command]);
	});

	it('never wraps the command inside JSON: too wide at 80 columns, w writes the policy to a file (never over one) for the short command', async () => {
		const [keyFix, ...rest] = fixtureDiagnosis.fixes;
		const inline = {...keyFix!, command: putKeyPolicyCommand(keyFix!.target!, keyFix!.policy!)};
		const fileName = 'key-policy-1234abcd-12ab-34cd-56ef-1234567890ab.json';
		const fake = fakeServices({existingFiles: [`/work/${fileName}`]});
		const {app} = show({diagnosis: {...fixtureDiagnosis, fixes: [inline, ...rest]}, services: fake.services}, {columns: 80, rows: 40});
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.enter, keys.tab, keys.tab);
		let frame = await app.waitFor(frame => frame.includes('[CLI command]'), 'the command tab');
		expect(frame).toContain(`w writes the policy to ./${fileName}`);
		expect(frame).not.toContain('"Statement"');
		await app.press('w');
		frame = await app.waitFor(frame => frame.includes('Wrote the policy'), 'the written file');
		const written = fileName.replace('.json', '-2.json');
		expect(JSON.parse(fake.written.get(`/work/${written}`)!)).toEqual(inline.policy);
		expect(fake.written.get(`/work/${fileName}`)).toBe('old content');
		expect(frame).toContain(`--policy file://${written}`);
		// c still copies the exact command, whole.
		await app.press('c');
		expect(fake.copied).toEqual([inline.command]);
	});

	it('says there is nothing to copy on a row without a fix', async () => {
		const {app, fake} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.up, 'c');
		expect(app.lastFrame()).toContain('This row needs no fix: nothing to copy.');
		expect(fake.copied).toEqual([]);
	});

	it('names what would decide an unknown row', async () => {
		const {app} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.down, keys.down, keys.down, keys.down, keys.enter);
		const frame = await app.waitFor(frame => frame.includes('What would decide it'), 'the unknown row');
		expect(frame).toContain('iam:GetRole on arn:aws:iam::111122223333:role/Uploader');
	});

	it('scrolls a long explanation at 80×24 and Esc closes it', async () => {
		const {app} = show({}, {columns: 80, rows: 24});
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press(keys.down, keys.down, keys.enter);
		const first = await app.waitFor(frame => frame.includes('lines 1–'), 'a scrollable panel');
		await app.press(keys.pageDown);
		const scrolled = app.lastFrame();
		expect(scrolled).not.toEqual(first);
		expect(scrolled).toMatch(/lines \d+–\d+ of \d+/);
		for (const frame of app.frames()) expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		await app.press(keys.escape);
		await app.waitFor(frame => frame.includes('IAM identity policies') && frame.includes('› ⛔'), 'the table again');
	});

	it('shows every key on ?, within 80×24, and q quits', async () => {
		const {app, props} = show({}, {columns: 80, rows: 24});
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press('?');
		const frame = await app.waitFor(frame => frame.includes('Keys'), 'the help');
		for (const text of ['copy the fix shown', 'export the report as Markdown', 'save the snapshot', 're-run the reads', 'quit']) expect(frame).toContain(text);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		await app.press('?');
		await app.waitFor(frame => !frame.includes('export the report as Markdown'), 'the help to close');
		await app.press('q');
		expect(props.onQuit).toHaveBeenCalledOnce();
	});

	it('Esc on the table goes back to the conversation; r re-runs or says why not', async () => {
		const {app, props} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press('r');
		expect(app.lastFrame()).toContain('Nothing to re-read');
		await app.press(keys.escape);
		expect(props.onBack).toHaveBeenCalledOnce();
	});

	it('exports the report under a default name, and never replaces a file without asking', async () => {
		const {app, fake} = show({}, {columns: 80, rows: 24});
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press('e');
		await app.waitFor(frame => frame.includes('s3-kms-doctor-reports-bucket-2026-11-05.md'), 'the default name');
		await app.press(keys.enter);
		const asked = await app.waitFor(frame => frame.includes('already exists'), 'the overwrite question');
		expect(asked).toContain('s3-kms-doctor-reports-bucket-2026-11-05-2.md');
		expect(fake.written.get('/work/s3-kms-doctor-reports-bucket-2026-11-05.md')).toBe('old content');
		for (const frame of app.frames()) expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		await app.press('n');
		await app.waitFor(frame => frame.includes('Report written to'), 'the confirmation');
		expect(app.lastFrame()).toContain('/work/s3-kms-doctor-reports-bucket-2026-11-05-2.md');
		expect(fake.written.get('/work/s3-kms-doctor-reports-bucket-2026-11-05-2.md')).toContain('kms:Decrypt');
		expect(fake.written.get('/work/s3-kms-doctor-reports-bucket-2026-11-05.md')).toBe('old content');
	});

	it('replaces the file when the user says y, and saves the snapshot as JSON with s', async () => {
		const {app, fake} = show();
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press('e');
		await app.waitFor(frame => frame.includes('Save the report as'), 'the export dialog');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('already exists'), 'the overwrite question');
		await app.press('y');
		await app.waitFor(frame => frame.includes('Report written to'), 'the confirmation');
		expect(fake.written.get('/work/s3-kms-doctor-reports-bucket-2026-11-05.md')).toContain('# ');
		await app.press('s');
		await app.waitFor(frame => frame.includes('Save the snapshot as'), 'the snapshot dialog');
		await app.press(keys.ctrlU);
		await app.paste('saved.json');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Snapshot written to /work/saved.json'), 'the snapshot confirmation');
		expect(JSON.parse(fake.written.get('/work/saved.json')!)).toEqual(snapshot);
	});

	it('says why a write failed and keeps the dialog open', async () => {
		const fake = fakeServices();
		const services = {...fake.services, writeFile: async () => ({ok: false as const, error: {kind: 'failed' as const, message: 'cannot write /nope/x.md: permission denied'}})};
		const {app} = show({services});
		await app.waitFor(frame => frame.includes('Key policy'), 'the table');
		await app.press('e', keys.enter);
		const frame = await app.waitFor(frame => frame.includes('permission denied'), 'the failure');
		expect(frame).toContain('Save the report as');
	});
});
