import {describe, expect, it} from 'vitest';
import {accountIdOfArn, describeNameError, isAccountId, isRegion, parseAccountId, parseOrganizationId, parseRegion, type Parsed} from '../../source/names/index.js';

const problem = (text: string, result: Parsed<unknown>): string | undefined => (result.ok ? undefined : describeNameError(text, result.error));

describe('account IDs', () => {
	it('"The regex pattern for an account ID string requires exactly 12 digits." (Organizations API Reference)', () => {
		expect(isAccountId('123456789012')).toBe(true);
		expect(isAccountId('012345678901')).toBe(true);
		expect(problem('12345678901', parseAccountId('12345678901'))).toBe('"12345678901" is not an AWS account ID: an account ID has 12 digits, this has 11');
		expect(problem('acme', parseAccountId('acme'))).toBe('"acme" is not an AWS account ID: an account ID is 12 digits, such as 111122223333');
	});

	it('takes the console\'s 1111-2222-3333 apart for the user', () => {
		expect(problem('1111-2222-3333', parseAccountId('1111-2222-3333'))).toBe('"1111-2222-3333" is not an AWS account ID: write it as 12 digits without spaces or hyphens: 111122223333');
	});

	it('"account is the AWS account ID with no hyphens (for example, 123456789012)": the account of any ARN', () => {
		expect(accountIdOfArn('arn:aws:iam::123456789012:user/Bob')).toBe('123456789012');
		expect(accountIdOfArn('arn:aws:kms:eu-west-1:123456789012:key/x')).toBe('123456789012');
		expect(accountIdOfArn('arn:aws:s3:::bucket')).toBeUndefined();
		expect(accountIdOfArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBeUndefined();
	});
});

describe('Regions', () => {
	it('KMS API Reference, MultiRegionKey Region: "Pattern: ^([a-z]+-){2,3}\\d+$"', () => {
		for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-7', 'us-gov-west-1', 'cn-north-1', 'il-central-1', 'us-isob-east-1', 'eusc-de-east-1']) {
			expect(isRegion(region), region).toBe(true);
		}
		for (const text of ['Ireland', 'us-east', 'us-east-1-a', 'a-b-c-d-e-1', 'us_east_1', '']) expect(isRegion(text), text).toBe(false);
	});

	it('says what to type when the text is nearly a Region', () => {
		expect(problem('EU-WEST-1', parseRegion('EU-WEST-1'))).toBe('"EU-WEST-1" is not a Region name such as eu-west-1 or us-east-1: Region names are lower case: eu-west-1');
		expect(problem('eu-west-1a', parseRegion('eu-west-1a'))).toBe('"eu-west-1a" is not a Region name such as eu-west-1 or us-east-1: eu-west-1a is an Availability Zone; its Region is eu-west-1');
		expect(problem('Ireland', parseRegion('Ireland'))).toBe('"Ireland" is not a Region name such as eu-west-1 or us-east-1');
	});
});

describe('organization IDs', () => {
	it('"The regex pattern for an organization ID string requires "o-" followed by from 10 to 32 lowercase letters or digits."', () => {
		expect(parseOrganizationId('o-a1b2c3d4e5').ok).toBe(true);
		expect(parseOrganizationId(`o-${'a'.repeat(32)}`).ok).toBe(true);
		expect(parseOrganizationId('o-a1b2c3d4').ok).toBe(false);
		expect(parseOrganizationId('o-A1B2C3D4E5').ok).toBe(false);
	});
});
