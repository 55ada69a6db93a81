import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {validateCollectOptions} from '../../source/outputs/collect-script/index.js';
import {useBundleRoundTrip} from '../support/bundle-round-trip.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, keys, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

/**
 * A presigned URL through collect-script → sh → aws → import: the script carries only the URL's facts and asks
 * sts get-access-key-info ("Returns the account identifier for the specified access key ID") for its signer's
 * account, so the bundle says whether the principal it reads can be the signer at all.
 */

const partnerKey = 'AKIAFAKEPARTNER00001';
const partnerAccount = '123456789012';
const state = useFakeAws({scenario: () => ({...sameAccountScenario(), foreignAccessKeys: {[partnerKey]: partnerAccount}}), files: sameAccountFiles});

const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKENFwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKEN0123456789abcdef';
const urlSignedWith = (accessKeyId: string): string =>
	`https://acme-uploads.s3.eu-west-1.amazonaws.com/reports/2024/q1.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${accessKeyId}%2F20261204%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261204T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`;

const roundTrip = useBundleRoundTrip();
const throughBundle = (url: string) => roundTrip({operation: 'presigned-download', presignedUrl: url}, {...state.home.env, AWS_PROFILE: 'ci'});

describe('collect-script --presigned-url', () => {
	it('takes the object from the URL, writes neither its signature nor its token, and sets aside a runner of another account than the key', async () => {
		const {script, files, snapshot, run} = await throughBundle(urlSignedWith(partnerKey));
		for (const text of [script, ...files.values()]) {
			expect(text).not.toContain(signature);
			expect(text).not.toContain(token);
			expect(text).not.toContain(encodeURIComponent(token));
		}
		expect(snapshot.question).toMatchObject({operation: 'presigned-download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'});
		expect(run.calls.map(call => call.argv.slice(0, 2).join(' '))).toContain('sts get-access-key-info');
		expect(run.calls.every(call => call.argv[0] === '--version' || /^(get|list|describe|head)-/.test(call.argv[1] ?? ''))).toBe(true);
		// A key of another account: the principal who ran the script is set aside, and the verdict is unknown.
		expect(snapshot.presignedUrl).toMatchObject({accessKeyId: partnerKey, signerAccount: partnerAccount});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(diagnosis.unknowns.map(note => note.resolveWith)).toContain(`a profile of the signer in account ${partnerAccount}`);
	});

	it('a key of the same account: diagnosed as the principal, which the report lists as an assumption', async () => {
		const {snapshot} = await throughBundle(urlSignedWith(keys.alice.accessKeyId));
		expect(snapshot.presignedUrl?.signerAccount).toBe(accounts.app);
		const assumed = diagnose(snapshot).assumptions.find(candidate => candidate.id === 'signer-is-principal');
		expect(assumed?.because).toContain(`that key is of the same account, ${accounts.app} (sts:GetAccessKeyInfo)`);
	});

	it('refuses a URL for another operation, and --bucket or --key that differ from it, in one line', () => {
		expect(validateCollectOptions({operation: 'download', presignedUrl: urlSignedWith(partnerKey)})).toMatchObject({ok: false, error: {message: '--presigned-url is only for --operation presigned-download or presigned-upload'}});
		expect(validateCollectOptions({operation: 'presigned-download', bucket: 'other-bucket', presignedUrl: urlSignedWith(partnerKey)})).toMatchObject({
			ok: false,
			error: {message: '--bucket and --key must name the object the --presigned-url is for (or leave them out: the URL names it)'},
		});
	});
});
