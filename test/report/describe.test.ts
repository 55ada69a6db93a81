import {describe, expect, it} from 'vitest';
import {formatSize, formatSizeInFull, multipartLine, questionFacts} from '../../source/report/describe.js';
import {prose} from '../../source/report/markdown.js';
import {displayWidth} from '../../source/shared/display-width.js';
import {wrap} from '../../source/report/wrap.js';
import {deniedMultipartUpload} from './fixtures.js';

describe('report words', () => {
	it.each([
		[0, '0 bytes'],
		[1, '1 byte'],
		[1023, '1,023 bytes'],
		[5 * 1024 * 1024, '5 MiB'],
		[8_388_608, '8 MiB'],
		[16_000_000, '15.3 MiB'],
		[5 * 1024 ** 4, '5 TiB'],
	])('says %i bytes as %s', (bytes, words) => {
		expect(formatSize(bytes)).toBe(words);
	});

	it('gives the exact byte count next to the rounded size', () => {
		expect(formatSizeInFull(16_000_000)).toBe('15.3 MiB (16,000,000 bytes)');
		expect(formatSizeInFull(900)).toBe('900 bytes');
	});

	it('says why an upload is or is not multipart', () => {
		const question = deniedMultipartUpload.question;
		expect(multipartLine(question)).toBe('yes: 12 MiB is at or above the 8 MiB multipart threshold, so the tool uploads in parts');
		expect(multipartLine({...question, sizeBytes: 1_048_576, multipart: 'no'})).toBe('no: 1 MiB is below the 8 MiB multipart threshold, so the tool sends one request');
		expect(multipartLine({...question, sizeBytes: 20_000_000, multipartThresholdBytes: 16 * 1024 * 1024})).toMatch(/19.1 MiB is at or above the 16 MiB/);
		const {sizeBytes: _size, ...withoutSize} = question;
		expect(multipartLine({...withoutSize, multipart: 'unknown'})).toBe('unknown: the size is not known, so both a single request and a multipart upload were checked');
		expect(multipartLine({...question, multipart: 'unknown'})).toBe(
			"unknown: the tool's multipart threshold is not known (12 MiB), so both a single request and a multipart upload were checked",
		);
	});

	it('escapes markdown in prose without mangling words with underscores', () => {
		expect(prose('SYMMETRIC_DEFAULT on _all_ keys with kms:* and <b>[x](y)')).toBe('SYMMETRIC_DEFAULT on \\_all\\_ keys with kms:\\* and &lt;b&gt;\\[x\\](y)');
	});

	it('counts ⛔ as two columns and ignores colour codes', () => {
		expect(displayWidth('⛔ denied')).toBe(9);
		expect(displayWidth('\u001B[32m✔\u001B[39m ok')).toBe(4);
		expect(wrap('one two three four five six seven eight nine ten eleven twelve', 30, '  ', '- ')).toEqual([
			'- one two three four five six',
			'  seven eight nine ten eleven',
			'  twelve',
		]);
	});

	it('a key named by an alias not resolved is not called "not read": the request or the bucket default named it', () => {
		const {question} = deniedMultipartUpload;
		const keyLine = (keySource: 'request' | 'bucket-default' | 'unknown'): string => {
			const {keyArn: _dropped, ...rest} = question;
			return questionFacts({...rest, keySource}).find(fact => fact.label === 'KMS key')!.value;
		};
		expect(keyLine('bucket-default')).toBe("not known (the bucket's default encryption names it by an alias or key ID that was not resolved to a key ARN)");
		expect(keyLine('request')).toBe('not known (the request names it by an alias or key ID that was not resolved to a key ARN)');
		expect(keyLine('unknown')).toBe("not known (the request's key or the bucket's default encryption decides, and it was not read)");
	});
});
