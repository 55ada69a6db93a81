import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv, reachable} from '../helpers/flow-env.js';

/** The wizard's CloudFront path: after the target, the distribution and how it reaches the bucket. */

const env = flowEnv({profiles: [{name: 'dev', region: 'eu-west-1'}], reaches: reachable('dev')});

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const distributionArn = 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE';

describe('the wizard, for a download through CloudFront', () => {
	it('asks the distribution and its origin access after the target', () => {
		const answers: Answers = {start: 'manual', operation: 'cloudfront-download', bucket: 'example-site-assets', 'object-key': 'index.html', 'object-kms-key': keyArn};
		const next = walk(answers, env).next;
		expect(next.kind === 'ask' && next.question.id).toBe('distribution-arn');
		const wrong = walk({...answers, 'distribution-arn': 'EDFDVBD6EXAMPLE'}, env).next;
		expect(wrong.kind === 'ask' && wrong.question.id).toBe('distribution-arn');
		const access = walk({...answers, 'distribution-arn': distributionArn}, env).next;
		expect(access.kind === 'ask' && access.question.id).toBe('origin-access');
	});

	it('puts the distribution into the snapshot, and a legacy OAI is found', () => {
		const answers: Record<string, string> = {start: 'manual', operation: 'cloudfront-download', bucket: 'example-site-assets', 'object-key': 'index.html', 'object-kms-key': keyArn, 'distribution-arn': distributionArn, 'origin-access': 'oai'};
		const order: string[] = [];
		for (let round = 0; round < 40; round++) {
			const result = walk(answers, env);
			if (result.next.kind !== 'ask') break;
			const question = result.next.question;
			order.push(question.id);
			// The rest of the manual path: the first choice, or nothing typed.
			answers[question.id] = question.kind === 'choice' ? question.options.at(-1)!.value : '';
		}
		const done = walk(answers, env).next;
		expect(done.kind, order.join(', ')).toBe('done');
		if (done.kind !== 'done') return;
		const {snapshot} = done.ending;
		expect(snapshot.distribution).toEqual({arn: distributionArn, originAccess: 'origin-access-identity', originType: 's3-rest'});
		expect(snapshot.principal).toBeUndefined();
		expect(diagnose(snapshot).findings.map(finding => finding.id)).toContain('cloudfront-oai-cannot-read-sse-kms');
	});
});
