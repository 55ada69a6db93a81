import {describe, expect, it} from 'vitest';
import {fieldLine} from '../../../source/ui/inputs/text-field/one-line.js';
import {displayWidth} from '../../../source/shared/display-width.js';

/** A field kept on one line (a file path): what shows, where the cursor is, never wider than its columns. */

const path = 's3-kms-doctor-reports-bucket-2026-11-05.snapshot.json';
const shown = ({before, atCursor, after}: ReturnType<typeof fieldLine>): string => `${before}${atCursor ?? ' '}${after}`;

describe('a field value on one line', () => {
	it('is whole where it fits, the cursor a column of its own at the end', () => {
		expect(fieldLine(path, path.length, 54)).toEqual({before: path, atCursor: undefined, after: ''});
	});

	it('cuts its middle where it is wider, keeping the start and the file name, the cursor at the end', () => {
		const line = fieldLine(path, path.length, 40);
		expect(line.atCursor).toBeUndefined();
		expect(line.before).toMatch(/^s3-kms-doc\S*…\S*-2026-11-05\.snapshot\.json$/);
		expect(displayWidth(shown(line))).toBeLessThanOrEqual(40);
	});

	it('follows the cursor into the part cut, with … on both sides', () => {
		const at = path.indexOf('bucket');
		const line = fieldLine(path, at, 20);
		expect(line.atCursor).toBe('b');
		expect(line.before).toMatch(/^…/);
		expect(line.after).toMatch(/…$/);
		expect(path).toContain(`${line.before.slice(1)}b${line.after.slice(0, -1)}`);
		expect(displayWidth(shown(line))).toBeLessThanOrEqual(20);
	});

	it('measures wide characters by the columns they take', () => {
		const wide = `/home/${'資料'.repeat(12)}/report.md`;
		for (const cursor of [0, 10, wide.length]) expect(displayWidth(shown(fieldLine(wide, cursor, 24)))).toBeLessThanOrEqual(24);
	});
});
