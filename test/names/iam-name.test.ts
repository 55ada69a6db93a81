import {describe, expect, it} from 'vitest';
import {describeNameError, isIamName, parseIamName, parseInlinePolicyName} from '../../source/names/index.js';

// IAM API Reference, GetRolePolicy / GetUserPolicy / GetGroupPolicy: RoleName and UserName 1–64, GroupName and
// PolicyName 1–128, each "[\w+=,.@-]+".
describe('IAM names', () => {
	it('takes letters, digits and + = , . @ _ -', () => {
		expect(isIamName('S3-Uploader_v2+ops=a,b.c@corp', 'role')).toBe(true);
		expect(isIamName('', 'policy')).toBe(false);
	});

	it('holds roles and users to 64 characters, groups and policies to 128', () => {
		expect(isIamName('r'.repeat(64), 'role')).toBe(true);
		expect(isIamName('r'.repeat(65), 'user')).toBe(false);
		expect(isIamName('g'.repeat(128), 'group')).toBe(true);
		expect(isIamName('p'.repeat(129), 'policy')).toBe(false);
		const long = parseIamName('r'.repeat(65), 'role');
		expect(!long.ok && describeNameError('…', long.error)).toBe('"…" is not an IAM role name: it has 65 characters, IAM allows 64');
	});

	it('refuses white space, control characters and shell syntax', () => {
		for (const text of ['my role', 'ops\u001b[31m', '$(touch /tmp/x)', "a'b", 'a;b', 'a/b', 'a:b', 'ünicode']) expect(isIamName(text, 'policy'), text).toBe(false);
	});

	it('an inline policy as get-role-policy names it, or which of its two names is not one', () => {
		expect(parseInlinePolicyName('role', 'Uploader', 'uploads')).toEqual({ok: true, value: {owner: 'role', ownerName: 'Uploader', policyName: 'uploads'}});
		const owner = parseInlinePolicyName('group', 'ops team', 'uploads');
		expect(!owner.ok && owner.error.expected).toBe('an IAM group name');
		const policy = parseInlinePolicyName('user', 'john', '$(id)');
		expect(!policy.ok && policy.error.expected).toBe('an IAM policy name');
	});
});
