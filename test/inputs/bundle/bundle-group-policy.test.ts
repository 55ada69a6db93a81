import {describe, expect, it} from 'vitest';
import {stems} from '../../../source/inputs/bundle/bundle-layout.js';
import type {BundleImport} from '../../../source/inputs/bundle/index.js';
import {bundleFiles, type BundleCall} from '../../support/bundle-files.js';
import {importedBundle} from '../../support/bundle-round-trip.js';

/**
 * Whose inline policy an iam-get-group-policy file holds. The IAM API Reference (GetGroupPolicy) says of GroupName and of
 * PolicyName alike: "This parameter allows (through its regex pattern) a string of characters consisting of upper and
 * lowercase alphanumeric characters with no spaces. You can also include any of the following characters: _+=,.@-"
 * (Pattern: [\w+=,.@-]+). Both may hold dots, so policy readers.kms of group data and policy kms of group data.readers
 * have one file name, and the answer's own GroupName and PolicyName ("The group the policy is associated with", "The
 * name of the policy") say which it is.
 */

const account = '111122223333';
const groupArn = (name: string): string => `arn:aws:iam::${account}:group/${name}`;
const allow = (action: string) => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: '*'}]});
const deny = (action: string) => ({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: action, Resource: '*'}]});

/** User bob, in the groups given, each with the inline policies given and nothing attached; `answers`: the get-group-policy files. */
const userBundle = (groups: Readonly<Record<string, readonly string[]>>, answers: Readonly<Record<string, BundleCall>>): Map<string, string> => {
	const calls: Record<string, BundleCall> = {
		'sts-get-caller-identity': {UserId: 'AIDAEXAMPLEBOB0000001', Account: account, Arn: `arn:aws:iam::${account}:user/bob`},
		'iam-get-user': {User: {UserName: 'bob', UserId: 'AIDAEXAMPLEBOB0000001', Arn: `arn:aws:iam::${account}:user/bob`}},
		'iam-list-user-policies': {PolicyNames: []},
		'iam-list-attached-user-policies': {AttachedPolicies: []},
		'iam-list-groups-for-user': {Groups: Object.keys(groups).map(name => ({GroupName: name, Arn: groupArn(name)}))},
	};
	for (const [group, policies] of Object.entries(groups)) {
		calls[stems.groupPolicies(group)] = {PolicyNames: policies};
		calls[stems.groupAttached(group)] = {AttachedPolicies: []};
	}
	return bundleFiles({...calls, ...answers});
};

/** The file an older script wrote for both, a `.` between the group's name and the policy's. */
const file = stems.legacyGroupPolicy('data.readers', 'kms');
const bothGroups = {data: ['readers.kms'], 'data.readers': ['kms']};

const identityNotes = (result: BundleImport) => (result.snapshot.unread ?? []).filter(note => note.path === 'principal.identityPolicies');

describe('bundleToSnapshot: both dotted names\' policies, each in its own file (GROUP~POLICY)', () => {
	it('reads policy readers.kms of group data and policy kms of group data.readers, each from its own answer', () => {
		const result = importedBundle(
			userBundle(bothGroups, {
				[stems.groupPolicy('data', 'readers.kms')]: {GroupName: 'data', PolicyName: 'readers.kms', PolicyDocument: deny('kms:Decrypt')},
				[stems.groupPolicy('data.readers', 'kms')]: {GroupName: 'data.readers', PolicyName: 'kms', PolicyDocument: allow('kms:Decrypt')},
			}),
		);
		expect(result.snapshot.principal?.identityPolicies).toEqual([
			{name: 'group data/readers.kms', document: deny('kms:Decrypt')},
			{name: 'group data.readers/kms', document: allow('kms:Decrypt')},
		]);
		expect(identityNotes(result)).toEqual([]);
	});

	it('an answer naming no group or policy is read as its file name says: only one group fits a name with a ~', () => {
		const result = importedBundle(userBundle(bothGroups, {
			[stems.groupPolicy('data', 'readers.kms')]: {PolicyDocument: deny('kms:Decrypt')},
			[stems.groupPolicy('data.readers', 'kms')]: {PolicyDocument: allow('kms:Decrypt')},
		}));
		expect(result.snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['group data/readers.kms', 'group data.readers/kms']);
		expect(identityNotes(result)).toEqual([]);
	});

	it('an answer for another group than its file name says is still noted, in one line naming the file', () => {
		const named = stems.groupPolicy('data.readers', 'kms');
		const result = importedBundle(userBundle({'data.readers': ['kms']}, {[named]: {GroupName: 'ops', PolicyName: 'kms', PolicyDocument: allow('kms:*')}}));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(identityNotes(result).map(note => note.reason)).toEqual([
			`${named}.json answers for policy kms of group ops, not policy kms of group data.readers: the file was edited, or is from another bundle`,
		]);
	});
});

