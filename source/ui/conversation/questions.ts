import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {cloudTrailHint, hintText} from '../../inputs/paste/fetch-commands.js';
import type {PolicyKind, ProfileInfo} from '../services.js';
import type {FlowEnv} from './flow-types.js';
import {keyFromPasteChecks} from './key-from-paste.js';
import {profileValue} from './profile-answer.js';
import type {ChoiceOption, ChoiceQuestion, PasteCheck, PasteQuestion, TextQuestion} from './question.js';
import {describeSize, checkSize} from './size.js';
import {toolOptions} from './upload-tools.js';
import {checkAccountId, checkBucketName, checkKeyArn, checkKmsKeyReference, checkObjectKey, checkPrincipalArn, checkRegion} from './validate.js';

/** Each question of the conversation, built from what is known so far. The order lives in flow.ts. */

const targetLabel = (operation: string, bucket: string, objectKey: string): string => `${operation} s3://${bucket}/${objectKey}`;

const profileOption = (profile: ProfileInfo, hint = profile.region ?? ''): ChoiceOption => ({value: profileValue(profile.name), label: `Profile ${profile.name}`, hint});

/** Said under a list whose profile options have not arrived yet. */
const profilesLoading = (env: FlowEnv): Pick<ChoiceQuestion, 'loading'> => (env.profiles ? {} : {loading: 'reading profiles…'});

/** Last time's profile is focused first, while it still exists. */
const lastProfileFirst = (env: FlowEnv): Pick<ChoiceQuestion, 'defaultValue'> =>
	env.settings?.lastProfile && env.profiles?.some(profile => profile.name === env.settings?.lastProfile) ? {defaultValue: profileValue(env.settings.lastProfile)} : {};

export const startQuestion = (env: FlowEnv): ChoiceQuestion => {
	const saved = Object.entries(env.settings?.savedChecks ?? {}).map(([name, check]): ChoiceOption => {
		const {answers} = check;
		const what = answers['operation'] && answers['bucket'] ? targetLabel(answers['operation'], answers['bucket'], answers['object-key'] ?? '…') : '';
		return {value: `saved:${name}`, label: `Saved check: ${name}`, hint: what, sets: answers};
	});
	const profiles = (env.profiles ?? []).map(profile => profileOption(profile, [profile.region, profile.kind].filter(Boolean).join(', ') || 'reads with read-only calls'));
	return {
		kind: 'choice',
		id: 'start',
		title: 'Start with',
		prompt: profiles.length > 0 ? 'Which AWS profile makes the failing request?' : 'How shall we look at the failing request?',
		help: 'Or paste an AccessDenied error message or a CloudTrail event right here.',
		acceptsPaste: true,
		options: [
			...saved,
			...profiles,
			{value: 'manual', label: 'No credentials: paste the policies', hint: 'key policy, identity policies, bucket policy'},
			{value: 'error', label: 'Paste an AccessDenied error or a CloudTrail event', hint: 'fills in what it reveals'},
			{value: 'file', label: 'Load a snapshot file', hint: 'saved earlier, or sent by a colleague'},
			{value: 'example', label: 'Try a built-in example', hint: 'no AWS account needed'},
		],
		...lastProfileFirst(env),
		...profilesLoading(env),
	};
};

export const readHowQuestion = (env: FlowEnv): ChoiceQuestion => ({
	kind: 'choice',
	id: 'read-how',
	title: 'Read with',
	prompt: 'How shall we read the policies involved?',
	options: [...(env.profiles ?? []).map(profile => profileOption(profile)), {value: 'manual', label: 'No credentials: paste the policies'}],
	...lastProfileFirst(env),
	...profilesLoading(env),
});

export const errorQuestion = (env: FlowEnv): PasteQuestion => ({
	kind: 'paste',
	id: 'error-text',
	title: 'Error',
	prompt: 'Paste the AccessDenied error message, or a CloudTrail event (JSON).',
	help: hintText(cloudTrailHint()),
	check: (text): PasteCheck => {
		const parsed = env.parseError(text);
		if (!parsed.ok) return {ok: false, message: parsed.error};
		const what = [parsed.value.action, parsed.value.resource].filter(Boolean).join(' on ');
		return {ok: true, summary: `recognised ${parsed.value.form === 'cloudtrail' ? 'a CloudTrail event' : 'an error message'}${what ? `: ${what}` : ''}`};
	},
});

export const exampleQuestion = (env: FlowEnv): ChoiceQuestion => ({
	kind: 'choice',
	id: 'example',
	title: 'Example',
	prompt: 'Which example?',
	options: (env.examples ?? []).map(example => ({value: example.id, label: example.title, hint: example.description ?? ''})),
});

