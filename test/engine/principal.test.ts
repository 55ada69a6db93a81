import {describe, expect, it} from 'vitest';
import type {PrincipalElement} from '../../source/engine/policy.js';
import {accountRootArn, matchPrincipal, notPrincipalExcludes, parseCaller} from '../../source/engine/principal.js';

const aws = (...entries: string[]): PrincipalElement => ({kind: 'set', aws: entries, service: [], federated: [], canonicalUser: []});
const service = (...entries: string[]): PrincipalElement => ({kind: 'set', aws: [], service: entries, federated: [], canonicalUser: []});

const session = parseCaller('arn:aws:sts::111122223333:assumed-role/App/s1');
const user = parseCaller('arn:aws:iam::111122223333:user/division/alice');
const role = parseCaller('arn:aws:iam::111122223333:role/App');

describe('parseCaller', () => {
	it('reads an assumed-role session: role name, session name, account', () => {
		expect(session).toEqual({
			arn: 'arn:aws:sts::111122223333:assumed-role/App/s1',
			kind: 'session',
			account: '111122223333',
			partition: 'aws',
			roleName: 'App',
			sessionName: 's1',
			name: 'App',
		});
	});

	it('reads users (with a path), roles, account roots and service principals', () => {
		expect(user).toMatchObject({kind: 'user', name: 'alice', account: '111122223333'});
		expect(role).toMatchObject({kind: 'role', name: 'App'});
		expect(parseCaller('arn:aws:iam::111122223333:root')).toMatchObject({kind: 'root', account: '111122223333'});
		expect(parseCaller('s3.amazonaws.com')).toMatchObject({kind: 'service', arn: 's3.amazonaws.com'});
		expect(parseCaller('arn:aws:sts::111122223333:federated-user/bob')).toMatchObject({kind: 'other', account: '111122223333'});
		expect(parseCaller('AIDAEXAMPLE')).toMatchObject({kind: 'other'});
	});

	it("names an account's root user in its partition", () => {
		expect(accountRootArn('111122223333', 'aws')).toBe('arn:aws:iam::111122223333:root');
		expect(accountRootArn('111122223333', 'aws-cn')).toBe('arn:aws-cn:iam::111122223333:root');
	});
});

