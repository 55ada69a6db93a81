import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {heldOutCases} from './support/held-out-2-cases.js';
import {statusTable} from './support/fix-checks.js';
import {runBuiltCli} from '../commands/run-built-cli.js';

/**
 * A held-out test of the diagnosis against AWS's documented policy evaluation: each case quotes the sentence that
 * settles it, and asserts the verdict and the rows that sentence decides.
 */

const dumpTo = process.env['HELD_OUT_DUMP'];

describe('held-out cases against AWS documentation', () => {
	for (const heldOut of heldOutCases) {
		const test = heldOut.engineBug ? it.fails : it;
		test(`${heldOut.id}: ${heldOut.title} (${heldOut.source}: "${heldOut.quote}")`, () => {
			if (dumpTo) {
				mkdirSync(dumpTo, {recursive: true});
				writeFileSync(join(dumpTo, `${heldOut.id}.json`), JSON.stringify(heldOut.snapshot, null, 2));
			}
			const diagnosis = diagnose(heldOut.snapshot);
			const table = statusTable(diagnosis);
			const rows = Object.fromEntries(Object.keys(heldOut.rows).map(row => [row, table[row] ?? 'absent']));
			expect({verdict: diagnosis.verdict, rows}).toEqual({verdict: heldOut.verdict, rows: heldOut.rows});
			for (const [row, words] of Object.entries(heldOut.says ?? {})) {
				expect(diagnosis.requirements.find(requirement => `${requirement.actionId}#${requirement.place}` === row)?.why, row).toContain(words);
			}
		});
	}
});

describe('the built CLI gives the cases this round fixed the same answer, in text and JSON', () => {
	const marks = {allowed: '✔ ALLOWED', denied: '✘ DENIED', unknown: '? UNKNOWN'} as const;
	const exits = {allowed: 0, denied: 1, unknown: 3} as const;
	for (const id of ['root-user-same-account', 'root-user-cross-account', 'grant-cross-account-grantee']) {
		it(id, async () => {
			const heldOut = heldOutCases.find(each => each.id === id)!;
			const file = join(mkdtempSync(join(tmpdir(), 'held-out-')), `${id}.json`);
			writeFileSync(file, JSON.stringify(heldOut.snapshot));
			const text = await runBuiltCli(['check', file]);
			expect(text.stdout.startsWith(marks[heldOut.verdict])).toBe(true);
			expect(text.exitCode).toBe(exits[heldOut.verdict]);
			const json = JSON.parse((await runBuiltCli(['check', file, '--format', 'json'])).stdout) as {verdict: string; requirements: {action: string; place: string; status: string}[]};
			expect(json.verdict).toBe(heldOut.verdict);
			for (const [row, status] of Object.entries(heldOut.rows)) {
				const [actionLeg, place] = row.split('#');
				expect(json.requirements.find(requirement => requirement.action === actionLeg!.split('@')[0] && requirement.place === place)?.status, row).toBe(status);
			}
		}, 30_000);
	}
});
