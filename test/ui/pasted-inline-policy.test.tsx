import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';
import {manualUploadWithKeyPolicy} from './helpers/manual-upload.js';
import {walkThrough, type Step} from './helpers/walk-through.js';

/**
 * The caller's identity policy pasted as aws iam get-role-policy prints it: the transcript says which inline policy it
 * is, and the Deny in it gets the narrow-deny fix that writes that policy (not proven: the session's ARN does not say the
 * role's path, which its aws:PrincipalArn includes, and nothing pasted does). Output naming another role is said
 * in one line and stays unnamed. A name IAM would refuse (an escape sequence) is said, never drawn.
 */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const account = '111122223333';
const keyPolicy = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:root`}, Action: 'kms:*', Resource: '*'}]});
const document = {
	Version: '2012-10-17',
	Statement: [
		{Sid: 'Uploads', Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'},
		{Sid: 'NoDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*'},
	],
};
const getRolePolicy = (roleName: string): string => JSON.stringify({RoleName: roleName, PolicyName: 'uploads', PolicyDocument: document}, null, 4);


/** A 200 MB upload (in parts: it needs kms:Decrypt), the caller's identity policy pasted as `identity`. */
const upload = (identity: string): readonly Step[] => [
	...manualUploadWithKeyPolicy(`arn:aws:sts::${account}:assumed-role/Uploader/alice`, keyPolicy),
	["The caller's identity policies", [keys.enter]],
	['Paste identity policy 1', [keys.enter], identity],
];

const toTheResult: readonly Step[] = [
	['another identity policy', [keys.enter]],
	['The bucket policy:', [keys.down, keys.enter]],
	['permissions boundary, a session policy or an SCP', [keys.enter]],
];

const oneLine = (frame: string): string => frame.replace(/\n +/g, ' ');

describe('an identity policy pasted as aws iam get-role-policy output', () => {
	it("of the caller's role: the transcript names it, and the Deny's fix writes it with put-role-policy, not proven without the role's ARN", async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, upload(getRolePolicy('Uploader')));
		const asked = await app.waitFor(frame => frame.includes('another identity policy'), 'the next question');
		expect(oneLine(asked)).toContain('Identity policy 1: inline policy uploads of role Uploader, from the pasted aws iam get-role-policy output');
		await walkThrough(app, toTheResult);
		const result = await app.waitFor(frame => /⛔ +kms:Decrypt/.test(frame), 'the result');
		expect(result).toMatch(/⛔ +kms:Decrypt/);
		expect(oneLine(result)).toContain('Identity policy "uploads" is named as the pasted aws iam get-role-policy output names it');
		await app.press(keys.enter);
		const fix = await app.waitFor(frame => frame.includes('put-role-policy') || frame.includes('narrow'), 'the fix');
		expect(fix).toContain('not proven');
		expect(oneLine(fix)).toContain('no longer applies to role Uploader, whatever its path');
		await app.press(keys.tab, keys.tab);
		const command = await app.waitFor(frame => frame.includes('aws iam put-role-policy'), 'the command');
		expect(oneLine(command)).toContain("aws iam put-role-policy --role-name 'Uploader' --policy-name 'uploads'");
	});

	it('of another role: one clear line, and the policy stays unnamed', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, upload(getRolePolicy('Reporter')));
		const asked = await app.waitFor(frame => frame.includes('another identity policy'), 'the next question');
		expect(oneLine(asked)).toContain(
			'! Identity policy 1: the pasted aws iam get-role-policy output names role Reporter, but the caller is role Uploader; kept as an unnamed pasted policy, which no fix can name',
		);
	});

	it('whose role name holds an escape sequence: said without it, and nothing of it reaches the terminal raw', async () => {
		app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 120, rows: 60});
		await walkThrough(app, upload(getRolePolicy('Uploader\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J')));
		const asked = await app.waitFor(frame => frame.includes('another identity policy'), 'the next question');
		expect(oneLine(asked)).toContain('! Identity policy 1: the RoleName that aws iam get-role-policy prints is not an IAM role name');
		const raw = app.rawFrames().join('');
		expect(raw.includes('\u001b]52') || raw.includes('\u001b[2J')).toBe(false);
	});
});
