import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';

describe('collectSnapshot and the Region it is given', () => {
	it('refuses a Region that is no Region name in one line, before reading any profile or making any call', async () => {
		const result = await collectSnapshot({question: {operation: 'download', bucket: 'acme-uploads', objectKey: 'k'}, region: 'Ireland', env: {}});
		expect(result).toEqual({ok: false, error: {kind: 'bad-input', message: 'the Region "Ireland" is not a Region name such as eu-west-1 or us-east-1'}});
	});
});
