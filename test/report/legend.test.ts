import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {RequirementStatus} from '../../source/diagnosis/diagnosis.js';
import {conditionStyleOf, conditionStyles, legendEntries, legendEntryText, statusOrder, statusStyles} from '../../source/report/marks.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';

/** One legend (report/marks.ts) for every status and the Deny-condition mark: README, the reports and every example agree with it. */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readmeLegend = (): Array<{mark: string; meaning: string}> => {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
	const start = readme.indexOf('| mark | meaning |');
	expect(start).toBeGreaterThan(-1);
	const rows: Array<{mark: string; meaning: string}> = [];
	for (const line of readme.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		const [, mark, meaning] = line.split('|').map(cell => cell.trim());
		rows.push({mark: mark!, meaning: meaning!});
	}
	return rows;
};

describe('the one legend', () => {
	it('lists every status once, in statusOrder, then the mark of a Deny condition that holds', () => {
		const statuses: readonly RequirementStatus[] = ['ok', 'missing', 'denied', 'unknown', 'ineffective', 'not-needed'];
		expect([...statusOrder].sort()).toEqual([...statuses].sort());
		expect(Object.keys(statusStyles).sort()).toEqual([...statuses].sort());
		expect(legendEntries.map(entry => entry.label)).toEqual([...statusOrder.map(status => statusStyles[status].label), conditionStyles.denies.label]);
		expect(legendEntries.at(-1)).toMatchObject({mark: '⛔', label: 'matches — this is what denies'});
		expect(statusStyles.ineffective).toMatchObject({mark: '⊘', label: 'does not count'});
	});

	it("README's legend lists exactly marks.ts's entries, in order, with the same meaning", () => {
		expect(readmeLegend()).toEqual(legendEntries.map(entry => ({mark: entry.mark, meaning: entry.meaning})));
	});

	it('a Deny condition that holds is never a green ✔ "holds"; an Allow condition that holds is', () => {
		expect(conditionStyleOf({result: 'yes', effect: 'Deny'})).toBe(conditionStyles.denies);
		expect(conditionStyleOf({result: 'yes', effect: 'Allow'})).toBe(conditionStyles.yes);
		expect(conditionStyleOf({result: 'no', effect: 'Deny'})).toBe(conditionStyles.no);
		expect(conditionStyles.denies.color).not.toBe('green');
	});
});

describe('every shipped example', () => {
	const examplesDir = new URL('../../examples/', import.meta.url);
	const names = readdirSync(examplesDir).filter(name => name.endsWith('.json'));

	it.each(names)('%s: the reports show the whole legend, and each row the mark and label of its status', name => {
		const diagnosis = diagnose(JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as Snapshot);
		const text = renderText(diagnosis, {color: false, width: 200});
		const markdown = renderMarkdown(diagnosis);
		for (const entry of legendEntries) {
			expect(text).toContain(legendEntryText(entry));
			expect(markdown).toContain(legendEntryText(entry));
		}
		const lines = text.split('\n');
		const requirements = lines.slice(lines.indexOf('Requirements'), lines.indexOf('Fixes'));
		// Every row line: four spaces, a legend mark, the action, and the label that mark has in the legend.
		const rowLines = requirements.filter(line => /^ {4}\S/.test(line));
		expect(rowLines).toHaveLength(diagnosis.requirements.length);
		for (const requirement of diagnosis.requirements) {
			const style = statusStyles[requirement.status];
			expect(rowLines.some(line => new RegExp(`^ {4}${escape(style.mark)} +${escape(requirement.action)} +${escape(style.label)}$`).test(line)), `${requirement.actionId}#${requirement.place}`).toBe(true);
			// Marks and words never contradict: a row that does not count says so, a row not needed never claims a grant that is not there.
			if (requirement.status === 'ineffective') expect(requirement.why).toMatch(/does not count/);
			if (requirement.status === 'not-needed') expect(requirement.why).toMatch(/^Not needed/);
			if (requirement.status === 'ok') expect(requirement.why).not.toMatch(/does not count|counts only where/);
		}
		for (const line of rowLines) expect(legendEntries.some(entry => line.startsWith(`    ${entry.mark}`)), line).toBe(true);
		// The twins (kms:GenerateDataKey and kms:Decrypt) in the IAM policy agree whenever the key policy decides the same for both.
		const iam = diagnosis.requirements.filter(requirement => requirement.place === 'identity-policy' && requirement.action.startsWith('kms:'));
		if (iam.some(requirement => requirement.status === 'ineffective')) expect(new Set(iam.map(requirement => requirement.status))).toEqual(new Set(['ineffective']));
	});

	it('large-upload-multipart-missing-decrypt.json: the IAM allow that does not count is ⊘ on both twin rows, explained', () => {
		const diagnosis = diagnose(JSON.parse(readFileSync(new URL('large-upload-multipart-missing-decrypt.json', examplesDir), 'utf8')) as Snapshot);
		const text = renderText(diagnosis, {color: false, width: 200});
		for (const action of ['kms:GenerateDataKey', 'kms:Decrypt']) {
			expect(text).toMatch(new RegExp(`^ {4}⊘ +${action} +does not count$`, 'm'));
		}
		expect(text).toMatch(/but it does not count: an IAM policy grants access to a KMS key only where the key policy lets account 111122223333/);
		expect(text).toMatch(/It would count with a key policy statement allowing "Principal": \{"AWS": "arn:aws:iam::111122223333:root"\}/);
		// kms:GenerateDataKey is allowed, by the key policy itself: said, and still ⊘ (never ✔ or –) for the IAM allow.
		expect(text.replace(/\s+/g, ' ')).toContain('kms:GenerateDataKey is allowed another way (the key policy names the caller itself), not by this statement.');
	});
});
