import {describe, expect, it} from 'vitest';
import {
	attachedPoliciesPageOf,
	callerIdentityOf,
	groupsPageOf,
	iamEntityOf,
	inlinePolicyOf,
	managedPolicyOf,
	policyNamesPageOf,
	policyVersionDocumentOf,
} from '../../../source/snapshot/aws-answers/index.js';
import {created, createdText, policy, sdkOutput, urlEncoded} from './shapes.js';

const account = '111122223333';
const boundaryArn = `arn:aws:iam::${account}:policy/boundary`;

describe('sts:GetCallerIdentity', () => {
	it('gives the ARN, account and user ID from either shape, and only what the answer says', () => {
		const members = {UserId: 'AROAEXAMPLEUPLOADER01:alice', Account: account, Arn: `arn:aws:sts::${account}:assumed-role/Uploader/alice`};
		const expected = {arn: members.Arn, partition: 'aws', account, userId: members.UserId};
		expect(callerIdentityOf(sdkOutput(members))).toEqual({ok: true, value: expected});
		expect(callerIdentityOf(members)).toEqual({ok: true, value: expected});
		expect(callerIdentityOf({Arn: members.Arn, Account: ''})).toEqual({ok: true, value: {arn: members.Arn, partition: 'aws'}});
		expect(callerIdentityOf('not an answer')).toEqual({ok: true, value: {}});
	});

	it('gives the partition the ARN names, aws-cn and aws-us-gov alike: the ARNs built from it are in it', () => {
		for (const partition of ['aws-cn', 'aws-us-gov']) {
			const Arn = `arn:${partition}:iam::${account}:user/alice`;
			expect(callerIdentityOf({Arn, Account: account})).toEqual({ok: true, value: {arn: Arn, partition, account}});
		}
	});

	it('takes no Arn or Account that is not one, and says which field is wrong without repeating it', () => {
		const members = {UserId: 'AIDAEXAMPLE', Account: account, Arn: `arn:aws:iam::${account}:user/alice`};
		const problem = (message: string) => ({ok: false, error: {kind: 'shape', message}});
		expect(callerIdentityOf({...members, Account: '1111\u001b[2J22223333'})).toEqual(problem("the answer's Account is not a 12-digit account ID"));
		expect(callerIdentityOf({...members, Arn: `arn:aws:iam::${account}:user/al\u001bice`})).toEqual(problem("the answer's Arn is not an IAM user, role or assumed-role ARN"));
		expect(callerIdentityOf({...members, Arn: 'arn:aws:iam::444455556666:user/alice'})).toEqual(problem("the answer's Arn is of another account than its Account"));
	});
});

describe('iam:GetRole and iam:GetUser', () => {
	const role = {
		Path: '/service/',
		RoleName: 'uploader',
		RoleId: 'AROAFAKEUPLOADER0001',
		Arn: `arn:aws:iam::${account}:role/service/uploader`,
		AssumeRolePolicyDocument: policy('sts:AssumeRole'),
		PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn},
		Tags: [{Key: 'team', Value: 'data'}, {Key: 'empty', Value: ''}],
	};
	const expected = {arn: role.Arn, uniqueId: role.RoleId, boundaryArn, tags: {team: 'data', empty: ''}, trustPolicy: role.AssumeRolePolicyDocument};

	it('gives the ARN with its path, the role ID, the boundary, the tags and the trust policy from either shape', () => {
		expect(iamEntityOf(sdkOutput({Role: {...role, CreateDate: created, AssumeRolePolicyDocument: urlEncoded(role.AssumeRolePolicyDocument)}}), 'role')).toEqual({ok: true, value: expected});
		expect(iamEntityOf({Role: {...role, CreateDate: createdText}}, 'role')).toEqual({ok: true, value: expected});
	});

	it('reads a user without boundary or tags as having none, and an answer without the user as a problem', () => {
		const user = {Path: '/', UserName: 'dev-alice', UserId: 'AIDAFAKEALICE0000001', Arn: `arn:aws:iam::${account}:user/dev-alice`};
		expect(iamEntityOf(sdkOutput({User: {...user, CreateDate: created}}), 'user')).toEqual({ok: true, value: {arn: user.Arn, uniqueId: user.UserId}});
		expect(iamEntityOf({User: {...user, CreateDate: createdText}}, 'user')).toEqual({ok: true, value: {arn: user.Arn, uniqueId: user.UserId}});
		// Without the user, "no boundary" would be a guess: the boundary stays unknown.
		expect(iamEntityOf(sdkOutput({}), 'user')).toEqual({ok: false, error: {kind: 'shape', message: 'GetUser returned no user'}});
		expect(iamEntityOf({User: user}, 'role')).toEqual({ok: false, error: {kind: 'shape', message: 'GetRole returned no role'}});
	});

	it("takes no Arn that is not this kind's ARN: it would name the principal's role", () => {
		expect(iamEntityOf({Role: {...role, Arn: `arn:aws:iam::${account}:user/uploader`}}, 'role')).toEqual({ok: false, error: {kind: 'shape', message: "the answer's Role.Arn is not an IAM role ARN"}});
		expect(iamEntityOf({User: {UserName: 'a', Arn: `arn:aws:iam::${account}:user/a\u0007`}}, 'user')).toEqual({ok: false, error: {kind: 'shape', message: "the answer's User.Arn is not an IAM user ARN"}});
	});
});

