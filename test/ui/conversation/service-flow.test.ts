import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv, reachable} from '../helpers/flow-env.js';

/** The wizard's entry "an AWS service fails to read/write my data": which service, and the role it uses. */

const env = flowEnv({profiles: [{name: 'dev', region: 'eu-west-1'}], reaches: reachable('dev')});

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const glueRole = 'arn:aws:iam::111122223333:role/service-role/GlueOrdersJob';
const target: Answers = {start: 'manual', operation: 'service-read', bucket: 'example-datalake', 'object-key': 'sales/part-00000.parquet', 'object-kms-key': keyArn};

const nextId = (answers: Answers, environment = env): string | undefined => {
	const next = walk(answers, environment).next;
	return next.kind === 'ask' ? next.question.id : undefined;
};

/** The rest of the manual path: the last choice ("do not know", "none"), or nothing typed; throws on a question that does not move on. */
const finish = (start: Answers) => {
	const answers: Record<string, string | undefined> = {...start};
	const order: string[] = [];
	for (let round = 0; round < 40; round++) {
		const result = walk(answers, env);
		if (result.next.kind !== 'ask') break;
		const question = result.next.question;
		if (order.at(-1) === question.id) throw new Error(`${question.id} asked again: ${result.next.problem ?? ''}`);
		order.push(question.id);
		answers[question.id] = question.kind === 'choice' ? question.options.at(-1)!.value : '';
	}
	const done = walk(answers, env).next;
	if (done.kind !== 'done') throw new Error(`not done after ${order.join(', ')}`);
	return {snapshot: done.ending.snapshot, order};
};

describe('the wizard, for an AWS service reading the data', () => {
	it('offers the entry, and asks which service right after the target', () => {
		const start = walk({start: 'manual'}, env).next;
		expect(start.kind === 'ask' && start.question.kind === 'choice' && start.question.options.map(option => option.label)).toContain('An AWS service reads my data');
		expect(nextId(target)).toBe('aws-service');
	});

	it('Athena: no role is asked, the caller is you, and the snapshot carries the service', () => {
		expect(nextId({...target, 'aws-service': 'athena'})).toBe('principal');
		const {snapshot, order} = finish({...target, 'aws-service': 'athena', principal: 'arn:aws:iam::111122223333:user/analyst'});
		expect(order).not.toContain('service-role');
		expect(snapshot.service).toEqual({name: 'athena'});
		expect(snapshot.principal?.arn).toBe('arn:aws:iam::111122223333:user/analyst');
		expect(diagnose(snapshot).findings.map(finding => finding.id)).toContain('service-acts-as');
	});

	it("takes the operation, the bucket and the service from Athena's own wording of a pasted error, and asks only for the object", () => {
		const error = 'Permission denied on S3 path: s3://example-datalake/sales/ This query ran against the "orders" database, unless qualified by the query.';
		const first = walk({start: 'error', 'error-text': error, 'read-how': 'manual'}, env);
		expect(first.next.kind === 'ask' && first.next.question.id).toBe('object-key');
		const notes = first.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : []));
		expect(notes).toContain('Athena reading s3://example-datalake/sales/');
		expect(notes).toContain("Athena's message names no caller, action or KMS key; the next questions fill them in.");
		const {snapshot, order} = finish({start: 'error', 'error-text': error, 'read-how': 'manual', 'object-key': 'sales/part-00000.parquet', 'object-kms-key': keyArn, principal: 'arn:aws:iam::111122223333:user/analyst'});
		expect(order).not.toContain('operation');
		expect(order).not.toContain('bucket');
		expect(order).not.toContain('aws-service');
		expect(snapshot.question).toMatchObject({operation: 'service-read', bucket: 'example-datalake', objectKey: 'sales/part-00000.parquet'});
		expect(snapshot.service).toEqual({name: 'athena'});
	});

	it('Glue with pasted policies: the role must be named (its policies are the ones pasted), and it is the caller', () => {
		const glue = {...target, 'aws-service': 'glue'};
		expect(nextId(glue)).toBe('service-role');
		const empty = walk({...glue, 'service-role': ''}, env).next;
		expect(empty.kind === 'ask' && empty.question.id).toBe('service-role');
		expect(nextId({...glue, 'service-role': 'arn:aws:iam::111122223333:user/analyst'})).toBe('service-role');
		const {snapshot, order} = finish({...glue, 'service-role': glueRole});
		expect(order).not.toContain('principal');
		expect(snapshot.service).toEqual({name: 'glue', roleArn: glueRole});
		expect(snapshot.principal?.arn).toBe(glueRole);
	});

	it("with a profile, the reads are the role's: the collect request names it; an unknown role reads without it", () => {
		const live: Answers = {start: 'profile:dev', operation: 'service-read', bucket: 'example-datalake', 'object-key': 'sales/part-00000.parquet', 'aws-service': 'glue', 'service-role': glueRole};
		const withRole = walk(live, env).next;
		expect(withRole.kind === 'wait' && withRole.wait.kind === 'collect' && withRole.wait.request.actingRole).toBe(glueRole);
		const unknown = walk({...live, 'service-role': ''}, env).next;
		expect(unknown.kind === 'wait' && unknown.wait.kind === 'collect' && unknown.wait.request.actingRole).toBeUndefined();
	});

	it('a write by a service asks neither size nor tool: when it goes in parts is the service\'s, so both ways are checked', () => {
		const {snapshot, order} = finish({...target, operation: 'service-write', 'kms-key': keyArn, 'aws-service': 'athena', principal: 'arn:aws:iam::111122223333:user/analyst'});
		expect(order).not.toContain('size');
		expect(order).not.toContain('tool');
		expect(diagnose(snapshot).actions.map(action => action.action)).toEqual(['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt']);
	});
});
