import type {FlowEnv} from './flow-types.js';
import type {ChoiceQuestion, PasteCheck, PasteQuestion, TextQuestion} from './question.js';
import {checkPrincipalArn, checkRegion, checkRoleArnOf, checkTagList} from './validate.js';
import type {PolicyKind} from '../services.js';
import {destinationLeg, operationModule} from '../../operations/registry.js';
import {keyGrantsRead} from '../../diagnosis/read-commands.js';
import type {Operation} from '../../snapshot/snapshot.js';

/** The questions manual-flow.ts asks without credentials: the caller, the bucket's Region, and each policy in turn. */

/** The policies pasted one by one, each after its "paste it / none / unknown" question (`key-policy-how`). */
export type PolicyId = 'key-policy' | 'bucket-policy' | 'source-key-policy' | 'source-bucket-policy' | 'boundary-policy' | 'session-policy';
type PolicyHowId = `${PolicyId}-how` | 'identity-how';
type PastedPolicyId = PolicyId | `identity-policy-${number}` | `scp-${number}`;

export type ManualQuestionId =
	| 'principal'
	| 'bucket-region'
	| PolicyHowId
	| PastedPolicyId
	| `identity-more-${number}`
	| 'guardrails'
	| 'scp-how'
	| `scp-more-${number}`
	| 'scp-full-access'
	| 'grants-how'
	| 'grants'
	| 'bucket-key'
	| 'role-arn'
	| 'session-tags'
	| 'source-bucket-account'
	| 'source-bucket-account-id';

export const principalQuestion: TextQuestion = {
	kind: 'text',
	id: 'principal',
	title: 'Caller',
	prompt: 'Who makes the request? (the ARN that aws sts get-caller-identity shows)',
	placeholder: 'arn:aws:sts::111122223333:assumed-role/ROLE/SESSION',
	validate: checkPrincipalArn,
};

/** Replication: the role the rule names, which S3 assumes (same answer id: it is who makes the requests). */
export const assumedRoleQuestion: TextQuestion = {
	...principalQuestion,
	title: 'Replication role',
	prompt: 'Which role does the replication rule name? (Role in aws s3api get-bucket-replication)',
	placeholder: 'arn:aws:iam::111122223333:role/ROLE',
};

/**
 * Who makes the requests, asked as what names it: a presigned request runs with its signer's permissions, and a
 * replication with the role its rule names (S3 assumes it); else the caller.
 */
export const principalQuestionFor = (operation: Operation): TextQuestion => {
	if (operationModule(operation).givenFact === 'presigned-url') {
		return {...principalQuestion, title: 'Signer', prompt: 'Who signed the URL? (its requests run with that principal\'s permissions: the ARN aws sts get-caller-identity shows for the credentials that signed it)'};
	}
	return destinationLeg(operation).actor.kind === 'assumed-role' ? assumedRoleQuestion : principalQuestion;
};

export const bucketRegionQuestion = (suggestion: string | undefined): TextQuestion => ({
	kind: 'text',
	id: 'bucket-region',
	title: "Bucket's Region",
	prompt: "Which Region is the bucket in? (the key must be in the same one; leave empty if you do not know)",
	placeholder: 'e.g. eu-west-1',
	validate: text => (text === '' ? undefined : checkRegion(text)),
	display: text => (text === '' ? 'not known' : text),
	...(suggestion ? {suggestion} : {}),
});

/** "Paste it / there is none / I cannot get it" before each policy. */
export const policyHowQuestion = (id: PolicyHowId, title: string, prompt: string, noneLabel?: string): ChoiceQuestion => ({
	kind: 'choice',
	id,
	title,
	prompt,
	options: [
		{value: 'paste', label: 'Paste it'},
		...(noneLabel ? [{value: 'none', label: noneLabel}] : []),
		{value: 'unknown', label: 'I cannot get it: leave it unknown', hint: 'the result then says what would decide'},
	],
});

/** `kind` notices a policy pasted into the wrong box; `help` says which command prints it (paste-hints.ts). */
export const policyPasteQuestion = (env: FlowEnv, id: PastedPolicyId, title: string, prompt: string, kind?: PolicyKind, help?: string): PasteQuestion => ({
	kind: 'paste',
	id,
	title,
	prompt,
	...(help ? {help} : {}),
	check: (text): PasteCheck => {
		const checked = env.checkPolicy(text, title, kind);
		if (!checked.ok) return checked;
		const hidden = checked.hiddenCharacters ?? 0;
		// A warning like any other, so the paste and its transcript line are marked `!`, never ✔ beside it.
		const hiddenWarning = hidden === 0 ? [] : [`it holds ${hidden} control or invisible character${hidden === 1 ? '' : 's'}: shown escaped, such as \\u001b, wherever it is printed`];
		const {notes} = checked;
		const warnings = [...hiddenWarning, ...(checked.warnings ?? [])];
		return {ok: true, summary: `valid policy, ${checked.statementCount} statement${checked.statementCount === 1 ? '' : 's'}`, ...(notes ? {notes} : {}), ...(warnings.length > 0 ? {warnings} : {})};
	},
});