describe('matchPrincipal', () => {
	it('matches "*" and {"AWS": "*"} as anyone', () => {
		expect(matchPrincipal({kind: 'any'}, session)).toBe('anyone');
		expect(matchPrincipal(aws('*'), user)).toBe('anyone');
	});

	it('matches an IAM user ARN exactly', () => {
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:user/division/alice'), user)).toBe('exact');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:user/alice'), user)).toBe('none');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:user/division/bob'), user)).toBe('none');
	});

	it('matches a role ARN to every session of the role, with or without a path', () => {
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/App'), session)).toBe('role');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/service/App'), session)).toBe('role');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/App'), parseCaller('arn:aws:sts::111122223333:assumed-role/App/other'))).toBe('role');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/Application'), session)).toBe('none');
		expect(matchPrincipal(aws('arn:aws:iam::444455556666:role/App'), session)).toBe('none');
	});

	// IAM, a role "arn:aws:iam::account:role/role-name-with-path"; a Principal naming a role that does not exist is refused
	// ("Invalid principal in policy"), and one whose role was deleted shows its unique ID: with the role's ARN known, a
	// Principal naming the same name at another path was saved for another role.
	it('with the session\'s role ARN known, matches only a Principal naming that ARN, path included', () => {
		const known = parseCaller('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:role/team/App');
		expect(known.roleArn).toBe('arn:aws:iam::111122223333:role/team/App');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/team/App'), known)).toBe('role');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:role/App'), known)).toBe('none');
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:root'), known)).toBe('account');
		// A role ARN that is not the session's own (another name or account) is not taken as its role.
		expect(parseCaller('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:role/Other').roleArn).toBeUndefined();
		expect(parseCaller('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::444455556666:role/App').roleArn).toBeUndefined();
	});

	it('matches an assumed-role ARN to that session only', () => {
		expect(matchPrincipal(aws('arn:aws:sts::111122223333:assumed-role/App/s1'), session)).toBe('exact');
		expect(matchPrincipal(aws('arn:aws:sts::111122223333:assumed-role/App/s2'), session)).toBe('none');
	});

	it('matches the account root and the bare account ID as the account (delegation to IAM)', () => {
		expect(matchPrincipal(aws('arn:aws:iam::111122223333:root'), session)).toBe('account');
		expect(matchPrincipal(aws('111122223333'), user)).toBe('account');
		expect(matchPrincipal(aws('444455556666'), user)).toBe('none');
		expect(matchPrincipal(aws('arn:aws:iam::444455556666:root'), session)).toBe('none');
	});

	it('prefers the most specific way a Principal names the caller', () => {
		expect(matchPrincipal(aws('111122223333', 'arn:aws:iam::111122223333:role/App'), session)).toBe('role');
		expect(matchPrincipal(aws('*', 'arn:aws:sts::111122223333:assumed-role/App/s1'), session)).toBe('exact');
		expect(matchPrincipal(aws('111122223333', '*'), session)).toBe('anyone');
	});

	it('matches service principals only by Service', () => {
		const s3 = parseCaller('s3.amazonaws.com');
		expect(matchPrincipal(service('s3.amazonaws.com'), s3)).toBe('service');
		expect(matchPrincipal(service('cloudtrail.amazonaws.com'), s3)).toBe('none');
		expect(matchPrincipal(service('s3.amazonaws.com'), session)).toBe('none');
	});
});

describe('notPrincipalExcludes (Deny with NotPrincipal)', () => {
	it('spares a session when its session ARN, role ARN and account are all listed; its account and role alone leave it unknown', () => {
		const all = aws('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:role/App', 'arn:aws:iam::111122223333:root');
		expect(notPrincipalExcludes(all, session)).toBe('yes');
		expect(notPrincipalExcludes(aws('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:root'), session)).toBe('no');
		// The account and the role listed, the session not: AWS documents the account's and the role's absence, not the session's.
		expect(notPrincipalExcludes(aws('arn:aws:iam::111122223333:role/App', 'arn:aws:iam::111122223333:root'), session)).toBe('unknown');
		expect(notPrincipalExcludes(aws('arn:aws:sts::111122223333:assumed-role/App/s1', 'arn:aws:iam::111122223333:role/App'), session)).toBe('no');
		expect(notPrincipalExcludes(all, parseCaller('arn:aws:sts::111122223333:assumed-role/App/s2'))).toBe('unknown');
	});

	it('accepts the bare account ID in place of the root ARN', () => {
		expect(notPrincipalExcludes(aws('arn:aws:iam::111122223333:user/division/alice', '111122223333'), user)).toBe('yes');
	});

	it('spares a user only with the account listed too', () => {
		expect(notPrincipalExcludes(aws('arn:aws:iam::111122223333:user/division/alice', 'arn:aws:iam::111122223333:root'), user)).toBe('yes');
		expect(notPrincipalExcludes(aws('arn:aws:iam::111122223333:user/division/alice'), user)).toBe('no');
	});

	it('spares the account root when its account is listed, and a service by Service', () => {
		expect(notPrincipalExcludes(aws('111122223333'), parseCaller('arn:aws:iam::111122223333:root'))).toBe('yes');
		expect(notPrincipalExcludes(service('s3.amazonaws.com'), parseCaller('s3.amazonaws.com'))).toBe('yes');
		expect(notPrincipalExcludes(aws('111122223333'), parseCaller('s3.amazonaws.com'))).toBe('no');
	});

	it('spares everyone with "*"', () => {
		expect(notPrincipalExcludes({kind: 'any'}, session)).toBe('yes');
	});
});
