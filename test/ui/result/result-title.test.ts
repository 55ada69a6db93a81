import {describe, expect, it} from 'vitest';
import {snapshotFormat, type Snapshot} from '../../../source/snapshot/snapshot.js';
import {resultTitle} from '../../../source/ui/result/copy-sides.js';

describe("the result screen's title", () => {
	const question = (operation: 'copy' | 'replication'): Snapshot => ({
		format: snapshotFormat,
		question: {operation, bucket: 'replica', objectKey: 'Tax/a.pdf', source: {bucket: 'source', objectKey: 'Tax/a.pdf'}},
	});

	it('names the operation as the verdict and the check command do: a replication is not called a copy', () => {
		expect(resultTitle('replication', 's3://replica/Tax/a.pdf', question('replication'))).toBe('replication s3://source/Tax/a.pdf → s3://replica/Tax/a.pdf');
		expect(resultTitle('copy', 's3://replica/Tax/a.pdf', question('copy'))).toBe('copy s3://source/Tax/a.pdf → s3://replica/Tax/a.pdf');
	});
});
