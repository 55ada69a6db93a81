import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {allow, bucketArn, deny, policy, sameAccountDownload, userArn} from './support/build-snapshot.js';

/**
 * aws:SecureTransport is evaluated as true (the AWS CLI, SDKs and console send HTTPS): an assumption, which the report
 * names wherever a statement that bears on the request tests the key.
 */

const download = sameAccountDownload({});

describe('aws:SecureTransport', () => {
	const tlsOnly = policy(
		allow('s3:GetObject', `${bucketArn}/*`, {Principal: {AWS: userArn}}),
		deny('s3:*', `${bucketArn}/*`, {Sid: 'TlsOnly', Principal: '*', Condition: {Bool: {'aws:SecureTransport': 'false'}}}),
	);

	it('is named as an assumption where a statement that bears on the request tests it', () => {
		const diagnosis = diagnose(sameAccountDownload({bucket: {policy: tlsOnly}}));
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.assumptions.find(assumption => assumption.id === 'https')?.statement).toMatch(/sent over HTTPS \(aws:SecureTransport true\)/);
	});

	it('is no assumption when the context gives it, nor where no statement tests it', () => {
		expect(diagnose(sameAccountDownload({bucket: {policy: tlsOnly}, requestContext: {'aws:SecureTransport': true}})).assumptions.map(assumption => assumption.id)).not.toContain('https');
		expect(diagnose(download).assumptions.map(assumption => assumption.id)).not.toContain('https');
		});
});
