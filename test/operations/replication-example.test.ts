import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {decisions, statusTable} from '../diagnosis/support/fix-checks.js';

/** examples/replication-cross-account-replica-key-policy.json: the replica key's owner has not allowed the source account. */
const path = '../../examples/replication-cross-account-replica-key-policy.json';
const parsed = parseSnapshot(readFileSync(new URL(path, import.meta.url), 'utf8'), path);

describe('examples/replication-cross-account-replica-key-policy.json', () => {
	it('is denied at the replica key policy alone, and the proven fix is the destination account\'s, with exactly kms:Encrypt through S3 of us-east-1', () => {
		if (!parsed.ok) throw new Error(parsed.error.message);
		const diagnosis = diagnose(parsed.value);
		expect(diagnosis.verdict).toBe('denied');
		expect(Object.entries(decisions(diagnosis)).filter(([, decision]) => decision !== 'allowed')).toEqual([['kms:Encrypt@destination', 'denied']]);
		expect(statusTable(diagnosis)['kms:Encrypt@destination#key-policy']).toBe('missing');
		expect(diagnosis.findings).toEqual([]);
		const [fix] = diagnosis.fixes;
		expect(diagnosis.fixes).toHaveLength(1);
		expect(fix!.proven).toBe(true);
		expect(fix!.appliesIn.account).toBe('444455556666');
		expect(fix!.statement).toMatchObject({Principal: {AWS: 'arn:aws:iam::111122223333:role/replication-role'}, Action: ['kms:Encrypt'], Condition: {StringEquals: {'kms:ViaService': 's3.us-east-1.amazonaws.com'}}});
	});
});
