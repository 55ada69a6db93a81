import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';

/** The text report's Unknowns section, on its own, names the read that settles each unknown. */

const example = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'all-allowed.json'), 'utf8')) as {key: Record<string, unknown>; bucket: Record<string, unknown>};

/** The lines from the Unknowns heading to the end of the report: nothing of the other sections. */
const unknownsSection = (report: string): string => {
	const lines = report.split('\n');
	const start = lines.indexOf('Unknowns');
	if (start === -1) throw new Error('the report has no Unknowns section');
	return lines.slice(start + 1).join('\n');
};

describe('the Unknowns section of the text report', () => {
	it('names, for each unknown, the read that settles it', () => {
		// The key policy and the bucket policy were not read.
		delete example.key['policy'];
		delete example.bucket['policy'];
		const parsed = parseSnapshot(JSON.stringify(example), 'unread policies');
		if (!parsed.ok) throw new Error(parsed.error.message);
		const diagnosis = diagnose(parsed.value);
		expect(diagnosis.unknowns.length).toBeGreaterThanOrEqual(2);
		const section = unknownsSection(renderText(diagnosis, {color: false, width: 200}));
		expect(section).toMatch(/resolve with: kms:GetKeyPolicy on arn:aws:kms:/);
		expect(section).toMatch(/resolve with: s3:GetBucketPolicy on /);
		for (const note of diagnosis.unknowns) {
			expect(note.resolveWith, note.what).toBeDefined();
			expect(section.split('\n').map(line => line.trim())).toContain(`?  ${note.what}`);
			expect(section).toContain(`resolve with: ${note.resolveWith}`);
		}
	});
});
