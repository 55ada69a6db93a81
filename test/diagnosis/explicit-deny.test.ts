import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix} from '../../source/diagnosis/diagnosis.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../../source/snapshot/snapshot.js';
import {
	MiB,
	account,
	allow,
	bucketArn,
	buildSnapshot,
	deny,
	enableIam,
	fullIdentityPolicy,
	keyArn,
	named,
	policy,
	region,
	roleArn,
	sessionArn,
	userArn,
} from './support/build-snapshot.js';
import {applyFix, decisions, expectFixesHold, requirementOf} from './support/fix-checks.js';

/** An explicit Deny wins over every Allow; its fix narrows the Deny, never adds an Allow. */

const put = 's3:PutObject@destination';
const gdk = 'kms:GenerateDataKey@destination';
const decrypt = 'kms:Decrypt@destination';

const fixesFor = (diagnosis: Diagnosis, id: string): Fix[] => diagnosis.fixes.filter(fix => fix.resolves.includes(id));

describe('a key policy Deny', () => {
	const keyPolicy: PolicyJson = policy(
		enableIam(),
		deny('kms:Decrypt', '*', {Sid: 'NoDecryptForAlice', Principal: {AWS: userArn}}),
	);
	const snapshot = buildSnapshot({question: {sizeBytes: 100 * MiB}, key: {policy: keyPolicy}});
	const diagnosis = diagnose(snapshot);

	it('denies with decidedBy naming the statement, although the IAM policy allows', () => {
		expect(diagnosis.verdict).toBe('denied');
		expect(decisions(diagnosis)).toMatchObject({[gdk]: 'allowed', [decrypt]: 'denied'});
		const row = requirementOf(diagnosis, decrypt, 'key-policy');
		expect(row).toMatchObject({status: 'denied', decidedBy: 'key policy, Sid "NoDecryptForAlice"'});
		expect(row.why).toMatch(/denies kms:Decrypt explicitly; an explicit Deny overrides every Allow/);
		expect(row.statement).toEqual(keyPolicy['Statement'] && (keyPolicy['Statement'] as unknown[])[1]);
	});

	it('is fixed only by narrowing that Deny, never by adding an Allow', () => {
		const fixes = fixesFor(diagnosis, `${decrypt}#key-policy`);
		expect(fixes).toHaveLength(1);
		const [fix] = fixes;
		expect(fix).toMatchObject({kind: 'narrow-deny', place: 'key-policy', target: keyArn, proven: true});
		expect(fix!.summary).toContain('Sid "NoDecryptForAlice"');
		expect(fix!.statement).toMatchObject({Sid: 'NoDecryptForAlice', Effect: 'Deny', Condition: {ArnNotEquals: {'aws:PrincipalArn': userArn}}});
		expect(diagnosis.fixes.every(candidate => candidate.kind === 'narrow-deny')).toBe(true);
		expectFixesHold(snapshot, diagnosis);
		expect(diagnose(applyFix(snapshot, fix!)).verdict).toBe('allowed');
	});
});

