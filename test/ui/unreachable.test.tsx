import {afterEach, describe, expect, it} from 'vitest';
import {WizardApp} from '../../source/ui/app.js';
import type {WizardSettings} from '../../source/ui/services.js';
import {fakeServices, type FakeOptions} from './helpers/fake-services.js';
import {keys, renderApp, type Rendered} from './helpers/render.js';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const start = (options: FakeOptions, savedName?: string, settings?: WizardSettings) => {
	const fake = fakeServices({...options, ...(settings ? {settings} : {})});
	app = renderApp(<WizardApp services={fake.services} {...(savedName ? {savedName} : {})} />, {columns: 120, rows: 40});
	return {fake, app};
};

const line = 'profile dev: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network connection and any proxy (HTTPS_PROXY), then try again';
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the wizard when the chosen profile cannot reach AWS', () => {
	it('says so once, right after the profile, before any question about the request, and reads nothing', async () => {
		const {app, fake} = start({profiles: [{name: 'dev', region: 'eu-west-1'}], unreachable: {dev: line}});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await app.press(keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Paste the policies instead'), 'the choice');
		expect(count(frame, 'AWS cannot be reached')).toBe(1);
		expect(frame).toContain('profile dev: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network connection');
		expect(frame).toContain('Try again');
		expect(frame).toContain('Go back and choose another profile');
		expect(frame).not.toContain('What fails?');
		expect(fake.reachChecks).toEqual(['dev']);
		expect(fake.collected).toEqual([]);
	});

	it('Try again checks again, and goes on to the request once AWS answers', async () => {
		const unreachable: Record<string, string> = {dev: line};
		const {app, fake} = start({profiles: [{name: 'dev', region: 'eu-west-1'}], unreachable});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the policies instead'), 'the choice');
		delete unreachable['dev'];
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('What fails?'), 'the operation question');
		expect(fake.reachChecks).toEqual(['dev', 'dev']);
	});

	it('Go back returns to the profile question', async () => {
		const {app} = start({profiles: [{name: 'dev', region: 'eu-west-1'}, {name: 'storage', region: 'eu-west-1'}], unreachable: {dev: line}});
		await app.waitFor(frame => frame.includes('Which AWS profile'), 'the first question');
		await app.press(keys.enter);
		await app.waitFor(frame => frame.includes('Paste the policies instead'), 'the choice');
		await app.press(keys.down, keys.enter);
		const frame = await app.waitFor(frame => frame.includes('Which AWS profile') && !frame.includes('AWS cannot be reached'), 'the profile question again');
		expect(frame).not.toContain('What fails?');
	});

	it('Paste the policies instead keeps every answer already given (a saved check replays up to the choice)', async () => {
		const settings: WizardSettings = {
			recentTargets: [],
			savedChecks: {
				nightly: {answers: {start: 'profile:dev', operation: 'download', bucket: 'doc-example-bucket', 'object-key': 'dir/example-object-name'}, savedAt: '2026-11-01T10:00:00Z'},
			},
		};
		const {app, fake} = start({profiles: [{name: 'dev', region: 'eu-west-1'}], unreachable: {dev: line}}, 'nightly', settings);
		let frame = await app.waitFor(frame => frame.includes('Paste the policies instead'), 'the choice');
		expect(count(frame, 'AWS cannot be reached')).toBe(1);
		// Down twice: Try again, Go back, Paste the policies instead.
		await app.press(keys.down, keys.down, keys.enter);
		frame = await app.waitFor(frame => frame.includes('Which KMS key encrypts the object?'), 'the paste path');
		expect(frame).not.toContain('AWS cannot be reached');
		expect(frame).toContain('✔ Start with: No credentials: paste the policies');
		expect(frame).toContain('✔ Operation: Download');
		expect(frame).toContain('✔ Bucket: doc-example-bucket');
		expect(frame).toContain('✔ Object key: dir/example-object-name');
		expect(fake.collected).toEqual([]);
	});
});
