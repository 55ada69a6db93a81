import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {allOperations, legsInRequestOrder} from '../../source/operations/registry.js';
import {operationNames} from '../../source/snapshot/operation-names.js';

/** docs/operations.md and the operation row of docs/snapshot.md follow the tuple and the modules. */

const doc = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
const snapshotDoc = readFileSync(new URL('../../docs/snapshot.md', import.meta.url), 'utf8');

/** The text under `### \`name\``, up to the next heading of that level or above. */
const sectionOf = (name: string): string | undefined => new RegExp(`^### \`${name}\`\\n([\\s\\S]*?)(?=^##)`, 'm').exec(doc)?.[1];

describe('docs/operations.md', () => {
	for (const module of allOperations) {
		it(`tables every action of ${module.name}, leg by leg, in request order`, () => {
			const section = sectionOf(module.name);
			expect(section, `a section ### \`${module.name}\``).toBeDefined();
			const rows = section!.split('\n').filter(line => /^\| (destination|source) \|/.test(line));
			const expected = legsInRequestOrder(module.name).flatMap(leg => leg.actions.map(action => `| ${leg.side} | \`${action.action}\` | ${action.when} |`));
			expect(rows.map(row => row.split(' | ').slice(0, 3).join(' | ') + ' |')).toEqual(expected);
		});
	}

	it('documents no operation the tuple does not have', () => {
		const documented = [...doc.matchAll(/^### `([^`]+)`$/gm)].map(match => match[1]);
		expect(documented).toEqual([...operationNames]);
	});

	it('has the recipe for adding one', () => {
		expect(doc).toMatch(/^## Add an operation$/m);
	});
});

describe('docs/snapshot.md', () => {
	it('names every operation in the question table', () => {
		const row = snapshotDoc.split('\n').find(line => line.startsWith('| `operation` |'));
		for (const name of operationNames) expect(row).toContain(`\`${name}\``);
	});
});
