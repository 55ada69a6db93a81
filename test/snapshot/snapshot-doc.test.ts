import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {multipartThresholds} from '../../source/operations/multipart-upload.js';

const doc = readFileSync(new URL('../../docs/snapshot.md', import.meta.url), 'utf8');
const jsonBlocks = [...doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map(match => match[1]!);

describe('docs/snapshot.md', () => {
	it('shows only snapshots the parser accepts', () => {
		expect(jsonBlocks.length).toBeGreaterThanOrEqual(2);
		for (const block of jsonBlocks) {
			const result = parseSnapshot(block, 'docs/snapshot.md');
			expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
		}
	});

	it('documents every top-level, question, principal, bucket, object and key field of the schema', () => {
		const example = JSON.parse(jsonBlocks.at(-1)!) as Record<string, Record<string, unknown>>;
		for (const field of ['format', 'metadata', 'question', 'principal', 'bucket', 'object', 'key', 'source', 'organization', 'requestContext', 'unread']) {
			expect(doc).toContain(`| \`${field}\` |`);
		}
		for (const section of ['question', 'principal', 'bucket', 'key'] as const) {
			for (const field of Object.keys(example[section]!)) expect(doc, `${section}.${field}`).toContain(`| \`${field}\` |`);
		}
	});

	it('diagnoses the complete example as the text says: kms:Decrypt missing in the key policy', () => {
		const result = parseSnapshot(jsonBlocks.at(-1)!, 'docs/snapshot.md');
		if (!result.ok) throw new Error(result.error.message);
		const diagnosis = diagnose(result.value);
		expect(diagnosis.question.multipart).toBe('yes');
		expect(diagnosis.requirements).toContainEqual(expect.objectContaining({action: 'kms:Decrypt', place: 'key-policy', status: 'missing'}));
		expect(diagnosis.verdict).toBe('denied');
	});

	it('tables the thresholds the diagnosis uses for each tool', () => {
		for (const [tool, bytes] of Object.entries(multipartThresholds)) {
			const row = doc.split('\n').find(line => line.includes(`| \`${tool}\` |`));
			expect(row, tool).toBeDefined();
			if (bytes !== undefined && tool !== 'sdk' && tool !== 'other') expect(row, tool).toContain(`\`${bytes}\``);
		}
	});
});