describe('a bucket policy Deny', () => {
	const bucketPolicy: PolicyJson = policy(
		allow('s3:GetObject', `${bucketArn}/*`, {Sid: 'Readers', Principal: {AWS: `arn:aws:iam::${account}:root`}}),
		deny('s3:PutObject', `${bucketArn}/*`, {Sid: 'ReadOnlyBucket', Principal: '*', Condition: {ArnNotEquals: {'aws:PrincipalArn': `arn:aws:iam::${account}:role/Publisher`}}}),
	);
	const snapshot = buildSnapshot({bucket: {policy: bucketPolicy}});
	const diagnosis = diagnose(snapshot);

	it('denies s3:PutObject, naming the statement', () => {
		expect(decisions(diagnosis)).toMatchObject({[put]: 'denied', [gdk]: 'allowed'});
		expect(requirementOf(diagnosis, put, 'bucket-policy')).toMatchObject({status: 'denied', decidedBy: 'bucket policy, Sid "ReadOnlyBucket"'});
		expect(requirementOf(diagnosis, put, 'bucket-policy').conditions).toContainEqual(expect.objectContaining({operator: 'ArnNotEquals', key: 'aws:PrincipalArn', result: 'yes'}));
	});

	it('narrows the Deny by adding the caller to its existing exemption, other statements untouched', () => {
		const [fix] = fixesFor(diagnosis, `${put}#bucket-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', place: 'bucket-policy', target: bucketArn, proven: true});
		expect(fix!.statement!['Condition']).toEqual({ArnNotEquals: {'aws:PrincipalArn': [`arn:aws:iam::${account}:role/Publisher`, userArn]}});
		expect((fix!.policy!['Statement'] as unknown[])[0]).toEqual((bucketPolicy['Statement'] as unknown[])[0]);
		expectFixesHold(snapshot, diagnosis);
	});
});

describe('an IAM policy Deny', () => {
	const guard = (arn?: string): Snapshot =>
		buildSnapshot({
			principal: {
				identityPolicies: [fullIdentityPolicy(), named('Guardrail', policy(deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'})), arn)],
			},
		});

	it('in an inline policy: denied, and the narrowed policy goes back with put-user-policy', () => {
		const snapshot = guard();
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, gdk, 'identity-policy')).toMatchObject({status: 'denied', decidedBy: 'IAM policy "Guardrail", Sid "NoNewData"'});
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', place: 'identity-policy', policyName: 'Guardrail', target: userArn});
		expect(fix!.command).toMatch(/^aws iam put-user-policy --user-name 'alice' --policy-name 'Guardrail' /);
		expectFixesHold(snapshot, diagnosis);
	});

	it('in a managed policy: the command creates a new default version of it', () => {
		const arn = `arn:aws:iam::${account}:policy/Guardrail`;
		const snapshot = guard(arn);
		const diagnosis = diagnose(snapshot);
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', target: arn});
		expect(fix!.command).toMatch(/^aws iam create-policy-version --policy-arn '[^']+' --set-as-default --policy-document /);
		expectFixesHold(snapshot, diagnosis);
	});

	// IAM: for aws:PrincipalArn, "For IAM roles, the request context returns the ARN of the role, not the ARN of the user
	// that assumed the role"; a role's ARN is "arn:aws:iam::account:role/role-name-with-path", a session's
	// "arn:aws:sts::account:assumed-role/role-name/role-session-name".
	const guardedSession = (roleArnRead?: string): Snapshot =>
		buildSnapshot({
			principal: {
				arn: sessionArn,
				...(roleArnRead ? {roleArn: roleArnRead} : {}),
				sessionPolicy: null,
				identityPolicies: [fullIdentityPolicy(), named('Guardrail', policy(deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'})))],
			},
		});

	it('for a session whose role was read, exempts the role by its ARN, path included (aws:PrincipalArn of a session is its role)', () => {
		const withPath = `arn:aws:iam::${account}:role/team/Uploader`;
		const snapshot = guardedSession(withPath);
		const diagnosis = diagnose(snapshot);
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({target: withPath, proven: true});
		expect(fix!.statement).toMatchObject({Condition: {ArnNotEquals: {'aws:PrincipalArn': withPath}}});
		expect(fix!.command).toMatch(/^aws iam put-role-policy --role-name 'Uploader' /);
		expectFixesHold(snapshot, diagnosis);
	});

	it('for a session whose role was not read, exempts the role under any path, and never calls that proven', () => {
		const snapshot = guardedSession();
		const diagnosis = diagnose(snapshot);
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', target: 'role Uploader', proven: false});
		// Not the guess role/Uploader alone: with a path the role's ARN is role/PATH/Uploader, which that would not exempt.
		expect(fix!.statement).toMatchObject({Condition: {ArnNotLike: {'aws:PrincipalArn': [roleArn, `arn:aws:iam::${account}:role/*/Uploader`]}}});
		expect(fix!.statement!['Condition']).not.toHaveProperty('ArnNotEquals');
		expect(fix!.summary).toContain('no longer applies to role Uploader, whatever its path. Its ARN, path included, is not known');
		expect(fix!.summary).toContain('iam:GetRole on role Uploader');
		expect(fix!.command).toMatch(/^aws iam put-role-policy --role-name 'Uploader' /);
	});
});

describe("a Deny in one of the user's groups' inline policies", () => {
	const guardrail = policy(deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'}));
	// Live reads name a group's inline policy "group NAME: POLICY", a support bundle "group NAME/POLICY".
	const inGroup = (name: string, collectedBy?: 'live' | 'bundle' | 'manual', arn = userArn): Snapshot =>
		buildSnapshot({...(collectedBy ? {metadata: {collectedBy}} : {}), principal: {arn, sessionPolicy: null, identityPolicies: [fullIdentityPolicy(), named(name, guardrail)]}});

	for (const [name, collectedBy] of [['group Admins: Guardrail', 'live'], ['group Admins/Guardrail', 'bundle']] as const) {
		it(`"${name}" (${collectedBy}): the group's policy is rewritten with put-group-policy, and the proof re-reads it`, () => {
			const snapshot = inGroup(name, collectedBy);
			const diagnosis = diagnose(snapshot);
			const fixes = fixesFor(diagnosis, `${gdk}#identity-policy`);
			expect(fixes).toHaveLength(1);
			const [fix] = fixes;
			expect(fix).toMatchObject({kind: 'narrow-deny', place: 'identity-policy', target: 'group Admins', policyName: 'Guardrail', proven: true});
			expect(fix!.command).toMatch(/^aws iam put-group-policy --group-name 'Admins' --policy-name 'Guardrail' --policy-document /);
			expect(fix!.summary).toContain(`"${name}"`);
			// The user's own inline policies are not touched: no policy is added to them.
			expect(diagnosis.fixes.some(candidate => /put-user-policy/.test(candidate.command))).toBe(false);
			expectFixesHold(snapshot, diagnosis);
			expect(diagnose(applyFix(snapshot, fix!)).verdict).toBe('allowed');
		});
	}

	for (const [name, why] of [
		['pasted identity policy 1', 'a pasted policy'],
		['group Admins: Guard rail', 'a name IAM would refuse'],
	] as const) {
		it(`"${name}" (${why}): which policy it is is not known, so no rewrite is offered, and a finding says why`, () => {
			const snapshot = inGroup(name, name.startsWith('pasted') ? 'manual' : 'live');
			const diagnosis = diagnose(snapshot);
			expect(requirementOf(diagnosis, gdk, 'identity-policy').status).toBe('denied');
			expect(fixesFor(diagnosis, `${gdk}#identity-policy`)).toEqual([]);
			const finding = diagnosis.findings.find(candidate => candidate.id === 'no-policy-fix');
			expect(finding?.message).toContain(`the Deny is in the identity policy "${name}", and the snapshot does not say which IAM policy that is`);
		});
	}

	it('on a role (a role has no groups): a policy named as a group\'s is not rewritten', () => {
		const snapshot = inGroup('group Admins: Guardrail', 'live', sessionArn);
		expect(fixesFor(diagnose(snapshot), `${gdk}#identity-policy`)).toEqual([]);
	});
});

describe('two identity policies with one name', () => {
	const guardrail = policy(deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'}));
	const harmless = policy(allow('s3:ListBucket', bucketArn, {Sid: 'List'}));
	const managedArn = `arn:aws:iam::${account}:policy/Guardrail`;
	// The role's ARN as GetRole read it: the exemption names it.
	const onRole = (...identityPolicies: NamedPolicy[]): Snapshot =>
		buildSnapshot({principal: {arn: sessionArn, roleArn, sessionPolicy: null, identityPolicies: [fullIdentityPolicy(), ...identityPolicies]}});
	const narrowed = (document: PolicyJson): PolicyJson => ({
		...document,
		Statement: [{...(document['Statement'] as Record<string, unknown>[])[0], Condition: {ArnNotEquals: {'aws:PrincipalArn': roleArn}}}],
	});

	it('the Deny in the role\'s inline policy: that policy is rewritten with put-role-policy, not the managed one', () => {
		const snapshot = onRole(named('Guardrail', guardrail), named('Guardrail', harmless, managedArn));
		const diagnosis = diagnose(snapshot);
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', place: 'identity-policy', target: roleArn, policyName: 'Guardrail', proven: true});
		expect(fix!.policy).toEqual(narrowed(guardrail));
		expect(fix!.command).toMatch(/^aws iam put-role-policy --role-name 'Uploader' --policy-name 'Guardrail' /);
		expectFixesHold(snapshot, diagnosis);
	});

	it('the Deny in the managed policy: a new version of it, the inline one untouched', () => {
		const snapshot = onRole(named('Guardrail', guardrail, managedArn), named('Guardrail', harmless));
		const diagnosis = diagnose(snapshot);
		const [fix] = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fix).toMatchObject({kind: 'narrow-deny', place: 'identity-policy', target: managedArn, proven: true});
		expect(fix!.policy).toEqual(narrowed(guardrail));
		expect(fix!.command).toMatch(/^aws iam create-policy-version --policy-arn '[^']+' --set-as-default /);
		expectFixesHold(snapshot, diagnosis);
	});

	it('two pasted policies named alike (the user\'s and a group\'s): the one that denies is rewritten, and proven', () => {
		const snapshot = buildSnapshot({principal: {identityPolicies: [fullIdentityPolicy(), named('Guardrail', guardrail), named('Guardrail', harmless)]}});
		const diagnosis = diagnose(snapshot);
		const fixes = fixesFor(diagnosis, `${gdk}#identity-policy`);
		expect(fixes).toHaveLength(1);
		expect(fixes[0]).toMatchObject({kind: 'narrow-deny', policyName: 'Guardrail', proven: true});
		expect(fixes[0]!.policy).toEqual({...guardrail, Statement: [{...(guardrail['Statement'] as Record<string, unknown>[])[0], Condition: {ArnNotEquals: {'aws:PrincipalArn': userArn}}}]});
		const identityPolicies = snapshot.principal!.identityPolicies!.map((entry, index) => (index === 1 ? {...entry, document: fixes[0]!.policy!} : entry));
		expect(diagnose({...snapshot, principal: {...snapshot.principal!, identityPolicies}}).verdict).toBe('allowed');
	});
});

describe('denies that cannot be fixed here', () => {
	it('an SCP Deny gets no fix at all, certainly no Allow', () => {
		const snapshot = buildSnapshot({organization: {serviceControlPolicies: [[named('Guardrails', policy(allow('*', '*'), deny('kms:GenerateDataKey', '*', {Sid: 'NoKms'})))]]}});
		const diagnosis = diagnose(snapshot);
		expect(requirementOf(diagnosis, gdk, 'scp').status).toBe('denied');
		expect(diagnosis.fixes.filter(fix => fix.kind === 'add-allow')).toEqual([]);
	});

	// The key policy names the user for GenerateDataKey only, and denies Decrypt outside EC2: a multipart upload needs both fixed.
	const denyNextToMissingGrant = (): Snapshot =>
		buildSnapshot({
			question: {sizeBytes: 100 * MiB},
			principal: {identityPolicies: [named('S3', policy(allow('s3:PutObject', `${bucketArn}/*`)))]},
			key: {policy: policy(allow('kms:GenerateDataKey', '*', {Sid: 'Upload', Principal: {AWS: userArn}}), deny('kms:Decrypt', '*', {Sid: 'NoDecrypt', Principal: '*', Condition: {StringNotEquals: {'kms:ViaService': `ec2.${region}.amazonaws.com`}}}))},
		});

	it('a Deny next to a missing grant: the grant gets an Allow, the Deny only a narrowing', () => {
		const snapshot = denyNextToMissingGrant();
		const diagnosis = diagnose(snapshot);
		expect(requirementOf(diagnosis, decrypt, 'key-policy')).toMatchObject({status: 'denied', decidedBy: 'key policy, Sid "NoDecrypt"'});
		for (const fix of fixesFor(diagnosis, `${decrypt}#key-policy`)) expect(fix.kind).toBe('narrow-deny');
		expectFixesHold(snapshot, diagnosis);
	});

	it('a Deny and a missing Allow in the same key policy come as one fix, and applying it makes the upload work', () => {
		const snapshot = denyNextToMissingGrant();
		const diagnosis = diagnose(snapshot);
		const keyFixes = diagnosis.fixes.filter(fix => fix.place === 'key-policy');
		expect(keyFixes).toHaveLength(1);
		expect(keyFixes[0]!.summary).toMatch(/NoDecrypt.*Then: Add a statement/s);
		const after = diagnose(applyFix(snapshot, keyFixes[0]!));
		expect(requirementOf(after, decrypt, 'key-policy').status).toBe('ok');
		expect(after.verdict).toBe('allowed');
	});
});
