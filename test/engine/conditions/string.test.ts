import {describe, expect, it} from 'vitest';
import {compareString} from '../../../source/engine/conditions/string.js';
import {check, result} from './helpers.js';

describe('StringEquals', () => {
	// IAM guide: "aws:PrincipalTag/job-category": "iamuser-admin".
	const key = 'aws:PrincipalTag/job-category';

	it('matches the exact value', () => {
		expect(result('StringEquals', key, 'iamuser-admin', {[key]: 'iamuser-admin'})).toBe('yes');
	});

	it('is case-sensitive', () => {
		expect(result('StringEquals', key, 'iamuser-admin', {[key]: 'IAMUser-Admin'})).toBe('no');
	});

	it('does not treat * as a wildcard', () => {
		expect(result('StringEquals', 'ec2:InstanceType', 't2.*', {'ec2:InstanceType': 't2.micro'})).toBe('no');
		expect(result('StringEquals', 'ec2:InstanceType', 't2.*', {'ec2:InstanceType': 't2.*'})).toBe('yes');
	});

	it('ORs the policy values', () => {
		const values = ['s3.eu-west-1.amazonaws.com', 's3.us-east-1.amazonaws.com'];
		expect(result('StringEquals', 'kms:ViaService', values, {'kms:ViaService': 's3.us-east-1.amazonaws.com'})).toBe('yes');
		expect(result('StringEquals', 'kms:ViaService', values, {'kms:ViaService': 's3.us-west-2.amazonaws.com'})).toBe('no');
	});

	it('fails when the key is not in the request (a user without the tag)', () => {
		const trace = check('StringEquals', key, 'iamuser-admin', {});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:PrincipalTag/job-category is not in the request, so StringEquals does not match');
	});

	it('names the key, the actual and the expected values in its reason', () => {
		const trace = check('StringEquals', 'kms:ViaService', 's3.eu-west-1.amazonaws.com', {
			'kms:ViaService': 's3.us-east-1.amazonaws.com',
		});
		expect(trace.reason).toBe(
			'kms:ViaService is "s3.us-east-1.amazonaws.com", which is not one of "s3.eu-west-1.amazonaws.com"',
		);
		expect(trace.actual).toEqual({state: 'present', values: ['s3.us-east-1.amazonaws.com'], multiValued: false});
	});

	it('substitutes policy variables as plain text', () => {
		expect(result('StringEquals', 'aws:PrincipalTag/owner', '${aws:username}', {'aws:PrincipalTag/owner': 'bob', 'aws:username': 'bob'})).toBe('yes');
		expect(result('StringEquals', 'aws:PrincipalTag/owner', '${aws:username}', {'aws:PrincipalTag/owner': 'bob', 'aws:username': 'alice'})).toBe('no');
		// ${*} is a literal asterisk, and a variable's own * stays literal.
		expect(result('StringEquals', 's3:prefix', 'a${*}', {'s3:prefix': 'a*'})).toBe('yes');
	});

	it('uses the default of a policy variable whose key is absent', () => {
		expect(result('StringEquals', 'aws:PrincipalTag/team', "${aws:username, 'nobody'}", {'aws:PrincipalTag/team': 'nobody'})).toBe('yes');
	});
});

describe('StringNotEquals', () => {
	// The SSE-KMS deny: { "StringNotEquals": { "s3:x-amz-server-side-encryption": "aws:kms" } }.
	const key = 's3:x-amz-server-side-encryption';

	it('holds for another value: the deny fires for AES256', () => {
		const trace = check('StringNotEquals', key, 'aws:kms', {[key]: 'AES256'});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('s3:x-amz-server-side-encryption is "AES256", which is not one of "aws:kms", so StringNotEquals matches');
	});

	it('fails for the listed value', () => {
		expect(result('StringNotEquals', key, 'aws:kms', {[key]: 'aws:kms'})).toBe('no');
		expect(result('StringNotEquals', key, ['AES256', 'aws:kms'], {[key]: 'aws:kms'})).toBe('no');
	});

	it('holds when the header is absent, so the deny fires', () => {
		const trace = check('StringNotEquals', key, 'aws:kms', {});
		expect(trace.result).toBe('yes');
		expect(trace.reason).toBe('s3:x-amz-server-side-encryption is not in the request, and StringNotEquals counts a missing key as a match');
	});

	it('is case-sensitive', () => {
		expect(result('StringNotEquals', key, 'aws:kms', {[key]: 'AWS:KMS'})).toBe('yes');
	});
});

describe('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase', () => {
	it('ignore case', () => {
		expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {'aws:PrincipalTag/dept': 'FINANCE'})).toBe('yes');
		expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {'aws:PrincipalTag/dept': 'Legal'})).toBe('no');
		expect(result('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {'aws:PrincipalTag/dept': 'finance'})).toBe('no');
		expect(result('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {'aws:PrincipalTag/dept': 'Legal'})).toBe('yes');
	});

	it('do not treat * as a wildcard', () => {
		expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Fin*', {'aws:PrincipalTag/dept': 'finance'})).toBe('no');
	});

	it('say so in the reason', () => {
		expect(check('StringEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {'aws:PrincipalTag/dept': 'Legal'}).reason).toBe(
			'aws:PrincipalTag/dept is "Legal", which is not one of "Finance" (ignoring case)',
		);
	});

	it('count a missing key like the other operators', () => {
		expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {})).toBe('no');
		expect(result('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/dept', 'Finance', {})).toBe('yes');
	});
});

