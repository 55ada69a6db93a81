import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {AnswerWeigher} from '../../../source/diagnosis/answers-differ.js';
import type {FlowEnv, Walk} from '../../../source/ui/conversation/flow-types.js';
import type {Note} from '../../../source/ui/conversation/question.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv} from '../helpers/flow-env.js';
import {manualKeyArn, manualUpload} from '../helpers/manual-upload.js';

/**
 * Ask only what can change the answer: the KMS grants and the S3 Bucket Key are asked only where some answer would
 * change the verdict, a decision or a fix. A manual 200 MB upload (in parts: kms:GenerateDataKey and kms:Decrypt) by
 * role Uploader; each test changes the key or identity policy.
 */

const role = 'arn:aws:iam::111122223333:role/Uploader';
const policy = (...statements: object[]): string => JSON.stringify({Version: '2012-10-17', Statement: statements});
const allowUploader = (condition?: object) => ({Effect: 'Allow', Principal: {AWS: role}, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*', ...(condition ? {Condition: condition} : {})});
const contextLike = (pattern: string) => ({StringLike: {'kms:EncryptionContext:aws:s3:arn': pattern}});

/** Every question answered from `answers`, in the order asked, until the walk is done (or asks what `answers` lacks). */
const run = (answers: Answers, env: FlowEnv = flowEnv()): {readonly asked: string[]; readonly result: Walk} => {
	const given: Record<string, string> = {};
	const asked: string[] = [];
	for (;;) {
		const result = walk(given, env);
		if (result.next.kind !== 'ask') return {asked, result};
		const id = result.next.question.id;
		if (answers[id] === undefined) throw new Error(`asked ${id}, which the test does not answer (asked so far: ${asked.join(', ')})`);
		asked.push(id);
		given[id] = answers[id];
	}
};

const notesOf = (result: Walk): Note[] => result.steps.flatMap(step => (step.kind === 'notes' ? step.notes : []));

const snapshotOf = (result: Walk) => {
	if (result.next.kind !== 'done') throw new Error(`not done: ${result.next.kind}`);
	return result.next.ending.snapshot;
};

/** Every answer a user could give, grants and Bucket Key included. */
const upload = (keyPolicy: string, identity = policy({Effect: 'Allow', Action: 's3:PutObject', Resource: '*'})): Answers => ({
	...manualUpload,
	'key-policy': keyPolicy,
	'identity-policy-1': identity,
	'grants-how': 'none',
	'bucket-key': 'off',
});

describe('the KMS grants question', () => {
	// KMS Developer Guide, "KMS key access and permissions": "No AWS principal has any permissions to a KMS key unless
	// that permission is provided explicitly and never denied", and grants are used "in combination with the key policy
	// and IAM policies to allow access to a KMS key": a grant adds an Allow, nothing else.

	it('is not asked when the key policy already allows the caller every KMS action and nothing denies', () => {
		const {asked, result} = run(upload(policy(allowUploader())));
		expect(asked).not.toContain('grants-how');
		expect(notesOf(result)).toContainEqual({tone: 'info', text: 'KMS grants: not asked (a grant only adds an Allow, and no grant could change this result)'});
		const snapshot = snapshotOf(result);
		// Not read, and said so: never an empty list that would claim the key has no grants.
		expect(snapshot.key?.grants).toBeUndefined();
		expect(snapshot.unread).toContainEqual({path: 'key.grants', reason: 'not asked', resolveWith: `aws kms list-grants --key-id ${manualKeyArn} --region 'eu-west-1'`});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('allowed');
		const grantRows = diagnosis.requirements.filter(row => row.place === 'key-grant');
		expect(grantRows.map(row => row.status)).toEqual(['not-needed', 'not-needed']);
		for (const row of grantRows) expect(row.why).not.toMatch(/no grant|grants? (were|was) read|list-grants shows/i);
	});

	it('is not asked when the key policy and the IAM path together allow them', () => {
		const delegates = policy({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'});
		const {asked, result} = run(upload(delegates, policy({Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'})));
		expect(asked).not.toContain('grants-how');
		expect(diagnose(snapshotOf(result)).verdict).toBe('allowed');
	});

	it('is not asked where an explicit Deny refuses the action: a grant cannot override it', () => {
		const identity = policy({Effect: 'Allow', Action: ['s3:PutObject'], Resource: '*'}, {Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*'});
		const {asked, result} = run(upload(policy(allowUploader()), identity));
		expect(asked).not.toContain('grants-how');
		expect(diagnose(snapshotOf(result)).verdict).toBe('denied');
	});

	it('is asked, after the guardrails, when the key policy leaves an action a grant could allow', () => {
		const onlyGenerateDataKey = policy({Effect: 'Allow', Principal: {AWS: role}, Action: 'kms:GenerateDataKey', Resource: '*'});
		const {asked} = run(upload(onlyGenerateDataKey));
		expect(asked.slice(-2)).toEqual(['guardrails', 'grants-how']);
	});

	it('is asked when the key policy allows only under a condition that matches the object ARN alone', () => {
		// With S3 Bucket Keys on, S3 sends the bucket ARN: the key policy would not allow, and a grant could.
		const {asked} = run(upload(policy(allowUploader(contextLike('arn:aws:s3:::reports-bucket/*')))));
		expect(asked).toContain('grants-how');
	});
});

describe('the S3 Bucket Key question', () => {
	// S3 User Guide, "Configuring your bucket to use an S3 Bucket Key": with a Bucket Key, S3 sends the bucket ARN as the
	// encryption context, without one the object ARN (event-bucket-key.ts).

	it('is not asked when the condition on kms:EncryptionContext:aws:s3:arn matches both the object and the bucket ARN', () => {
		const {asked, result} = run(upload(policy(allowUploader(contextLike('arn:aws:s3:::reports-bucket*')))));
		expect(asked).not.toContain('bucket-key');
		expect(notesOf(result)).toContainEqual({tone: 'info', text: 'S3 Bucket Key: not asked (on or off, the policies give the same result)'});
		const diagnosis = diagnose(snapshotOf(result));
		// Decided, as either answer decides it: the state taken is said as an assumption, with why.
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.assumptions).toContainEqual(expect.objectContaining({id: 'bucket-key=off', because: 'on or off, the policies give the same result'}));
	});

	it('is asked when the condition matches only the object ARN, and its answer decides', () => {
		const answers = upload(policy(allowUploader(contextLike('arn:aws:s3:::reports-bucket/*'))));
		const {asked} = run(answers);
		expect(asked).toContain('bucket-key');
		expect(diagnose(snapshotOf(run({...answers, 'bucket-key': 'off'}).result)).verdict).toBe('allowed');
		expect(diagnose(snapshotOf(run({...answers, 'bucket-key': 'on'}).result)).verdict).toBe('denied');
	});

	it('is asked when the condition matches only the bucket ARN', () => {
		const bucketOnly = {StringEquals: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::reports-bucket'}};
		expect(run(upload(policy(allowUploader(bucketOnly)))).asked).toContain('bucket-key');
	});
});

describe('a Bucket Key state given with the object (head-object output pasted at the key question)', () => {
	const download = (given: Answers): Answers => ({
		start: 'manual',
		operation: 'download',
		bucket: 's3://reports-bucket/exports/big.csv',
		'object-kms-key': manualKeyArn,
		principal: 'arn:aws:iam::111122223333:role/Reader',
		'bucket-account': 'same',
		'key-policy-how': 'paste',
		'key-policy': policy({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Reader'}, Action: 'kms:Decrypt', Resource: '*', Condition: contextLike('arn:aws:s3:::reports-bucket*')}),
		'identity-how': 'paste',
		'identity-policy-1': policy({Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}),
		'identity-more-1': 'no',
		'bucket-policy-how': 'none',
		guardrails: 'none',
		...given,
	});

	it('is kept, though the question would not be asked: never replaced by an assumption', () => {
		// Stored before the question comes, as the key question's alsoAnswers stores it.
		const result = walk(download({'bucket-key': 'on'}), flowEnv());
		expect(result.steps).toContainEqual(expect.objectContaining({kind: 'answer', answer: 'on', question: expect.objectContaining({id: 'bucket-key'})}));
		const snapshot = snapshotOf(result);
		expect(snapshot.object?.encryption).toMatchObject({bucketKeyEnabled: true});
		expect(snapshot.assumptions ?? []).not.toContainEqual(expect.objectContaining({id: 'bucket-key=off'}));
		expect(notesOf(result).map(note => note.text)).not.toContainEqual(expect.stringContaining('S3 Bucket Key: not asked'));
	});

	it('without it, is not asked', () => {
		const {asked, result} = run(download({}));
		expect(asked).not.toContain('bucket-key');
		expect(diagnose(snapshotOf(result)).verdict).toBe('allowed');
	});
});

describe('the questions to a proven fix', () => {
	/** The weigher the wizard falls back to when the core cannot load: every answer may matter, every question is asked. */
	const asksEverything: AnswerWeigher = {answersDiffer: () => true, grantsCanMatter: () => true};

	it('are fewer where the grants and the Bucket Key cannot change the result, and the fix is the same proven one', () => {
		// The key policy allows the caller both KMS actions for any object of the bucket, whatever the Bucket Key; the
		// identity policy lacks s3:PutObject, which the fix adds.
		const answers = upload(policy(allowUploader(contextLike('arn:aws:s3:::reports-bucket*'))), policy({Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}));
		const weighed = run(answers);
		const everything = run(answers, flowEnv({weigher: asksEverything}));
		expect(everything.asked.filter(id => !weighed.asked.includes(id))).toEqual(['grants-how', 'bucket-key']);
		expect(weighed.asked.length).toBe(everything.asked.length - 2);
		const fixOf = (result: Walk) => diagnose(snapshotOf(result)).fixes.filter(fix => fix.proven).map(fix => fix.statement);
		expect(fixOf(weighed.result)).toEqual(fixOf(everything.result));
		expect(fixOf(weighed.result)).toHaveLength(1);
	});
});

describe('the weighing', () => {
	it('waits for the weigher where a question needs it, and asks nothing before it is loaded', () => {
		const {weigher: _loaded, ...withoutWeigher} = flowEnv();
		const result = walk(upload(policy(allowUploader())), withoutWeigher);
		expect(result.next).toEqual({kind: 'wait', wait: {kind: 'weigher'}});
		expect(result.steps.at(-1)).toMatchObject({kind: 'answer', question: {id: 'guardrails'}});
	});
});
