import {describe, expect, it} from 'vitest';
import {describeNameError, parsePrincipalArn} from '../../source/names/index.js';

const problem = (text: string): string | undefined => {
	const result = parsePrincipalArn(text);
	return result.ok ? undefined : describeNameError(text, result.error);
};

// IAM User Guide, IAM identifiers: "The following examples show ARNs for different types of IAM resources."
describe('principal ARNs', () => {
	it('"The AWS account - the account itself: arn:aws:iam::123456789012:root"', () => {
		expect(parsePrincipalArn('arn:aws:iam::123456789012:root')).toEqual({ok: true, value: {text: 'arn:aws:iam::123456789012:root', partition: 'aws', account: '123456789012', kind: 'root'}});
	});

	it('"An IAM user in the account: arn:aws:iam::123456789012:user/Bob", also with a path', () => {
		const bob = parsePrincipalArn('arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob');
		expect(bob.ok && bob.value).toMatchObject({kind: 'user', path: '/division_abc/subdivision_xyz/', name: 'Bob'});
		const plain = parsePrincipalArn('arn:aws:iam::123456789012:user/Bob');
		expect(plain.ok && plain.value).toMatchObject({kind: 'user', path: '/', name: 'Bob'});
	});

	it('"An IAM role: arn:aws:iam::123456789012:role/S3Access", and the paths IAM Identity Center gives its roles', () => {
		const sso = parsePrincipalArn('arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_DataEngineer_1a2b3c');
		expect(sso.ok && sso.value).toMatchObject({kind: 'role', path: '/aws-reserved/sso.amazonaws.com/', name: 'AWSReservedSSO_DataEngineer_1a2b3c'});
	});

	it('"The active session of someone assuming the role of "Accounting-Role", with a role session name of "Mary": arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary"', () => {
		const mary = parsePrincipalArn('arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary');
		expect(mary.ok && mary.value).toMatchObject({kind: 'assumed-role', roleName: 'Accounting-Role', sessionName: 'Mary', account: '123456789012'});
		expect(parsePrincipalArn('arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com').ok).toBe(true);
	});

	it('"A federated user identified in IAM as "Bob": arn:aws:sts::123456789012:federated-user/Bob"', () => {
		const bob = parsePrincipalArn('arn:aws:sts::123456789012:federated-user/Bob');
		expect(bob.ok && bob.value).toMatchObject({kind: 'federated-user', name: 'Bob'});
	});

	it('names of users and roles "must be alphanumeric, including the following common characters: plus (+), equal (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)"', () => {
		expect(parsePrincipalArn('arn:aws:iam::123456789012:user/a+b=c,d.e@f_g-h').ok).toBe(true);
		expect(problem('arn:aws:iam::123456789012:user/my user')).toMatch(/is not an IAM user, role or assumed-role ARN: IAM names have letters, digits and \+ = , \. @ _ -$/);
		expect(problem('arn:aws:sts::123456789012:assumed-role/Admin/my session')).toMatch(/IAM names have letters/);
	});

	it('every problem names what to give instead', () => {
		expect(problem('Uploader')).toBe(
			'"Uploader" is not an IAM user, role or assumed-role ARN: as aws sts get-caller-identity shows it, such as arn:aws:iam::111122223333:role/Uploader or arn:aws:sts::111122223333:assumed-role/Uploader/alice',
		);
		expect(problem('arn:aws:iam::1234:role/Uploader')).toMatch(/its account "1234" is not 12 digits$/);
		expect(problem('arn:aws:iam::123456789012:group/Developers')).toMatch(/an IAM caller ARN names user\/NAME, role\/NAME or root$/);
		expect(problem('arn:aws:sts::123456789012:assumed-role/Admin')).toMatch(/an STS caller ARN reads arn:aws:sts::ACCOUNT:assumed-role\/ROLE\/SESSION$/);
		expect(problem('arn:aws:s3:::bucket')).toMatch(/as aws sts get-caller-identity shows it/);
	});
});
