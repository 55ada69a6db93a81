import {describe, expect, it} from 'vitest';
import {findPolicyArn, inText} from '../../source/names/index.js';

const all = (source: string, text: string): string[] => [...text.matchAll(new RegExp(source, 'g'))].map(match => match[1]!);

describe('names in free text', () => {
	it('finds ARNs, key IDs, aliases, account and Organizations IDs where they stand in a sentence', () => {
		const text =
			'Role arn:aws:iam::111122223333:role/Uploader used key 1234abcd-12ab-34cd-56ef-1234567890ab (mrk-1234abcd12ab34cd56ef1234567890ab, alias/uploads, not alias/aws/s3) of 444455556666 in o-a1b2c3d4e5.';
		expect(all(inText.arnInText, text)).toEqual(['arn:aws:iam::111122223333:role/Uploader']);
		expect(all(inText.singleRegionKeyIdInText, text)).toEqual(['1234abcd-12ab-34cd-56ef-1234567890ab']);
		expect(all(inText.multiRegionKeyIdInText, text)).toEqual(['mrk-1234abcd12ab34cd56ef1234567890ab']);
		expect(all(inText.customerAliasInText, text)).toEqual(['alias/uploads']);
		expect(all(inText.accountIdInText, text)).toEqual(['111122223333', '444455556666']);
		expect(all(inText.organizationIdInText, text)).toEqual(['o-a1b2c3d4e5']);
	});

	it('finds an IAM unique ID by its documented prefix ("AIDA IAM user", "AROA Role")', () => {
		expect(all(inText.uniqueIdInText, 'aws:userid AROAJQABLZS4A3QDU576Q:alice and AIDAJQABLZS4A3QDU576Q')).toEqual(['AROAJQABLZS4A3QDU576Q', 'AIDAJQABLZS4A3QDU576Q']);
	});

	it('finds the policy ARN a denial names, without the sentence\'s full stop', () => {
		expect(findPolicyArn('with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/DenyKms. Go to …')).toBe('arn:aws:iam::111122223333:policy/DenyKms');
		expect(findPolicyArn('in a service control policy: arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-a1b2c3d4')).toBe(
			'arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-a1b2c3d4',
		);
		expect(findPolicyArn('because no identity-based policy allows the kms:Decrypt action')).toBeUndefined();
	});
});
