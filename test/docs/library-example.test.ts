import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import * as library from '../../source/index.js';

/*
 * docs/library.md must not rot: its complete example runs against the engine (with the package's
 * import replaced by the source) and must print exactly what the page says it prints, and the error
 * messages and exports the page shows must be the real ones.
 */

const doc = readFileSync(new URL('../../docs/library.md', import.meta.url), 'utf8');
const blocks = (language: string): string[] => [...doc.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(match => match[1]!);

const importLine = /^import \{([^}]+)\} from 's3-kms-doctor';\n/m;

/** Run a JavaScript example whose only import is from 's3-kms-doctor'; what it logs, line by line. */
const run = (code: string): string[] => {
	const imported = importLine.exec(code);
	if (!imported) throw new Error("the example must start with import {…} from 's3-kms-doctor'");
	const names = imported[1]!.split(',').map(name => name.trim());
	for (const name of names) expect(library, `docs/library.md imports ${name}`).toHaveProperty(name);
	const body = code.replace(importLine, '');
	const lines: string[] = [];
	const console = {log: (...parts: unknown[]) => lines.push(parts.map(String).join(' '))};
	// Running the documented example is the point: its import becomes parameters bound to the source.
	const example = new Function(...names, 'console', `'use strict';\n${body}`) as (...args: unknown[]) => void;
	example(...names.map(name => (library as Record<string, unknown>)[name]), console);
	return lines;
};

describe('docs/library.md', () => {
	const [example] = blocks('js');
	const [output] = blocks('text');

	it('has one complete example and the output it prints', () => {
		expect(blocks('js')).toHaveLength(1);
		expect(example).toContain("import {evaluate, parsePolicy} from 's3-kms-doctor';");
		expect(output).toBeDefined();
	});

	it('prints exactly the output the page shows', () => {
		expect(run(example!)).toEqual(output!.trimEnd().split('\n'));
	});

	it('shows the parse error messages parsePolicy really gives', () => {
		const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}';
		const messages = [
			library.parsePolicy(broken, 'bucket policy'),
			library.parsePolicy({Statement: [{Sid: 'Use', Effect: 'allow', Action: 'kms:Decrypt', Resource: '*'}]}, 'key policy'),
			library.parsePolicy({Statement: [{Effect: 'Allow', Action: 'kms:*', Resource: '*'}, {Effect: 'Allow', Action: 'Decrypt', Resource: '*'}]}, 'key policy'),
		].map(result => (result.ok ? 'parsed' : result.error.message));
		for (const message of messages) expect(doc).toContain(`\`${message}\``);
	});

	it('names the exports the package has', () => {
		for (const name of ['evaluate', 'parsePolicy', 'arnMatches', 'parseArn']) {
			expect(library).toHaveProperty(name);
			expect(doc).toContain(`\`${name}(`);
		}
	});
});
