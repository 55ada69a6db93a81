import {afterEach, describe, expect, it, vi} from 'vitest';
import {checkPolicy} from '../../source/commands/wizard-services.js';
import {WizardApp} from '../../source/ui/app.js';
import type {FlowEnv} from '../../source/ui/conversation/flow-types.js';
import {ActiveQuestion} from '../../source/ui/conversation/active-question.js';
import {keyArnQuestion} from '../../source/ui/conversation/target-questions.js';
import {policyPasteQuestion} from '../../source/ui/conversation/manual-questions.js';
import {PasteField} from '../../source/ui/inputs/paste-field/paste-field.js';
import {KeyRouter} from '../../source/ui/keys/key-router.js';
import type {PolicyKind} from '../../source/ui/services.js';
import {argvOf} from '../diagnosis/support/fix-checks.js';
import * as forms from '../inputs/paste/forms.js';
import {copiedCommand} from './helpers/copied-command.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

/** The paste box takes what people paste (every form the AWS CLI prints), says what it did, and warns about the wrong kind. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const env = {checkPolicy} as unknown as FlowEnv;

const showField = (kind: PolicyKind, title: string) => {
	const onSubmit = vi.fn();
	const question = policyPasteQuestion(env, 'key-policy', title, `Paste the ${title.toLowerCase()}`, kind);
	app = renderApp(
		<KeyRouter>
			<PasteField check={question.check} height={8} width={80} placeholder="paste here" onSubmit={onSubmit} />
		</KeyRouter>,
		{columns: 80, rows: 24},
	);
	return {onSubmit, app};
};

/** As a terminal delivers a paste: line breaks as \r. */
const terminal = (text: string): string => text.replace(/\n/g, '\r');

describe('the paste box and every form AWS prints', () => {
	const cases: ReadonlyArray<readonly [string, string, PolicyKind, string, string]> = [
		['aws kms get-key-policy', forms.getKeyPolicy, 'key-policy', 'Key policy', 'valid policy, 2 statements'],
		['aws s3api get-bucket-policy', forms.getBucketPolicy, 'bucket-policy', 'Bucket policy', 'valid policy, 1 statement'],
		['aws iam get-user-policy', forms.getUserPolicy, 'identity-policy', 'Identity policy 1', 'valid policy, 1 statement'],
		['aws iam get-role-policy', forms.getRolePolicy, 'identity-policy', 'Identity policy 1', 'valid policy, 1 statement'],
		['aws iam get-policy-version', forms.getPolicyVersion, 'identity-policy', 'Permissions boundary', 'valid policy, 1 statement'],
		['aws organizations describe-policy', forms.describePolicy, 'scp', 'SCP 1', 'valid policy, 1 statement'],
	];
	for (const [command, output, kind, title, summary] of cases) {
		it(`takes the policy out of what ${command} prints, and says so`, async () => {
			const {app, onSubmit} = showField(kind, title);
			await app.paste(terminal(output));
			const frame = await app.waitFor(frame => frame.includes('✔'), 'the check');
			expect(frame).toContain(`✔ ${summary} — Enter to continue`);
			expect(frame).toContain(`• took the policy out of`);
			expect(frame.replace(/\s+/g, ' ')).toContain(command);
			expect(frame).not.toContain('!');
			await app.press(keys.enter);
			expect(onSubmit).toHaveBeenCalledOnce();
		});
	}

	it('wraps a bare statement with its trailing comma, as the seed articles print it, in one go', async () => {
		const {app} = showField('key-policy', 'Key policy');
		await app.paste(terminal(forms.bareStatementWithComma));
		const frame = await app.waitFor(frame => frame.includes('✔'), 'the check');
		expect(frame).toContain('✔ valid policy, 1 statement');
		expect(frame).toContain('• ignored the trailing comma at the end');
		expect(frame).toContain('• wrapped 1 statement into a policy');
	});

	it('warns, under its mark, when an identity policy is pasted as the key policy', async () => {
		const {app} = showField('key-policy', 'Key policy');
		await app.paste(terminal(JSON.stringify(forms.identityPolicyDocument, null, 2)));
		const frame = await app.waitFor(frame => frame.includes('valid policy'), 'the check');
		// A warning is no ✔: the mark says what the words say.
		expect(frame).toContain('! valid policy, 1 statement');
		expect(frame).not.toContain('✔');
		expect(frame).toContain('! no statement names a Principal: this looks like an IAM identity');
		// The warning wraps under its text, not back to the start of the line.
		const warning = frame.split('\n').findIndex(line => line.includes('! no statement'));
		expect(frame.split('\n')[warning + 1]).toMatch(/^ {8}\S/);
	});

	it('says what list-grants output is, instead of "no Statement"', async () => {
		const {app} = showField('key-policy', 'Key policy');
		await app.paste(terminal(forms.listGrants));
		const frame = await app.waitFor(frame => frame.includes('list-grants'), 'the problem');
		expect(frame).toContain('this is the output of aws kms list-grants, not a policy');
	});
});

