import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {clearScreen, osc52, rawControls} from './hostile-snapshot.js';

/**
 * A replication rule's ID is the bucket owner's own text (any string up to 255 characters), and the report quotes it
 * in its headline and findings: it must reach neither a terminal nor a markdown file as sequences or markup.
 */

const example = (): Snapshot => {
	const text = readFileSync(new URL('../../examples/replication-cross-account-replica-key-policy.json', import.meta.url), 'utf8');
	const parsed = parseSnapshot(text, 'example');
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

const hostileRule = `Tax${osc52}${clearScreen}\n# Owned\n<img src=x onerror=alert(1)> [x](javascript:alert(1))`;

describe('a hostile replication rule ID', () => {
	const snapshot = example();
	const diagnosis = diagnose({...snapshot, replication: {...snapshot.replication!, ruleId: hostileRule, status: 'Disabled'}});

	it('is quoted by the finding that names the rule', () => {
		expect(diagnosis.findings.map(finding => finding.id)).toContain('replication-rule-disabled');
	});

	it('reaches the text report escaped', () => {
		const text = renderText(diagnosis, {color: false});
		expect(rawControls(text)).toEqual([]);
		expect(text).toContain('Tax\\u001b]52;c;');
	});

	it('reaches the markdown report as text: no heading, HTML or link of theirs', () => {
		const markdown = renderMarkdown(diagnosis);
		expect(rawControls(markdown)).toEqual([]);
		expect(markdown.split('\n').some(line => line.startsWith('# Owned'))).toBe(false);
		expect(markdown).not.toContain('<img');
		// `\[x\](…)` is text; only an unescaped `[x](…)` would be a link.
		expect(markdown).not.toMatch(/(^|[^\\])\[x\]\(javascript:/);
		expect(markdown).toContain('\\[x\\](javascript:');
	});
});
