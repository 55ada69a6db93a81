import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Fix} from '../../source/diagnosis/diagnosis.js';
import {policySize} from '../../source/snapshot/policy-limits.js';
import type {NamedPolicy, Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucketArn, keyArn, buildSnapshot, deny, fullIdentityPolicy, named, policy, roleArn, sessionArn} from './support/build-snapshot.js';

/**
 * AWS, "IAM and AWS STS quotas" (IAM User Guide): "You can add as many inline policies as you want to an IAM user,
 * role, or group. But the total aggregate policy size (the sum size of all inline policies) per entity cannot exceed
 * the following quotas: User policy size cannot exceed 2,048 characters. Role policy size cannot exceed 10,240
 * characters. Group policy size cannot exceed 5,120 characters." and "IAM does not count white space when
 * calculating the size of a policy against these quotas." A fix that adds an inline policy is measured with the
 * entity's others: refused where the snapshot tells they are too many, never said to fit where it cannot tell.
 */

/** An inline policy allowing s3:PutObject (unless `onlyOthers`), padded with statements for other buckets to about `characters`. */
const inlineOfSize = (name: string, characters: number, arn?: string, onlyOthers = false): NamedPolicy => {
	const statements = onlyOthers ? [] : [allow('s3:PutObject', `${bucketArn}/*`)];
	for (let index = 0; policySize(policy(...statements), 'IAM inline policy') < characters - 70; index++) statements.push(allow('s3:GetObject', `arn:aws:s3:::archive-${index}/*`));
	return named(name, policy(...statements), arn);
};

/** An upload whose key policy delegates to IAM and whose identity policies lack kms:GenerateDataKey: the fix is a new inline policy. */
const upload = (identityPolicies: readonly NamedPolicy[], collectedBy?: 'live' | 'bundle' | 'manual', principal: Partial<Snapshot['principal']> = {}): Snapshot =>
	buildSnapshot({...(collectedBy ? {metadata: {collectedBy}} : {}), principal: {identityPolicies: [...identityPolicies], ...principal}});

const inlineFix = (snapshot: Snapshot): Fix => {
	const fixes = diagnose(snapshot).fixes;
	const fix = fixes.find(candidate => candidate.place === 'identity-policy' && candidate.kind === 'add-allow');
	if (!fix) throw new Error(`no new inline policy among ${fixes.map(candidate => `${candidate.place} ${candidate.kind}`).join(', ')}`);
	return fix;
};

describe("a new inline policy and the user's others (2,048 characters together)", () => {
	it('is refused, not proven, where the snapshot read them and they would be over the quota together', () => {
		const existing = inlineOfSize('ReportsUpload', 1_950);
		expect(policySize(existing.document, 'IAM inline policy')).toBeLessThan(2_048);
		const fix = inlineFix(upload([existing], 'live'));
		expect(fix.proven).toBe(false);
		expect(fix.remains).toMatch(/^AWS would refuse this policy: user alice's inline policies would hold 2,\d{3} characters with it, more than the 2,048 characters AWS allows for all of a user's inline policies together \(IAM quotas; white space not counted\)\./);
	});

	it('fits, and says nothing of it, where they were read and stay under the quota', () => {
		const fix = inlineFix(upload([inlineOfSize('ReportsUpload', 1_000)], 'bundle'));
		expect(fix.proven).toBe(true);
		expect(fix.remains).toBeNull();
	});

	it("counts neither a group's inline policy (a group has its own quota) nor a managed policy", () => {
		const group = inlineOfSize('group Admins: Everything', 1_950);
		const managed = inlineOfSize('Big', 1_950, `arn:aws:iam::${account}:policy/Big`);
		const fix = inlineFix(upload([inlineOfSize('ReportsUpload', 600), group, managed], 'live'));
		expect(fix).toMatchObject({proven: true, remains: null});
	});

	it('is not said to fit where the snapshot cannot tell which policies are the user\'s own inline ones', () => {
		const fix = inlineFix(upload([inlineOfSize('ReportsUpload', 1_950)]));
		expect(fix.remains).toMatch(
			/^Whether AWS accepts this policy is not known: with it user alice's inline policies hold at least \d{3} of the 2,048 characters AWS allows .*, and which of the other identity policies are user alice's own inline ones is not known \(aws iam list-user-policies --user-name alice, then get-user-policy for each\)\.$/,
		);
	});

	it("names the profile a live collection read the user's account with in the read that settles it, as the fix's command does", () => {
		const read = upload([inlineOfSize('ReportsUpload', 600)]);
		const live = {...read, metadata: {collectedBy: 'live' as const, profiles: [{name: 'dev', arn: read.principal!.arn, roles: ['caller' as const]}]}};
		const fix = inlineFix({...live, unread: [{path: 'principal.identityPolicies', reason: 'iam:ListUserPolicies: denied'}]});
		expect(fix.remains).toContain("(aws iam list-user-policies --user-name alice --profile 'dev', then get-user-policy for each)");
		expect(fix.command).toMatch(/ --profile 'dev'$/);
	});

	it('is not said to fit where a pasted policy, which carries no ARN whatever it is, may be one of them', () => {
		expect(inlineFix(upload([inlineOfSize('pasted identity policy 1', 1_950)], 'manual')).remains).toMatch(/^Whether AWS accepts this policy is not known/);
		// Small enough together even if every pasted policy is an inline one of the user's: it fits.
		expect(inlineFix(upload([inlineOfSize('pasted identity policy 1', 600)], 'manual')).remains).toBeNull();
	});
});