export const fileQuestion: TextQuestion = {
	kind: 'text',
	id: 'file',
	title: 'Snapshot file',
	prompt: 'Which snapshot file? (a path; saved with s to the result screen, or by check --save-snapshot)',
	placeholder: 'e.g. ./snapshot.json',
	validate: text => (text === '' ? 'type the path of a snapshot file' : undefined),
};

export const recentQuestion = (env: FlowEnv): ChoiceQuestion | undefined => {
	const recent = env.settings?.recentTargets ?? [];
	if (recent.length === 0) return undefined;
	return {
		kind: 'choice',
		id: 'recent',
		title: 'Target',
		prompt: 'Check one of your recent targets?',
		options: [
			...recent.slice(0, 9).map(
				(target, index): ChoiceOption => ({
					value: `recent:${targetLabel(target.operation, target.bucket, target.objectKey)}`,
					label: targetLabel(target.operation, target.bucket, target.objectKey),
					hotkey: String(index + 1),
					sets: {operation: target.operation, bucket: target.bucket, 'object-key': target.objectKey},
				}),
			),
			{value: 'new', label: 'Something else', hotkey: 'n'},
		],
	};
};

export const operationQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'operation',
	title: 'Operation',
	prompt: 'What fails?',
	options: [
		{value: 'upload', label: 'Upload', hint: 'PutObject, multipart upload'},
		{value: 'download', label: 'Download', hint: 'GetObject'},
		{value: 'copy', label: 'Copy', hint: 'CopyObject, from one object to another'},
	],
};

export const bucketQuestion = (id: 'bucket' | 'source-bucket', title: string, prompt: string): TextQuestion => ({
	kind: 'text',
	id,
	title,
	prompt,
	placeholder: 'bucket name, or s3://bucket/key',
	validate: checkBucketName,
});

export const objectKeyQuestion = (id: 'object-key' | 'source-key', title: string, prompt: string): TextQuestion => ({
	kind: 'text',
	id,
	title,
	prompt,
	placeholder: 'e.g. uploads/2024/report.csv',
	validate: checkObjectKey,
});

export const namesKeyQuestion = (operation: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'names-key',
	title: 'KMS key in the request',
	prompt: `Does the ${operation} name a KMS key itself? (--sse-kms-key-id, SSEKMSKeyId, x-amz-server-side-encryption-aws-kms-key-id)`,
	options: [
		{value: 'no', label: "No: the bucket's default encryption decides"},
		{value: 'yes', label: 'Yes, it names a key'},
	],
});

export const kmsKeyQuestion = (suggestion: string | undefined): TextQuestion => ({
	kind: 'text',
	id: 'kms-key',
	title: 'KMS key',
	prompt: 'Which key does the request name?',
	placeholder: 'key ID, key ARN or alias/NAME',
	validate: checkKmsKeyReference,
	...(suggestion ? {suggestion} : {}),
});

/** Offline, the key has to be given as an ARN: nothing can resolve an alias or tell which key the bucket uses. */
export const keyArnQuestion = (id: string, title: string, prompt: string, suggestion: string | undefined, allowAwsManaged = false): TextQuestion => ({
	kind: 'text',
	id,
	title,
	prompt,
	placeholder: allowAwsManaged ? 'arn:aws:kms:REGION:ACCOUNT:key/ID, or aws/s3' : 'arn:aws:kms:REGION:ACCOUNT:key/ID',
	// The whole output of get-bucket-encryption or head-object may be pasted: the key is taken from it.
	...keyFromPasteChecks(allowAwsManaged, text => (allowAwsManaged && text === 'aws/s3' ? undefined : checkKeyArn(text))),
	...(suggestion ? {suggestion} : {}),
});

export const sizeQuestion: TextQuestion = {
	kind: 'text',
	id: 'size',
	title: 'Size',
	prompt: 'How big is the file? (it decides whether it goes up in parts; leave empty if you do not know)',
	placeholder: 'e.g. 200 MB, 1.5 GiB',
	validate: checkSize,
	display: describeSize,
};

export const toolQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'tool',
	title: 'Tool',
	prompt: 'What uploads it?',
	options: toolOptions,
};

export const regionQuestion = (suggestion: string | undefined): TextQuestion => ({
	kind: 'text',
	id: 'region',
	title: 'Region',
	prompt: 'Which Region shall the reads start in? (the profile names none; the bucket\'s own Region is then found)',
	placeholder: 'e.g. eu-west-1',
	validate: checkRegion,
	suggestion: suggestion ?? 'us-east-1',
});