describe('StringLike', () => {
	it('matches * as any run of characters and ? as one character', () => {
		const values = ['t1.*', 't2.*', 'm3.*'];
		expect(result('StringLike', 'ec2:InstanceType', values, {'ec2:InstanceType': 't2.micro'})).toBe('yes');
		expect(result('StringLike', 'ec2:InstanceType', values, {'ec2:InstanceType': 'c5.large'})).toBe('no');
		expect(result('StringLike', 'ec2:InstanceType', 't?.micro', {'ec2:InstanceType': 't3.micro'})).toBe('yes');
		expect(result('StringLike', 'ec2:InstanceType', 't?.micro', {'ec2:InstanceType': 't3a.micro'})).toBe('no');
	});

	it('must match the whole value and is case-sensitive', () => {
		expect(result('StringLike', 's3:prefix', 'home/', {'s3:prefix': 'home/bob/'})).toBe('no');
		expect(result('StringLike', 's3:prefix', 'Home/*', {'s3:prefix': 'home/bob/'})).toBe('no');
	});

	// IAM guide: the home-directory policy, "s3:prefix": ["", "home/", "home/${aws:username}/"].
	const homeValues = ['', 'home/', 'home/${aws:username}/'];

	it('substitutes policy variables (the home-directory example)', () => {
		expect(result('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/bob/', 'aws:username': 'bob'})).toBe('yes');
		expect(result('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/alice/', 'aws:username': 'bob'})).toBe('no');
		expect(result('StringLike', 's3:prefix', homeValues, {'s3:prefix': '', 'aws:username': 'bob'})).toBe('yes');
	});

	it('is unknown when the variable that decides is unknown', () => {
		const trace = check('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/bob/'}, 'unknown');
		expect(trace.result).toBe('unknown');
		expect(trace.reason).toBe(
			's3:prefix is "home/bob/", but whether it matches one of "", "home/", "home/${aws:username}/" depends on aws:username, which is not known for this request',
		);
	});

	it('is decided by another value even if a variable is unknown', () => {
		expect(result('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/'}, 'unknown')).toBe('yes');
	});

	it('cannot match a value whose variable key is absent, and says why', () => {
		const trace = check('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/bob/'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toContain('(aws:username is not in the request, so "home/${aws:username}/" matches nothing)');
	});

	it('keeps * from a variable and ${*} literal', () => {
		const pattern = 'home/${aws:username}/*';
		expect(result('StringLike', 's3:prefix', pattern, {'s3:prefix': 'home/b*/x', 'aws:username': 'b*'})).toBe('yes');
		expect(result('StringLike', 's3:prefix', pattern, {'s3:prefix': 'home/bob/x', 'aws:username': 'b*'})).toBe('no');
		expect(result('StringLike', 's3:prefix', 'a${*}b', {'s3:prefix': 'a*b'})).toBe('yes');
		expect(result('StringLike', 's3:prefix', 'a${*}b', {'s3:prefix': 'axb'})).toBe('no');
		expect(result('StringLike', 's3:prefix', 'a${?}', {'s3:prefix': 'ab'})).toBe('no');
	});

	it('treats a backslash in the policy as a literal character', () => {
		expect(result('StringLike', 's3:prefix', 'C:\\temp\\*', {'s3:prefix': 'C:\\temp\\file'})).toBe('yes');
		// `a\*` is "a", a backslash, then any run: IAM has no escape character.
		expect(result('StringLike', 's3:prefix', 'a\\*', {'s3:prefix': 'a*'})).toBe('no');
		expect(result('StringLike', 's3:prefix', 'a\\*', {'s3:prefix': 'a\\xyz'})).toBe('yes');
	});
});

describe('StringNotLike', () => {
	it('holds when no pattern matches, and when the key is missing', () => {
		expect(result('StringNotLike', 's3:prefix', ['home/*', 'public/*'], {'s3:prefix': 'private/x'})).toBe('yes');
		expect(result('StringNotLike', 's3:prefix', ['home/*', 'public/*'], {'s3:prefix': 'public/x'})).toBe('no');
		expect(result('StringNotLike', 's3:prefix', ['home/*'], {})).toBe('yes');
	});

	it('words its reason with "any of"', () => {
		expect(check('StringNotLike', 's3:prefix', ['home/*', 'public/*'], {'s3:prefix': 'private/x'}).reason).toBe(
			's3:prefix is "private/x", which does not match any of "home/*", "public/*", so StringNotLike matches',
		);
	});
});

