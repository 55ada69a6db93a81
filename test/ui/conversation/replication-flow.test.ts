import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv, reachable} from '../helpers/flow-env.js';

/** The wizard's replication path offline: the replica key and the rule's role are asked; a replica keeps its key. */

const env = flowEnv({profiles: [{name: 'dev', region: 'eu-west-1'}], reaches: reachable('dev')});
const sourceKey = 'arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-11aa-11aa-11aa-111111111111';
const replicaKey = 'arn:aws:kms:us-east-1:444455556666:key/2222bbbb-22bb-22bb-22bb-222222222222';
const role = 'arn:aws:iam::111122223333:role/replication-role';

/** Every question the path asks, answered; one it asks that the script does not answer fails the test. */
const script: Answers = {
	start: 'manual',
	operation: 'replication',
	bucket: 'example-replica',
	'object-key': 'Tax/2026/return.pdf',
	'source-bucket': 'example-source',
	'source-kms-key': sourceKey,
	'replica-kms-key': replicaKey,
	principal: role,
	'bucket-account': 'other',
	'bucket-account-id': '444455556666',
	'bucket-region': 'us-east-1',
	'source-bucket-account': 'caller',
	'key-policy-how': 'unknown',
	'grants-how': 'unknown',
	'identity-how': 'unknown',
	'bucket-policy-how': 'unknown',
	'source-key-policy-how': 'unknown',
	'source-bucket-policy-how': 'unknown',
	guardrails: 'unknown',
};

const walkScript = (): {asked: string[]; snapshot: Snapshot} => {
	const asked: string[] = [];
	const answers: Record<string, string> = {};
	for (let round = 0; round < 40; round++) {
		const next = walk(answers, env).next;
		if (next.kind === 'done') return {asked, snapshot: next.ending.snapshot};
		if (next.kind !== 'ask') throw new Error(`the walk stopped at ${next.kind}`);
		const answer = script[next.question.id];
		if (answer === undefined) throw new Error(`unanswered question ${next.question.id}: ${next.question.prompt}`);
		asked.push(next.question.id);
		answers[next.question.id] = answer;
	}
	throw new Error(`no end after: ${asked.join(', ')}`);
};

describe('the wizard, for a replication (offline)', () => {
	it('asks the source bucket but not its key (a replica keeps it), the replica key, and the role the rule names', () => {
		const {asked} = walkScript();
		expect(asked.slice(0, 8)).toEqual(['start', 'operation', 'bucket', 'object-key', 'source-bucket', 'source-kms-key', 'replica-kms-key', 'principal']);
		expect(asked).not.toContain('source-key');
		expect(asked).not.toContain('names-key');
	});

	it('builds a snapshot whose principal is the role and whose replica key is the one given; the rule, trust policy and versioning stay unknown', () => {
		const {snapshot} = walkScript();
		expect(snapshot.question.source).toEqual({bucket: 'example-source', objectKey: 'Tax/2026/return.pdf', kmsKeyId: sourceKey});
		expect(snapshot.principal?.arn).toBe(role);
		expect(snapshot.key?.arn).toBe(replicaKey);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.keyArn).toBe(replicaKey);
		expect(diagnosis.actions.find(action => action.id === 'kms:Encrypt@destination')?.resource).toBe(replicaKey);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.findings.map(finding => finding.id)).toEqual(expect.arrayContaining(['replication-rule-unknown', 'replication-role-trust-unknown', 'replication-versioning-unknown']));
	});

	it('takes the replica key answered as the rule\'s, given: no "was not read" assumption about it, and the rule known only in part', () => {
		const {snapshot} = walkScript();
		expect(snapshot.replication).toEqual({replicaKmsKeyId: replicaKey});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.assumptions.map(assumption => assumption.id)).not.toContain('replica-key');
		expect(diagnosis.findings.find(finding => finding.id === 'replication-rule-unknown')?.message).toBe(
			"The source bucket's replication rule is known only in part, so whether it selects SSE-KMS objects and which role it uses cannot be told.",
		);
	});
});