export const otherProfileQuestion = (env: FlowEnv, caller: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'other-profile',
	title: "Bucket's account",
	prompt: "Do you also have a profile in the bucket's or the key's account? It can read the bucket policy and key policy the caller cannot.",
	options: [
		{value: 'none', label: `No (or they are in the same account): use ${caller} only`},
		...(env.profiles ?? []).filter(profile => profile.name !== caller).map(profile => profileOption(profile)),
	],
	...(env.settings?.lastBucketProfile && env.settings.lastBucketProfile !== caller ? {defaultValue: profileValue(env.settings.lastBucketProfile)} : {}),
});

export const principalQuestion: TextQuestion = {
	kind: 'text',
	id: 'principal',
	title: 'Caller',
	prompt: 'Who makes the request? (the ARN that aws sts get-caller-identity shows)',
	placeholder: 'arn:aws:sts::111122223333:assumed-role/ROLE/SESSION',
	validate: checkPrincipalArn,
};

export const bucketAccountQuestion = (bucket: string, callerAccount: string | undefined): ChoiceQuestion => ({
	kind: 'choice',
	id: 'bucket-account',
	title: 'Bucket account',
	prompt: `Is bucket ${bucket} in the caller's account${callerAccount ? ` (${callerAccount})` : ''}? (bucket names do not say; it decides whether the bucket policy alone can allow)`,
	options: [
		{value: 'same', label: "Yes, the caller's account"},
		{value: 'other', label: 'No, another account'},
		{value: 'unknown', label: 'I do not know'},
	],
});

export const accountIdQuestion: TextQuestion = {
	kind: 'text',
	id: 'bucket-account-id',
	title: "Bucket's account ID",
	prompt: "Which account owns the bucket? (12 digits; leave empty if you do not know)",
	placeholder: '111122223333',
	validate: text => (text === '' ? undefined : checkAccountId(text)),
	display: text => (text === '' ? 'another account (ID not known)' : text),
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
export const policyHowQuestion = (id: string, title: string, prompt: string, noneLabel?: string): ChoiceQuestion => ({
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
export const policyPasteQuestion = (env: FlowEnv, id: string, title: string, prompt: string, kind?: PolicyKind, help?: string): PasteQuestion => ({
	kind: 'paste',
	id,
	title,
	prompt,
	...(help ? {help} : {}),
	check: (text): PasteCheck => {
		const checked = env.checkPolicy(text, title, kind);
		if (!checked.ok) return checked;
		const {notes, warnings} = checked;
		return {ok: true, summary: `valid policy, ${checked.statementCount} statement${checked.statementCount === 1 ? '' : 's'}`, ...(notes ? {notes} : {}), ...(warnings ? {warnings} : {})};
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

/** A pause after the reads, so what they found can be read before the result covers it. */
export const readsDoneQuestion = (readCount: number, unknownCount: number): ChoiceQuestion => ({
	kind: 'choice',
	id: 'reviewed',
	title: 'Reads',
	prompt:
		unknownCount === 0
			? `All ${readCount} reads worked. Diagnose?`
			: `${readCount - unknownCount} of ${readCount} reads worked; ${unknownCount === 1 ? 'one stays' : `${unknownCount} stay`} unknown (? above: the result says what would decide ${unknownCount === 1 ? 'it' : 'them'}). Diagnose?`,
	options: [{value: 'go', label: 'Show the diagnosis'}],
});

export const collectFailedQuestion = (message: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'collect-failed',
	title: 'Reading failed',
	prompt: `The reads could not start: ${message}`,
	options: [
		{value: 'retry', label: 'Try again', hint: 'after aws sso login, or with the network back'},
		{value: 'back', label: 'Go back and change the answers'},
	],
});

/** Prefill from a pasted error: the operation, bucket and key it names. */
export const targetOfDenial = (denial: ParsedDenial | undefined): {operation?: string; bucket?: string; objectKey?: string; keyArn?: string} => {
	if (!denial) return {};
	const resources = [denial.resource, denial.encryptionContext?.['aws:s3:arn']].filter((value): value is string => typeof value === 'string');
	const objectArn = resources.map(resource => /^arn:[a-z-]+:s3:::([^/]+)\/(.+)$/.exec(resource)).find(Boolean);
	const keyArn = [denial.resource, denial.keyId].find(value => value !== undefined && /^arn:[a-z-]+:kms:[^:]+:\d{12}:key\//.test(value));
	return {
		...(denial.operation ? {operation: denial.operation} : {}),
		...(objectArn ? {bucket: objectArn[1]!, objectKey: objectArn[2]!} : {}),
		...(keyArn ? {keyArn} : {}),
	};
};