describe("a new inline policy and the role's others (10,240 characters together)", () => {
	it('is refused where they would be over the quota together', () => {
		const fix = inlineFix(upload([inlineOfSize('Pipeline', 10_150)], undefined, {arn: sessionArn, roleArn}));
		expect(fix.proven).toBe(false);
		expect(fix.remains).toMatch(/^AWS would refuse this policy: role Uploader's inline policies would hold 10,\d{3} characters with it, more than the 10,240 characters AWS allows for all of a role's inline policies together/);
	});
});

describe("a group's inline policy a narrowed Deny rewrites, and the group's others (5,120 characters together)", () => {
	/** The group's policy "group Admins: NAME", denying kms:GenerateDataKey and padded to about `characters`. */
	const groupGuardrail = (characters: number): NamedPolicy => {
		const padded = inlineOfSize('padding', characters).document;
		return named('group Admins: Guardrail', {...padded, Statement: [deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'}), ...(padded['Statement'] as unknown[])]});
	};
	const narrowed = (identityPolicies: readonly NamedPolicy[]): Fix => {
		const fix = diagnose(upload([fullIdentityPolicy(), ...identityPolicies], 'live')).fixes.find(candidate => candidate.kind === 'narrow-deny');
		if (!fix) throw new Error('no narrowed Deny');
		expect(fix).toMatchObject({target: 'group Admins', policyName: 'Guardrail'});
		return fix;
	};

	it("is measured against the group's quota, not the user's 2,048 characters, and the user's own inline policies do not count", () => {
		const fix = narrowed([groupGuardrail(3_000), inlineOfSize('ReportsUpload', 1_500)]);
		expect(fix).toMatchObject({proven: true, remains: null});
	});

	it("is refused where the group's inline policies would be over its quota together", () => {
		const fix = narrowed([groupGuardrail(3_000), inlineOfSize('group Admins: Everything', 2_500), inlineOfSize('group Others: Everything', 2_500)]);
		expect(fix.proven).toBe(false);
		expect(fix.remains).toMatch(/^AWS would refuse this policy: group Admins's inline policies would hold 5,\d{3} characters with it, more than the 5,120 characters AWS allows for all of a group's inline policies together/);
	});
});

describe("two fixes that each add an inline policy to the same user, counted together", () => {
	/** An upload lacking both s3:PutObject and kms:GenerateDataKey: one new inline policy for each, each fitting alone. */
	const twoNewPolicies = (existing: number): Fix[] => {
		const fixes = diagnose(upload([inlineOfSize('Archives', existing, undefined, true)], 'live')).fixes.filter(fix => fix.place === 'identity-policy' && fix.kind === 'add-allow');
		expect(fixes.map(fix => fix.policyName)).toEqual(['s3-kms-doctor-example-bucket-s3', 's3-kms-doctor-example-bucket-kms']);
		return fixes;
	};

	it('says AWS would refuse the second put where together with what the user has they are over the quota, though each fits alone', () => {
		const [s3, kms] = twoNewPolicies(1_700);
		for (const [fix, other] of [[s3!, kms!], [kms!, s3!]] as const) {
			expect(fix.proven).toBe(true);
			expect(fix.remains).toContain(
				`With the fix that adds ${other.policyName} also applied, user alice's inline policies would hold 2,`,
			);
			expect(fix.remains).toMatch(/would hold 2,\d{3} characters, more than the 2,048 characters AWS allows for all of a user's inline policies together \(IAM quotas; white space not counted\): AWS would refuse whichever is put last\./);
		}
	});

	it('counts a rewritten inline policy in place of the one it rewrites, beside a new one', () => {
		// The user's own Guardrail denies kms:GenerateDataKey (narrowed, last resort) and nothing grants s3:PutObject (a new policy).
		const guardrail = inlineOfSize('Guardrail', 1_600, undefined, true);
		const statements = [deny('kms:GenerateDataKey', '*', {Sid: 'NoNewData'}), allow('kms:GenerateDataKey', keyArn), ...(guardrail.document['Statement'] as Record<string, unknown>[])];
		const fixes = diagnose(upload([named('Guardrail', policy(...statements))], 'live')).fixes;
		const added = fixes.find(fix => fix.kind === 'add-allow' && fix.place === 'identity-policy')!;
		const narrowed = fixes.find(fix => fix.kind === 'narrow-deny' && fix.policyName === 'Guardrail')!;
		const total = policySize(added.policy, 'IAM inline policy') + policySize(narrowed.policy, 'IAM inline policy');
		expect(total).toBeGreaterThan(2_048);
		expect(added.remains).toContain(`With the fix that rewrites Guardrail also applied, user alice's inline policies would hold ${total.toLocaleString('en-US')} characters`);
		expect(narrowed.remains).toContain(`With the fix that adds ${added.policyName} also applied, user alice's inline policies would hold ${total.toLocaleString('en-US')} characters`);
	});

	it('says nothing of it where they fit together', () => {
		const fixes = twoNewPolicies(1_000);
		for (const fix of fixes) expect(fix.remains ?? '').not.toMatch(/also applied/);
	});
});
