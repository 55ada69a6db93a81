import {describe, expect, it} from 'vitest';
import {analyse} from '../../source/diagnosis/analyse.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import {isLeastPrivilege, proves} from '../../source/diagnosis/fixes/proof.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, bucketArn, buildSnapshot, deny, keyArn, named, objectArn, policy, region, userArn} from './support/build-snapshot.js';

/** The safety checks of the fixes module itself: breaking either must fail a test here. */

describe('isLeastPrivilege', () => {
	type Checked = Pick<Fix, 'place' | 'kind' | 'statement' | 'statements'>;
	const identity = (statement: Record<string, unknown>): Checked => ({place: 'identity-policy', kind: 'add-allow', statement, statements: [statement]});
	const keyPolicy = (statement: Record<string, unknown>): Checked => ({place: 'key-policy', kind: 'add-allow', statement, statements: [statement]});
	const exact = {Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keyArn};

	it('accepts exact actions on exactly the resources the request names', () => {
		expect(isLeastPrivilege(identity(exact), [keyArn])).toBe(true);
		expect(isLeastPrivilege(identity({Effect: 'Allow', Action: 's3:PutObject', Resource: objectArn}), [objectArn])).toBe(true);
		expect(isLeastPrivilege(keyPolicy({...exact, Principal: {AWS: userArn}, Resource: '*'}), [keyArn])).toBe(true);
	});

	it.each([
		['kms:*', {...exact, Action: ['kms:*']}],
		['s3:*', {...exact, Action: 's3:*'}],
		['a * in an action (kms:GenerateDataKey*, as AWS examples write it)', {...exact, Action: ['kms:GenerateDataKey*']}],
		['a ? in an action', {...exact, Action: ['kms:Decryp?']}],
		['NotAction', {Effect: 'Allow', NotAction: 'iam:*', Resource: keyArn}],
		['NotResource', {Effect: 'Allow', Action: ['kms:Decrypt'], NotResource: bucketArn}],
		['Resource "*" outside a key policy', {...exact, Resource: '*'}],
		['a resource wider than the request (the whole bucket)', {...exact, Action: ['s3:PutObject'], Resource: `${bucketArn}/*`}],
		['a resource the request does not name', {...exact, Resource: `${keyArn}-other`}],
	])('rejects %s', (_name, statement) => {
		expect(isLeastPrivilege(identity(statement), [keyArn, objectArn])).toBe(false);
	});

	it.each([
		['Principal "*"', {...exact, Principal: '*', Resource: '*'}],
		['Principal {"AWS": "*"}', {...exact, Principal: {AWS: '*'}, Resource: '*'}],
		['a key ARN instead of "*" (in a key policy, "*" is the key)', {...exact, Principal: {AWS: userArn}, Resource: [keyArn, '*']}],
	])('in a key policy, rejects %s', (_name, statement) => {
		expect(isLeastPrivilege(keyPolicy(statement), [keyArn])).toBe(false);
	});

	// Two rounds merged into one fix add two statements: the second is judged as the first is.
	it('rejects an add-allow whose later statement is wider, though its first is exact', () => {
		const wide = {...exact, Action: ['kms:*']};
		expect(isLeastPrivilege({...identity(exact), statements: [exact, {Effect: 'Allow', Action: 's3:PutObject', Resource: objectArn}]}, [keyArn, objectArn])).toBe(true);
		expect(isLeastPrivilege({...identity(exact), statements: [exact, wide]}, [keyArn])).toBe(false);
	});

	it('rejects a narrowed Deny that adds a wide Allow beside it; the narrowed Deny itself is no Allow to judge', () => {
		const narrowed = {Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: {ArnNotEquals: {'aws:PrincipalArn': userArn}}};
		const added = {...exact, Principal: {AWS: userArn}, Resource: '*'};
		const fix = (statements: Record<string, unknown>[]): Checked => ({place: 'key-policy', kind: 'narrow-deny', statement: narrowed, statements: [narrowed, ...statements]});
		expect(isLeastPrivilege(fix([added]), [keyArn])).toBe(true);
		expect(isLeastPrivilege(fix([{...added, Action: 'kms:*'}]), [keyArn])).toBe(false);
		expect(isLeastPrivilege(fix([{...added, Principal: '*'}]), [keyArn])).toBe(false);
	});

	it('judges the Allow an add-allow adds, not the owner\'s statement a correction folded into it rewrote; a wide added Allow still fails', () => {
		// The owner's own Allow, its encryption context corrected where it stands: kms:* is theirs, not the fix's.
		const owners = {Effect: 'Allow', Principal: {AWS: userArn}, Action: 'kms:*', Resource: '*', Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': [`${bucketArn}/*`, bucketArn]}}};
		const added = {...exact, Principal: {AWS: userArn}, Resource: '*'};
		const merged = (statement: Record<string, unknown>) => ({...keyPolicy(statement), statements: [statement, owners], corrected: [owners]});
		expect(isLeastPrivilege(merged(added), [keyArn])).toBe(true);
		expect(isLeastPrivilege({...merged(added), corrected: []}, [keyArn])).toBe(false);
		expect(isLeastPrivilege(merged({...added, Action: 'kms:*'}), [keyArn])).toBe(false);
	});
});

describe('proves', () => {
	// The caller's IAM policy lacks the KMS Allow, and another of its policies denies KMS calls made through AWS services.
	const snapshot: Snapshot = buildSnapshot({
		principal: {
			identityPolicies: [
				named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`))),
				named('NoServiceCalls', policy(deny('kms:*', '*', {Sid: 'NoViaService', Condition: {Bool: {'aws:ViaAWSService': 'true'}}}))),
			],
		},
	});
	const before = analyse(snapshot);
	const gdk = 'kms:GenerateDataKey@destination#identity-policy';
	const addKmsAllow = (target: Snapshot): Snapshot => ({
		...target,
		principal: {...target.principal!, identityPolicies: [...target.principal!.identityPolicies!, named('Kms', policy(allow('kms:GenerateDataKey', keyArn, {Condition: {StringEquals: {'kms:ViaService': `s3.${region}.amazonaws.com`}}})))]},
	});

	it('reports an Allow unproven when a Deny beside it keeps its row from ✔', () => {
		expect(before.requirements.find(row => `${row.actionId}#${row.place}` === gdk)?.status).toBe('denied');
		expect(proves({resolves: [gdk], apply: addKmsAllow}, snapshot, before).proven).toBe(false);
	});

	it('proves the same Allow once the Deny is gone', () => {
		const withoutDeny = buildSnapshot({principal: {identityPolicies: [named('Write', policy(allow('s3:PutObject', `${bucketArn}/*`)))]}});
		expect(proves({resolves: [gdk], apply: addKmsAllow}, withoutDeny, analyse(withoutDeny)).proven).toBe(true);
	});

	it('proves nothing for a fix that targets no row, or that makes a decided row unknown', () => {
		expect(proves({resolves: [], apply: addKmsAllow}, snapshot, before).proven).toBe(false);
		const forgetKeyPolicy = (target: Snapshot): Snapshot => ({...target, key: {...target.key!, policy: undefined as never}});
		expect(proves({resolves: ['s3:PutObject@destination#identity-policy'], apply: forgetKeyPolicy}, snapshot, before).proven).toBe(false);
	});
});
