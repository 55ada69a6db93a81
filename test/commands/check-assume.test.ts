import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runBuiltCli} from './run-built-cli.js';

/**
 * `check --assume`: "scripts in member accounts that cannot read SCPs can say what they accept; an assumed fact is
 * reported as assumed, never as read. A verdict that rests on assumptions keeps the usual exit code."
 */

let folder = '';
let unreadGuardrails = '';
let ownList = '';

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 's3-kms-doctor-assume-'));
	const snapshot = JSON.parse(readFileSync('examples/all-allowed.json', 'utf8')) as Record<string, unknown>;
	delete snapshot['organization'];
	unreadGuardrails = join(folder, 'guardrails-unread.json');
	writeFileSync(unreadGuardrails, JSON.stringify(snapshot));
	ownList = join(folder, 'own-list.json');
	writeFileSync(ownList, JSON.stringify({...snapshot, assumptions: [{id: 'guardrails-allow', because: 'the SCPs were reviewed in ticket 4711'}]}));
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));

describe('check --assume', () => {
	it('without it, unread SCPs and RCPs leave the verdict unknown (exit 3)', async () => {
		const run = await runBuiltCli(['check', '--snapshot', unreadGuardrails]);
		expect(run.exitCode).toBe(3);
	});

	it('with guardrails-allow, the verdict is allowed (exit 0) and every format says it was assumed', async () => {
		const text = await runBuiltCli(['check', '--snapshot', unreadGuardrails, '--assume', 'guardrails-allow']);
		expect(text.exitCode).toBe(0);
		expect(text.stdout).toContain("Assumed: the organization's SCPs and RCPs deny none of these actions.");
		const md = await runBuiltCli(['check', '--snapshot', unreadGuardrails, '--assume', 'guardrails-allow', '--format', 'md']);
		expect(md.stdout).toContain("> Assumed: the organization's SCPs and RCPs deny none of these actions.");
		const json = await runBuiltCli(['check', '--snapshot', unreadGuardrails, '--assume', 'guardrails-allow,no-grants', '--format', 'json']);
		expect((JSON.parse(json.stdout) as {assumptions: Array<{id: string}>}).assumptions.map(assumption => assumption.id)).toEqual(['guardrails-allow']);
	});

	it("adds to the snapshot's own list, which a report shows with its reason", async () => {
		const run = await runBuiltCli(['check', '--snapshot', ownList]);
		expect(run.exitCode).toBe(0);
		expect(run.stdout.replace(/\s+/g, ' ')).toContain("Assumed: the organization's SCPs and RCPs deny none of these actions — the SCPs were reviewed in ticket 4711.");
	});

	it('an unknown name is bad input: one line naming the choices, exit 2', async () => {
		const run = await runBuiltCli(['check', '--snapshot', unreadGuardrails, '--assume', 'no-scps']);
		expect(run.exitCode).toBe(2);
		expect(run.stderr.trim().split('\n')).toEqual(['s3-kms-doctor: --assume no-scps: not an assumption this tool knows; choose from no-grants, bucket-key=on, bucket-key=off, guardrails-allow']);
	});
});