describe('compareString', () => {
	it('compares one value with one policy value', () => {
		expect(compareString('equals', 'a', 'a')).toBe(true);
		expect(compareString('equals', 'a', 'A')).toBe(false);
		expect(compareString('equalsIgnoreCase', 'Bob', 'bOB')).toBe(true);
		expect(compareString('like', 'abc', 'a*')).toBe(true);
		expect(compareString('like', 'abc', 'b*')).toBe(false);
	});
});

/*
 * IAM User Guide, "Policy variables": "When the policy is evaluated, the policy variables are replaced with values that come
 * from the conditional context keys passed in the request." Whatever value a key whose value is not known would put in,
 * the written parts of the policy value stay: where a request value cannot match them, the key cannot change the answer.
 */
describe('a policy value whose variable is not known', () => {
	const homeValues = ['home/', 'home/${aws:username}/*'];

	it('does not match a request value that no value of the variable could match, and does not ask for the key', () => {
		const trace = check('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'reports/'}, 'unknown');
		expect(trace.result).toBe('no');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe(
			's3:prefix is "reports/", which does not match any of "home/", "home/${aws:username}/*" (whatever aws:username holds, "home/${aws:username}/*" cannot match)',
		);
	});

	it('stays unknown, naming the key, where some value of the variable could match', () => {
		const trace = check('StringLike', 's3:prefix', homeValues, {'s3:prefix': 'home/bob/2024/'}, 'unknown');
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toEqual(['aws:username']);
	});

	it('names every key not known at once when together they could match', () => {
		const trace = check('StringLike', 's3:prefix', '${aws:PrincipalTag/team}/${aws:username}/*', {'s3:prefix': 'blue/bob/x'}, 'unknown');
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toEqual(['aws:PrincipalTag/team', 'aws:username']);
	});

	it('keeps StringEquals literal around the variable: a written * is an asterisk, the case counts', () => {
		expect(result('StringEquals', 'aws:ResourceTag/path', 'home/${aws:username}/notes', {'aws:ResourceTag/path': 'home/bob/cv'}, 'unknown')).toBe('no');
		expect(result('StringEquals', 'aws:ResourceTag/path', 'home/${aws:username}/notes', {'aws:ResourceTag/path': 'home/bob/notes'}, 'unknown')).toBe('unknown');
		expect(result('StringEquals', 'aws:ResourceTag/path', 'a*${aws:username}', {'aws:ResourceTag/path': 'abc'}, 'unknown')).toBe('no');
		expect(result('StringEquals', 'aws:ResourceTag/path', 'a*${aws:username}', {'aws:ResourceTag/path': 'a*bob'}, 'unknown')).toBe('unknown');
		expect(result('StringEquals', 'aws:ResourceTag/path', 'Home/${aws:username}', {'aws:ResourceTag/path': 'home/bob'}, 'unknown')).toBe('no');
		expect(result('StringEqualsIgnoreCase', 'aws:ResourceTag/path', 'Home/${aws:username}', {'aws:ResourceTag/path': 'home/bob'}, 'unknown')).toBe('unknown');
		expect(result('StringEqualsIgnoreCase', 'aws:ResourceTag/path', 'Home/${aws:username}', {'aws:ResourceTag/path': 'work/bob'}, 'unknown')).toBe('no');
	});

	it('gives the negated operators a certain answer too', () => {
		expect(result('StringNotLike', 's3:prefix', 'home/${aws:username}/*', {'s3:prefix': 'reports/'}, 'unknown')).toBe('yes');
		expect(result('StringNotLike', 's3:prefix', 'home/${aws:username}/*', {'s3:prefix': 'home/bob/'}, 'unknown')).toBe('unknown');
	});

	it('reads ARN values as plain patterns, since a variable may put a colon anywhere', () => {
		const pattern = 'arn:aws:iam::${aws:PrincipalAccount}:role/*';
		expect(result('ArnLike', 'aws:PrincipalArn', pattern, {'aws:PrincipalArn': 'arn:aws:iam::123456789012:user/alice'}, 'unknown')).toBe('no');
		expect(result('ArnLike', 'aws:PrincipalArn', pattern, {'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/Admin'}, 'unknown')).toBe('unknown');
		expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::bucket/${aws:userid}', {'aws:SourceArn': 'arn:aws:s3:::bucket/AROAEXAMPLE:s1'}, 'unknown')).toBe('unknown');
	});

	it('leaves operators without a pattern reading unknown (Bool)', () => {
		expect(result('Bool', 'aws:SecureTransport', '${aws:PrincipalTag/tls}', {'aws:SecureTransport': 'true'}, 'unknown')).toBe('unknown');
	});

	it('matches nothing when a later variable has no value and no default', () => {
		const trace = check('StringLike', 's3:prefix', '${aws:username}/${aws:PrincipalTag/team}/*', {'s3:prefix': 'bob/blue/x', 'aws:PrincipalTag/team': null}, 'unknown');
		expect(trace.result).toBe('no');
		expect(trace.reason).toContain('(aws:PrincipalTag/team is not in the request, so "${aws:username}/${aws:PrincipalTag/team}/*" matches nothing)');
	});
});
