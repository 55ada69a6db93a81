import {describe, expect, it} from 'vitest';
import {bundleToSnapshot} from '../../../source/inputs/bundle/index.js';
import {bundleQuestionOf, validateCollectOptions} from '../../../source/outputs/collect-script/index.js';
import {renderCollectScript} from '../../../source/outputs/collect-script/index.js';

/**
 * The facts a support engineer gives collect-script rather than the script reads (a CloudFront distribution), carried
 * in question.json to the snapshot `import` makes; an edited question.json is refused as collect-script would refuse it.
 */

const distributionArn = 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE';
const caller = {UserId: 'AIDAEXAMPLE', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ops'};

const importQuestion = (question: object) =>
	bundleToSnapshot(new Map([['question.json', JSON.stringify(question)], ['sts-get-caller-identity.json', JSON.stringify(caller)], ['sts-get-caller-identity.exit', '0\n']]));

describe('collect-script --distribution-arn, --origin-access, --origin-type', () => {
	const options = validateCollectOptions({operation: 'cloudfront-download', bucket: 'acme-site', objectKey: 'index.html', distributionArn, originAccess: 'oac', originType: 'rest'});

	it('writes the distribution into question.json, and import puts it in the snapshot', () => {
		if (!options.ok) throw new Error(options.error.message);
		const question = bundleQuestionOf(options.value);
		expect(question.distribution).toEqual({arn: distributionArn, originAccess: 'origin-access-control', originType: 's3-rest'});
		expect(renderCollectScript(options.value)).toContain(`"distribution":{"arn":"${distributionArn}"`);
		const imported = importQuestion(question);
		if (!imported.ok) throw new Error(imported.error.message);
		expect(imported.value.snapshot.distribution).toEqual({arn: distributionArn, originAccess: 'origin-access-control', originType: 's3-rest'});
	});

	it('refuses them for an operation CloudFront does not make, and a bad ARN, in one line', () => {
		expect(validateCollectOptions({operation: 'download', bucket: 'acme-site', objectKey: 'index.html', distributionArn})).toMatchObject({
			ok: false,
			error: {message: '--distribution-arn, --origin-access and --origin-type describe a CloudFront distribution: give them with --operation cloudfront-download or cloudfront-upload'},
		});
		const bad = validateCollectOptions({operation: 'cloudfront-download', bucket: 'acme-site', objectKey: 'index.html', distributionArn: 'EDFDVBD6EXAMPLE'});
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error.message).toMatch(/--distribution-arn/);
	});

	it('refuses an edited question.json whose distribution is not one', () => {
		const base = {format: 's3-kms-doctor/bundle@1', operation: 'cloudfront-download', bucket: 'acme-site', objectKey: 'index.html'};
		expect(importQuestion({...base, distribution: {arn: 'arn:aws:s3:::acme-site'}})).toMatchObject({ok: false, error: {message: 'question.json: "distribution": "arn" is not a CloudFront distribution ARN'}});
		expect(importQuestion({...base, distribution: {originAccess: 'public'}})).toMatchObject({ok: false});
	});
});
