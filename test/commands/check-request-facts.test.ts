import {describe, expect, it} from 'vitest';
import {checkRequestFactFlags, withRequestFacts} from '../../source/commands/check-request-facts.js';
import {CliError} from '../../source/commands/cli-error.js';
import {buildSnapshot} from '../diagnosis/support/build-snapshot.js';

/** check's CloudFront flags: given facts that join the collected snapshot. */

const distributionArn = 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE';

describe('check --distribution-arn, --origin-access, --origin-type', () => {
	const collected = buildSnapshot({question: {operation: 'cloudfront-download'}, unread: [{path: 'principal.identityPolicies', reason: 'denied'}, {path: 'key.policy', reason: 'denied'}]});

	it('puts the distribution into the snapshot, and drops the profile\'s own principal: CloudFront makes the request', () => {
		const snapshot = withRequestFacts(collected, {distributionArn, originAccess: 'oai', originType: 'rest'});
		expect(snapshot.distribution).toEqual({arn: distributionArn, originAccess: 'origin-access-identity', originType: 's3-rest'});
		expect(snapshot.principal).toBeUndefined();
		expect(snapshot.unread).toEqual([{path: 'key.policy', reason: 'denied'}]);
	});

	it('keeps the principal of an operation the caller makes', () => {
		const upload = buildSnapshot();
		expect(withRequestFacts(upload, {})).toEqual(upload);
	});

	it('refuses a distribution ARN that is not one, in one line naming the flag', () => {
		expect(() => withRequestFacts(collected, {distributionArn: 'EDFDVBD6EXAMPLE'})).toThrow(
			new CliError('--distribution-arn "EDFDVBD6EXAMPLE" is not a CloudFront distribution ARN: give the whole ARN: arn:aws:cloudfront::ACCOUNT:distribution/EDFDVBD6EXAMPLE'),
		);
	});

	it('refuses the flags with another operation rather than ignoring them', () => {
		expect(() => checkRequestFactFlags('download', {distributionArn})).toThrow(/--operation cloudfront-download or cloudfront-upload/);
		expect(() => checkRequestFactFlags('cloudfront-download', {distributionArn})).not.toThrow();
		expect(() => checkRequestFactFlags('download', {})).not.toThrow();
	});
});
