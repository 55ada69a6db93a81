import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {displayWidth} from '../../../source/shared/display-width.js';
import {actionNameLines} from '../../../source/ui/text/action-name.js';
import {loadExample} from '../helpers/fake-services.js';
import {resultOfExample} from '../helpers/result-example.js';
import {keys, type Rendered} from '../helpers/render.js';

/**
 * Replication's actions are the longest the table shows (`s3:GetObjectVersionForReplication`, 33 columns): at 80×24
 * the column is as wide as the widest, so every reason starts in the same column; at 60×20 a name wider than its column
 * goes on under itself, broken where it reads on, never cut with `…` and never pushing its reason out of line.
 */

const example = 'replication-cross-account-replica-key-policy';
const show = resultOfExample(example);

/** A row of the table: the arrow or two spaces, a mark padded to two columns, a space, the action, then its reason. */
const rowLine = /^(?:› | {2})(?:\S {1,2}|⛔) (\S+)( {2,})(\S.*)$/u;
/** A long name's next line: under the action, nothing beside it. */
const nameLine = /^ {5}(\S+)$/;

/** Every row line of the table in a frame, as [action, column where its reason starts]. */
const rows = (frame: string): Array<readonly [string, number]> =>
	frame.split('\n').flatMap(line => {
		const match = rowLine.exec(line);
		return match ? [[match[1]!, displayWidth(line) - displayWidth(match[3]!)] as const] : [];
	});

/** The whole table, read by moving the arrow from the first row to the last: each action's name joined across its lines. */
const readWholeTable = async (rendered: Rendered, rowCount: number): Promise<{names: Set<string>; frames: string[]}> => {
	const names = new Set<string>();
	const frames: string[] = [];
	await rendered.press(...Array.from({length: rowCount}, () => keys.up));
	for (let index = 0; index < rowCount; index++) {
		const frame = rendered.lastFrame();
		frames.push(frame);
		const lines = frame.split('\n');
		lines.forEach((line, at) => {
			const match = rowLine.exec(line);
			if (!match) return;
			let name = match[1]!;
			for (let next = at + 1; next < lines.length && nameLine.test(lines[next]!); next++) name += nameLine.exec(lines[next]!)![1]!;
			names.add(name);
		});
		await rendered.press(keys.down);
	}
	return {names, frames};
};

describe('the result table with replication’s long action names', () => {
	it('has names wider than 26 columns (what the tests below are about)', () => {
		const actions = diagnose(loadExample(example)).requirements.map(requirement => requirement.action);
		expect(Math.max(...actions.map(action => displayWidth(action)))).toBeGreaterThan(26);
	});

	for (const size of [
		{columns: 80, rows: 24},
		{columns: 60, rows: 20},
	] as const) {
		it(`${size.columns}×${size.rows}: every reason starts in one column, and every action's whole name is there to read`, async () => {
			const {app: rendered, diagnosis} = show(size);
			await rendered.waitFor(frame => /^› /m.test(frame), 'the table');
			const {names, frames} = await readWholeTable(rendered, diagnosis.requirements.length);
			for (const frame of frames) {
				const columns = new Set(rows(frame).map(([, column]) => column));
				expect(columns.size, frame).toBe(1);
				for (const line of frame.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(size.columns);
			}
			for (const requirement of diagnosis.requirements) expect(names).toContain(requirement.action);
		});
	}

	it('60×20: a name wider than its column goes on under itself, broken before a capital, never cut with …', async () => {
		const {app: rendered, diagnosis} = show({columns: 60, rows: 20});
		await rendered.waitFor(frame => /^› /m.test(frame), 'the table');
		const {frames} = await readWholeTable(rendered, diagnosis.requirements.length);
		expect(frames.join('\n')).toMatch(/ {2}s3:GetReplication +IAM policy .*\n {5}Configuration$/m);
		expect(frames.join('\n')).not.toMatch(/s3:Get\S*…/);
	});
});

describe('an action name on the lines of its column', () => {
	it('stays whole where it fits', () => {
		expect(actionNameLines('kms:Decrypt', 28)).toEqual(['kms:Decrypt']);
	});

	it('breaks after the service and before a capital, each line within the columns', () => {
		expect(actionNameLines('s3:ObjectOwnerOverrideToBucketOwner', 24)).toEqual(['s3:ObjectOwnerOverrideTo', 'BucketOwner']);
		expect(actionNameLines('kms:GenerateDataKeyWithoutPlaintext', 12)).toEqual(['kms:Generate', 'DataKey', 'Without', 'Plaintext']);
	});

	it('cuts inside a part only where the part alone is wider than the column, measuring columns as the terminal does', () => {
		expect(actionNameLines('s3:Abcdefghijklmnop', 10)).toEqual(['s3:', 'Abcdefghij', 'klmnop']);
		// Wide characters (two columns each) from a pasted message: never a line wider than the column.
		const lines = actionNameLines('s3:操作名前操作名前操作', 10);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10);
		expect(lines.join('')).toBe('s3:操作名前操作名前操作');
	});
});