export const morePoliciesQuestion = (index: number): ChoiceQuestion => ({
	kind: 'choice',
	id: `identity-more-${index}`,
	title: 'More identity policies',
	prompt: 'Does the caller have another identity policy (attached, inline, or from a group)?',
	options: [
		{value: 'no', label: 'No, that is all'},
		{value: 'yes', label: 'Yes, paste another'},
	],
});

/** The boundary or session policy a pasted AccessDenied message names as what denied: asked on its own (deniedPolicyFlow). */
export type DeniedGuardrail = 'boundary' | 'session';

const guardrailNames: Record<DeniedGuardrail, {readonly name: string; readonly short: string}> = {
	boundary: {name: 'permissions boundary', short: 'boundary'},
	session: {name: 'session policy', short: 'session policy'},
};

/** `a permissions boundary, a session policy or an SCP`. */
const anyOf = (names: readonly string[]): string => (names.length < 3 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`);

/**
 * Only what can apply to the caller is named: a session policy only where it can carry one (`sessionPolicy`: a role
 * session). `settled`: the one a pasted message named, asked on its own before, is not asked about again. Undefined
 * when only the SCPs are left: their own question (scpHowQuestion) asks it, with its own "none" (no organization).
 */
export const guardrailsQuestion = (settled: DeniedGuardrail | undefined, sessionPolicy: boolean): ChoiceQuestion | undefined => {
	const others = (['boundary', 'session'] as const).filter(kind => kind !== settled && (kind !== 'session' || sessionPolicy)).map(kind => guardrailNames[kind]);
	if (others.length === 0) return undefined;
	const which = anyOf([...others.map(other => `a ${other.name}`), 'an SCP']);
	return {
		kind: 'choice',
		id: 'guardrails',
		title: 'Boundaries and SCPs',
		prompt: settled ? `Besides the ${guardrailNames[settled].name}, does ${which} apply to the caller?` : `Does ${which} apply to the caller?`,
		options: [
			{value: 'none', label: 'No, none of them'},
			{value: 'some', label: 'Yes or maybe: go through them one by one', hint: [...others.map(other => other.short), 'SCPs'].join(', ')},
			{value: 'unknown', label: 'Not sure: leave them unknown'},
		],
	};
};

/**
 * The boundary or session policy the pasted message says denied, when nothing read or given holds it: it decides the row,
 * and a fix can be proven only against it. No "none": the message says one applies. Skipped, the message alone decides.
 */
export const deniedPolicyHowQuestion = (denied: DeniedGuardrail, said: string, boundaryArn?: string): ChoiceQuestion => ({
	kind: 'choice',
	id: denied === 'boundary' ? 'boundary-policy-how' : 'session-policy-how',
	title: denied === 'boundary' ? 'Permissions boundary' : 'Session policy',
	prompt:
		denied === 'boundary'
			? boundaryArn === undefined
				? `${said}. Paste the caller's permissions boundary, to see which statement decides and to prove a fix:`
				: `${said}. The reads found the caller's permissions boundary, ${boundaryArn}, but could not read its document: paste that policy's document, to see which statement decides and to prove a fix:`
			: `${said}. AWS cannot show a session policy afterwards: paste the one passed when the session was created (AssumeRole --policy), to see which statement decides:`,
	options: [
		{value: 'paste', label: 'Paste it'},
		{value: 'unknown', label: 'Skip: leave it as the message says', hint: 'the result names what would settle it'},
	],
});

export const scpHowQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'scp-how',
	title: 'SCPs',
	prompt: "The service control policies (SCPs) of the caller's account:",
	options: [
		{value: 'paste', label: 'Paste them', hint: 'one per level: the root first, then each OU, the account last'},
		{value: 'full-access', label: 'FullAWSAccess only', hint: 'the default: SCPs take nothing away'},
		{value: 'no-organization', label: 'The account is in no organization', hint: 'no SCPs apply'},
		{value: 'unknown', label: 'I cannot get them: leave them unknown', hint: 'the result then says what would decide'},
	],
};

export const scpPasteQuestion = (env: FlowEnv, index: number, help?: string): PasteQuestion =>
	policyPasteQuestion(
		env,
		`scp-${index}`,
		`SCP ${index}`,
		index === 1 ? 'Paste the first SCP (JSON), from the highest level (the root).' : `Paste SCP ${index} (JSON), from the next level down.`,
		'scp',
		help,
	);

export const moreScpsQuestion = (index: number): ChoiceQuestion => ({
	kind: 'choice',
	id: `scp-more-${index}`,
	title: 'More SCPs',
	prompt: 'Is another SCP attached lower down (an OU, or the account itself)? Each level must allow the request.',
	options: [
		{value: 'no', label: 'No, that is all'},
		{value: 'yes', label: 'Yes, paste another'},
	],
});