describe('the IAM policy lists', () => {
	it('List*Policies: the names, and the next page only while IAM says it is truncated', () => {
		expect(policyNamesPageOf(sdkOutput({PolicyNames: ['s3-write', 'kms-use'], IsTruncated: true, Marker: 'page-2'}))).toEqual({ok: true, value: {items: ['s3-write', 'kms-use'], next: 'page-2'}});
		expect(policyNamesPageOf(sdkOutput({PolicyNames: ['last'], IsTruncated: false, Marker: 'stale'}))).toEqual({ok: true, value: {items: ['last']}});
		// The CLI prints every page merged, without IsTruncated or Marker.
		expect(policyNamesPageOf({PolicyNames: ['s3-write', 'kms-use', 'last']})).toEqual({ok: true, value: {items: ['s3-write', 'kms-use', 'last']}});
		expect(policyNamesPageOf({PolicyNames: []})).toEqual({ok: true, value: {items: []}});
	});

	it('ListAttached*Policies: each policy ARN with its name; an entry without an ARN is skipped', () => {
		const attached = [{PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}, {PolicyName: 'no-arn'}, {PolicyArn: `arn:aws:iam::${account}:policy/kms-use`}];
		const expected = [{arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess'}, {arn: `arn:aws:iam::${account}:policy/kms-use`}];
		expect(attachedPoliciesPageOf(sdkOutput({AttachedPolicies: attached, IsTruncated: false}))).toEqual({ok: true, value: {items: expected}});
		expect(attachedPoliciesPageOf({AttachedPolicies: attached})).toEqual({ok: true, value: {items: expected}});
	});

	it('takes a list answer without its list for a problem, not for "no policies"', () => {
		// IAM: "If there are no inline policies embedded with the specified role, the operation returns an empty list."
		// and "If there are no policies attached to the specified role (or none that match the specified path prefix), the operation returns an empty list."
		expect(policyNamesPageOf(sdkOutput({}))).toEqual({ok: false, error: {kind: 'shape', message: 'the answer holds no PolicyNames list, though IAM sends an empty one when there are none'}});
		expect(attachedPoliciesPageOf({IsTruncated: false})).toEqual({
			ok: false,
			error: {kind: 'shape', message: 'the answer holds no AttachedPolicies list, though IAM sends an empty one when there are none'},
		});
	});

	it("ListGroupsForUser: an answer without its Groups list is a problem (a group's policy may deny), not \"no groups\"", () => {
		expect(groupsPageOf(sdkOutput({IsTruncated: false}))).toEqual({ok: false, error: {kind: 'shape', message: 'the answer holds no Groups list, so it does not say which groups the user is in'}});
	});

	it('ListGroupsForUser: each group by name, with its ARN when given', () => {
		const groups = [{Path: '/', GroupName: 'developers', GroupId: 'AGPAFAKEDEVELOPERS01', Arn: `arn:aws:iam::${account}:group/developers`}, {GroupName: 'ops'}, {Arn: 'nameless'}];
		const expected = [{name: 'developers', arn: `arn:aws:iam::${account}:group/developers`}, {name: 'ops'}];
		expect(groupsPageOf(sdkOutput({Groups: groups.map(group => ({...group, CreateDate: created})), IsTruncated: false}))).toEqual({ok: true, value: {items: expected}});
		expect(groupsPageOf({Groups: groups.map(group => ({...group, CreateDate: createdText}))})).toEqual({ok: true, value: {items: expected}});
	});
});

describe('the IAM policy documents', () => {
	const document = policy('kms:Decrypt', `arn:aws:kms:eu-west-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);

	it('Get*Policy: the inline document, URL-encoded from the SDK and an object from the CLI', () => {
		expect(inlinePolicyOf(sdkOutput({RoleName: 'uploader', PolicyName: 'kms-use', PolicyDocument: urlEncoded(document)}))).toEqual({ok: true, value: document});
		expect(inlinePolicyOf({RoleName: 'uploader', PolicyName: 'kms-use', PolicyDocument: document})).toEqual({ok: true, value: document});
		expect(inlinePolicyOf(sdkOutput({RoleName: 'uploader', PolicyName: 'kms-use'}))).toMatchObject({ok: false, error: {kind: 'policy-document'}});
	});

	it('GetPolicy: the default version and the name; without a default version there is nothing to read', () => {
		const answer = {Policy: {PolicyName: 'kms-use', Arn: `arn:aws:iam::${account}:policy/kms-use`, DefaultVersionId: 'v2', AttachmentCount: 1}};
		expect(managedPolicyOf(sdkOutput({Policy: {...answer.Policy, CreateDate: created}}))).toEqual({ok: true, value: {defaultVersionId: 'v2', name: 'kms-use'}});
		expect(managedPolicyOf({Policy: {...answer.Policy, CreateDate: createdText}})).toEqual({ok: true, value: {defaultVersionId: 'v2', name: 'kms-use'}});
		expect(managedPolicyOf({Policy: {PolicyName: 'kms-use'}})).toEqual({ok: false, error: {kind: 'shape', message: 'GetPolicy named no default version'}});
	});

	it('GetPolicyVersion: the document of that version, from either shape', () => {
		const version = {VersionId: 'v2', IsDefaultVersion: true};
		expect(policyVersionDocumentOf(sdkOutput({PolicyVersion: {...version, Document: urlEncoded(document), CreateDate: created}}))).toEqual({ok: true, value: document});
		expect(policyVersionDocumentOf({PolicyVersion: {...version, Document: document, CreateDate: createdText}})).toEqual({ok: true, value: document});
		// Another tool may have saved the CLI's call with the document still encoded.
		expect(policyVersionDocumentOf({PolicyVersion: {...version, Document: urlEncoded(document)}})).toEqual({ok: true, value: document});
	});
});