describe('bundleToSnapshot: whose policy an older script\'s iam-get-group-policy file holds (GROUP.POLICY)', () => {
	it('policy kms of group data.readers and policy readers.kms of group data share one file name', () => {
		expect(stems.legacyGroupPolicy('data', 'readers.kms')).toBe(file);
		expect(file).toBe('iam-get-group-policy.data.readers.kms');
	});

	it('reads a dotted group name and a dotted policy name as the answer names them, when only one group fits the file name', () => {
		const result = importedBundle(userBundle({'data.readers': ['kms.decrypt']}, {[stems.legacyGroupPolicy('data.readers', 'kms.decrypt')]: {GroupName: 'data.readers', PolicyName: 'kms.decrypt', PolicyDocument: allow('kms:Decrypt')}}));
		expect(result.snapshot.principal?.identityPolicies).toEqual([{name: 'group data.readers/kms.decrypt', document: allow('kms:Decrypt')}]);
		expect(identityNotes(result)).toEqual([]);
	});

	it.each([
		['data.readers', {holds: {GroupName: 'data.readers', PolicyName: 'kms', PolicyDocument: allow('kms:Decrypt')}, lost: {group: 'data', policy: 'readers.kms'}}],
		['data', {holds: {GroupName: 'data', PolicyName: 'readers.kms', PolicyDocument: deny('kms:Decrypt')}, lost: {group: 'data.readers', policy: 'kms'}}],
	])("a user in both groups: the file holds group %s's policy, as it says, and the other group's stays unknown, named in one line", (_, {holds, lost}) => {
		const result = importedBundle(userBundle(bothGroups, {[file]: holds}));
		// One of the two answers was written over: the other group's document is not known, never taken to be this one.
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(identityNotes(result)).toEqual([
			{
				path: 'principal.identityPolicies',
				reason: `${file}.json holds policy ${holds.PolicyName} of group ${holds.GroupName}, not policy ${lost.policy} of group ${lost.group}: the two share this file name, and the collection script kept the answer it wrote last`,
				resolveWith: `iam:GetGroupPolicy on ${groupArn(lost.group)} (aws iam get-group-policy --group-name '${lost.group}' --policy-name '${lost.policy}', pasted)`,
			},
		]);
		expect(result.missing.filter(line => line.includes(file))).toHaveLength(1);
	});

	it('an answer that names no group and no policy, in a file name both groups fit, is neither\'s: one line each, naming the file', () => {
		const result = importedBundle(userBundle(bothGroups, {[file]: {PolicyDocument: allow('kms:Decrypt')}}));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		const reason = `${file}.json names no GroupName or PolicyName, and its name fits group data and group data.readers: whose policy it holds is not known`;
		expect(identityNotes(result).map(note => [note.reason, note.resolveWith])).toEqual([
			[reason, `iam:GetGroupPolicy on ${groupArn('data')} (aws iam get-group-policy --group-name 'data' --policy-name 'readers.kms', pasted)`],
			[reason, `iam:GetGroupPolicy on ${groupArn('data.readers')} (aws iam get-group-policy --group-name 'data.readers' --policy-name 'kms', pasted)`],
		]);
	});

	it('an answer for another group or policy than its file name says fails in one line, whichever groups the user is in', () => {
		const result = importedBundle(userBundle({'data.readers': ['kms']}, {[file]: {GroupName: 'ops', PolicyName: 'kms', PolicyDocument: allow('kms:*')}}));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(identityNotes(result).map(note => note.reason)).toEqual([
			`${file}.json answers for policy kms of group ops, not policy kms of group data.readers: the file was edited, or is from another bundle`,
		]);
	});

	it('never repeats a GroupName or PolicyName IAM would not take: a control sequence or a huge name reaches no line', () => {
		const hostile = `\u001b]52;c;ZWNobyBvd25lZA==\u0007${'x'.repeat(100_000)}`;
		const result = importedBundle(userBundle({'data.readers': ['kms']}, {[file]: {GroupName: hostile, PolicyName: 'kms\r\u001b[2K', PolicyDocument: allow('kms:*')}}));
		expect(result.snapshot.principal?.identityPolicies).toBeUndefined();
		expect(result.missing.filter(line => line.startsWith('principal.identityPolicies'))).toEqual([
			`principal.identityPolicies: ${file}.json answers for policy (not an IAM name) of group (not an IAM name), not policy kms of group data.readers: the file was edited, or is from another bundle — resolve with iam:GetGroupPolicy on ${groupArn('data.readers')} (aws iam get-group-policy --group-name 'data.readers' --policy-name 'kms', pasted)`,
		]);
		expect(JSON.stringify(result.snapshot)).not.toMatch(/\\u001b|xxxxxxxxxx/);
	});
});
