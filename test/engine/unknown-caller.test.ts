import {describe, expect, it} from 'vitest';
import {evaluate} from '../../source/engine/evaluate.js';
import {parsePolicy} from '../../source/engine/parse-policy.js';
import type {Policy} from '../../source/engine/policy.js';

/**
 * A caller that is not known (`principal: ''`): a statement whose Principal names an account, a role or a user may or
 * may not name it, so it decides nothing either way. Only `"Principal": "*"` is known to name every caller.
 */

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const policyOf = (...statements: readonly Record<string, unknown>[]): Policy => {
	const parsed = parsePolicy({Version: '2012-10-17', Statement: statements}, 'key policy');
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
};

// Whose identity policies would count is not known either.
const unread = {unread: true, reason: 'the caller is not known', resolveWith: 'who signed the request'} as const;

const decide = (resource: Policy) =>
	evaluate({request: {principal: '', action: 'kms:Decrypt', resource: keyArn, context: {}, missingContextKeys: 'absent'}, policies: {identity: unread, resource}, service: 'kms'});

describe('a caller that is not known', () => {
	it('is neither allowed nor denied by a key policy that names an account', () => {
		const evaluation = decide(policyOf({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}));
		expect(evaluation.decision).toBe('unknown');
		const trace = evaluation.layers.find(layer => layer.layer === 'resource')?.policies[0]?.relevant[0];
		expect(trace?.reason).toBe('the caller is not known, so whether its Principal names the caller is not known');
	});

	it('is not denied by a Deny that names one role, and is not excluded by a NotPrincipal', () => {
		const allowAll = {Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*'};
		expect(decide(policyOf(allowAll, {Effect: 'Deny', Principal: {AWS: 'arn:aws:iam::111122223333:role/Blocked'}, Action: 'kms:*', Resource: '*'})).decision).toBe('unknown');
		expect(decide(policyOf(allowAll, {Effect: 'Deny', NotPrincipal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'})).decision).toBe('unknown');
	});

	it('is denied by a Deny for everyone', () => {
		expect(decide(policyOf({Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*'}, {Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*'})).decision).toBe('denied');
	});
});