export const scpFullAccessQuestion = (count: number): ChoiceQuestion => ({
	kind: 'choice',
	id: 'scp-full-access',
	title: 'FullAWSAccess',
	prompt: `Is FullAWSAccess attached next to ${count === 1 ? 'that SCP' : 'each of them'} as well? (it is by default; an organization that uses allow lists removes it)`,
	options: [
		{value: 'yes', label: `Yes: the pasted SCP${count === 1 ? ' only takes' : 's only take'} away (deny lists)`},
		{value: 'no', label: `No: the pasted SCP${count === 1 ? ' is' : 's are'} what allows (allow lists)`},
	],
});

/** KMS grants allow on their own, beside the key policy: without them the key's ✘ is not certain. */
export const grantsHowQuestion = (keyArn: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'grants-how',
	title: 'KMS grants',
	prompt: `Grants on the key can allow what its policy does not. Does ${keyArn} have grants for the caller?`,
	help: `$ ${keyGrantsRead(keyArn)}\nRun it with credentials allowed kms:ListGrants on the key (its own account, or another one naming the key ARN).`,
	options: [
		{value: 'none', label: 'None', hint: 'list-grants shows no grant for the caller'},
		{value: 'paste', label: 'Paste the list-grants output'},
		{value: 'unknown', label: 'I do not know: leave them unknown', hint: 'the result names what they would change'},
	],
});

export const grantsPasteQuestion = (keyArn: string, check: (text: string) => PasteCheck): PasteQuestion => ({
	kind: 'paste',
	id: 'grants',
	title: 'KMS grants',
	prompt: 'Paste what aws kms list-grants prints (JSON with "Grants").',
	help: `$ ${keyGrantsRead(keyArn)}`,
	check,
});

/** Asked only when a pasted policy or grant tests the encryption context, which S3 Bucket Keys change. */
export const bucketKeyQuestion = (ofObject: boolean): ChoiceQuestion => ({
	kind: 'choice',
	id: 'bucket-key',
	title: 'S3 Bucket Key',
	prompt: ofObject
		? 'A policy tests the encryption context, which depends on it: was the object written with an S3 Bucket Key? (aws s3api head-object shows BucketKeyEnabled)'
		: 'A policy tests the encryption context, which depends on it: are S3 Bucket Keys on for the bucket? (aws s3api get-bucket-encryption shows BucketKeyEnabled)',
	options: [
		{value: 'off', label: 'No, off', hint: 'S3 sends the object ARN as encryption context'},
		{value: 'on', label: 'Yes, on', hint: 'S3 sends the bucket ARN'},
		{value: 'unknown', label: 'I do not know: leave it unknown'},
	],
});

/**
 * Asked only where a pasted policy tests aws:PrincipalArn: for a session that is its role's ARN, path included, which the
 * session's ARN leaves out (IAM: "For IAM roles, the request context returns the ARN of the role").
 */
export const roleArnQuestion = (sessionArn: string, roleName: string): TextQuestion => ({
	kind: 'text',
	id: 'role-arn',
	title: "Role's ARN",
	prompt: `A policy tests aws:PrincipalArn, which for this session is the ARN of role ${roleName} with its path: what is it? (Role.Arn in aws iam get-role --role-name ${roleName}; leave empty if you do not know)`,
	placeholder: `arn:aws:iam::111122223333:role/PATH/${roleName}`,
	keptForSaved: true,
	validate: text => (text === '' ? undefined : checkRoleArnOf(text, sessionArn)),
	display: text => (text === '' ? 'not known' : text),
});

/**
 * A session's principal tags: the tags passed when it was created override its role's own, and AWS cannot read them back.
 * Asked only where a policy tests one (`keys`), the answer decides those conditions.
 */
export const sessionTagsQuestion = (roleName: string, keys: readonly string[]): TextQuestion => ({
	kind: 'text',
	id: 'session-tags',
	title: 'Session tags',
	prompt:
		`A policy tests ${keys.join(', ')}: for this session of role ${roleName}, a tag passed when the session was created overrides the role's own, and AWS cannot read those back. ` +
		'Which tags was it created with? (KEY=VALUE, comma-separated; none if none were passed; leave empty if you do not know. The CloudTrail event of the AssumeRole call shows them: requestParameters.principalTags)',
	placeholder: 'team=data, project=atlas',
	keptForSaved: true,
	validate: text => (text === '' ? undefined : checkTagList(text)),
	display: text => (text === '' ? 'not known' : text.trim().toLowerCase() === 'none' ? 'none passed' : text),
});

/** A copy reads the source with the caller's permissions: whether its bucket is in another account decides what must allow. */
export const sourceBucketAccountQuestion = (sourceBucket: string, callerAccount: string | undefined, destinationAccount: string | undefined): ChoiceQuestion => ({
	kind: 'choice',
	id: 'source-bucket-account',
	keptForSaved: true,
	title: 'Source bucket account',
	prompt: `Which account owns the source bucket ${sourceBucket}?`,
	options: [
		{value: 'caller', label: `The caller's account${callerAccount ? ` (${callerAccount})` : ''}`},
		...(destinationAccount && destinationAccount !== callerAccount ? [{value: 'destination', label: `The destination bucket's account (${destinationAccount})`}] : []),
		{value: 'other', label: 'Another account'},
		{value: 'unknown', label: 'I do not know'},
	],
});