describe('a paste question in the wizard', () => {
	it('shows the command that prints the key policy, filled in with the key, and where to run it; then takes its output', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 80, rows: 24});
		await app.waitFor(frame => frame.includes('How shall we look'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Which bucket?'), 'the bucket question');
		await app.paste('s3://reports-bucket/exports/big.csv');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('name a KMS key'), 'the key question');
		await app.press(keys.down, keys.enter);
		await app.waitFor(frame => frame.includes('Which key does the request name?'), 'the key ARN question');
		await app.paste(forms.keyArn);
		for (const [wait, text] of [
			['What uploads', ''],
			['How big', ''],
			['Who makes', 'arn:aws:iam::111122223333:user/john'],
			["caller's account", ''],
			['Which Region', ''],
			['The key policy:', ''],
		] as const) {
			await app.press(keys.enter);
			await app.waitFor(frame => frame.includes(wait), wait);
			if (text) await app.paste(text);
		}
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Paste the key policy'), 'the key policy paste');
		const flat = frame.replace(/\n\s+/g, ' ');
		// At 80 columns the command is wider than the terminal: whole, on lines the shell joins, never cut with …; a mouse
		// copy of what is on screen is the very same command.
		const command = `aws kms get-key-policy --key-id ${forms.keyArn} --region 'eu-west-1' --policy-name default --query Policy --output text`;
		const lines = frame.split('\n');
		expect(frame).not.toContain('…');
		for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
		expect(lines.find(line => line.includes('aws kms get-key-policy'))).toMatch(/^ {2}\$ aws kms get-key-policy/);
		const copied = copiedCommand(frame, 'aws kms get-key-policy');
		expect(copied.split('\n').length).toBeGreaterThan(1);
		expect(argvOf(copied)).toEqual(argvOf(command));
		expect(lines[lines.findIndex(line => line.includes('--output text')) + 1]).toMatch(/^ {2}Run it with credentials of account 111122223333/);
		expect(flat).toContain("account 111122223333, the key's own account: a key policy can be read only from there");
		await app.paste(terminal(forms.getKeyPolicy));
		await app.waitFor(frame => frame.includes('✔ valid policy, 2 statements'), 'the check');
		await app.press(keys.enter);
		const next = await app.waitFor(frame => frame.includes("The caller's identity policies"), 'the next question');
		expect(next).toContain('✔ Key policy: valid policy, 2 statements');
	});
});

describe('a key question given the output of the command it names', () => {
	const showKeyQuestion = (allowAwsManaged: boolean) => {
		const onAnswer = vi.fn();
		const question = keyArnQuestion('default-key', "Bucket's default key", "Which key is the bucket's default? (aws s3api get-bucket-encryption shows it)", undefined, allowAwsManaged);
		app = renderApp(
			<KeyRouter>
				<ActiveQuestion question={question} notes={[]} width={80} rows={24} canGoBack={false} onAnswer={onAnswer} onBack={vi.fn()} />
			</KeyRouter>,
			{columns: 80, rows: 24},
		);
		return {onAnswer, question, app};
	};

	it('takes the key out of pasted get-bucket-encryption output', async () => {
		const {app, onAnswer, question} = showKeyQuestion(true);
		await app.paste(terminal(forms.getBucketEncryption));
		await app.press(keys.enter);
		expect(onAnswer).toHaveBeenCalledWith(question, forms.keyArn);
	});

	it('takes the key out of pasted head-object output, and says why SSE-S3 has none', async () => {
		const {app, onAnswer, question} = showKeyQuestion(false);
		await app.paste(terminal(forms.headObject));
		await app.press(keys.enter);
		expect(onAnswer).toHaveBeenCalledWith(question, forms.keyArn);
		app.unmount();
		const second = showKeyQuestion(false);
		await second.app.paste(terminal(JSON.stringify({ServerSideEncryption: 'AES256'}, null, 2)));
		await second.app.press(keys.enter);
		expect(second.onAnswer).not.toHaveBeenCalled();
		expect(second.app.lastFrame()).toContain('✘ the object uses SSE-S3 (AES256), no KMS key');
	});
});
