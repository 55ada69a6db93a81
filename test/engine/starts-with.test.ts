import {describe, expect, it} from 'vitest';
import {startsWith} from '../../source/engine/starts-with.js';

// The engine's prefix test compares the prefix's last character before searching: it must answer as String#startsWith does.
describe('startsWith', () => {
	const texts = ['', 'a', 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket-2/key', 'arn:aws:kms:eu-west-1:111122223333:key/k', 'x😀y', '😀'];
	const prefixes = ['', 'a', 'arn:', 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/', 'arn:aws:s3:::bucket-2/', 'arn:aws:s3:::bucket/key/longer', 'x😀', '\ud83d', 'b'];

	it('answers as String.prototype.startsWith for every pair, shorter texts and surrogate halves included', () => {
		for (const text of texts) for (const prefix of prefixes) expect(startsWith(text, prefix), `${JSON.stringify(text)} / ${JSON.stringify(prefix)}`).toBe(text.startsWith(prefix));
	});

	it('rejects a text that differs only in the prefix last character, and one that differs earlier with the same last character', () => {
		expect(startsWith('arn:aws:s3:::bucket-1/key', 'arn:aws:s3:::bucket-2/')).toBe(false);
		expect(startsWith('arn:aws:s3:::backet/key', 'arn:aws:s3:::bucket/')).toBe(false);
		expect(startsWith('arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket/')).toBe(true);
	});
});
