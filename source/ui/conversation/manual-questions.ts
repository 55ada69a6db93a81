import type {FlowEnv} from './flow-types.js';
import type {ChoiceQuestion, PasteCheck, PasteQuestion, TextQuestion} from './question.js';
import {checkPrincipalArn, checkRegion} from './validate.js';
import type {PolicyKind} from '../services.js';

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
	| 'scp-full-access';

export const principalQuestion: TextQuestion = {
	kind: 'text',
	id: 'principal',
	title: 'Caller',
	prompt: 'Who makes the request? (the ARN that aws sts get-caller-identity shows)',
	placeholder: 'arn:aws:sts::111122223333:assumed-role/ROLE/SESSION',
	validate: checkPrincipalArn,
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
		const warning = hidden === 0 ? '' : ` (! it holds ${hidden} control or invisible character${hidden === 1 ? '' : 's'}: shown escaped, such as \\u001b, wherever it is printed)`;
		const {notes, warnings} = checked;
		return {ok: true, summary: `valid policy, ${checked.statementCount} statement${checked.statementCount === 1 ? '' : 's'}${warning}`, ...(notes ? {notes} : {}), ...(warnings ? {warnings} : {})};
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

export const guardrailsQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'guardrails',
	title: 'Boundaries and SCPs',
	prompt: 'Does a permissions boundary, a session policy or an SCP apply to the caller?',
	options: [
		{value: 'none', label: 'No, none of them'},
		{value: 'some', label: 'Yes or maybe: go through them one by one', hint: 'boundary, session policy, SCPs'},
		{value: 'unknown', label: 'Not sure: leave them unknown'},
	],
};

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
