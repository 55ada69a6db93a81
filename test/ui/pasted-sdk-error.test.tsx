import {afterEach, describe, expect, it} from 'vitest';
import {errorFixture} from './helpers/error-fixture.js';
import {WizardApp} from '../../source/ui/app.js';
import {fakeServices} from './helpers/fake-services.js';
import {pasteErrorSteps} from './helpers/paste-error.js';
import {renderApp, type Rendered} from './helpers/render.js';
import {walkThrough} from './helpers/walk-through.js';

/** The wizard's pasted error reads what explain-error reads: an SDK's error with its stack, a HEAD's bare 403. */

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const pasteError = async (text: string, next: string): Promise<string> => {
	app = renderApp(<WizardApp services={fakeServices().services} />, {columns: 200, rows: 60});
	await walkThrough(app, pasteErrorSteps(text));
	return app.waitFor(frame => frame.includes(next), next);
};

describe('a pasted SDK error with its stack', () => {
	it("the JavaScript SDK's: the caller, the action, the key and the policy, none of the stack", async () => {
		const frame = await pasteError(errorFixture('js-sdk-v3-stack-and-metadata.txt'), 'What fails?');
		expect(frame).toContain('✔ Caller: arn:aws:sts::111122223333:assumed-role/App/s1');
		expect(frame).toContain('✔ Action: kms:Decrypt');
		expect(frame).toContain('✔ Resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
		expect(frame).toContain('✔ Policy: identity-based policy (implicit deny: nothing allows it)');
		expect(frame).not.toMatch(/de_AccessDeniedRes|\$metadata|older message form/);
	});

	it('the JavaScript SDK\'s bare "Access Denied" with its stack: S3 withheld the reason, not an older message form', async () => {
		const frame = (await pasteError(errorFixture('js-sdk-v3-access-denied-only.txt'), 'What fails?')).replace(/\n {4}/g, ' ');
		expect(frame).toContain('S3 said only "Access Denied": the detailed reason is withheld.');
		expect(frame).not.toMatch(/older message form|de_CommandError/);
	});
});

describe('a pasted HeadObject 403', () => {
	it('names no caller or action, and says they are not in the message and what settles them', async () => {
		const frame = await pasteError('fatal error: An error occurred (403) when calling the HeadObject operation: Forbidden', 'Which bucket');
		const flat = frame.replace(/\n {4}/g, ' ');
		expect(flat).not.toMatch(/✔ (?:Caller|Action):/);
		expect(flat).toContain('Not in the message: the caller, the action refused and which policy refused it.');
	});
});
