import {cloudTrailHint, hintText} from '../../inputs/paste/fetch-commands.js';
import {notADenial} from './denial-meaning.js';
import type {FlowEnv} from './flow-types.js';
import {s3Url} from '../../names/index.js';
import {lastProfileFirst, profileOption, profilesLoading} from './profile-options.js';
import type {ChoiceOption, ChoiceQuestion, PasteCheck, PasteQuestion, TextQuestion} from './question.js';
import {targetLabel} from './target-questions.js';

/** The questions start-flow.ts asks: how to look at the failing request, and the example, file or error to start from. */

export type StartQuestionId = 'start' | 'read-how' | 'error-text' | 'not-denial' | 'example' | 'file';

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
		keptForSaved: true,
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
		const {object} = parsed.value;
		// The object an `aws s3` line names, by its URL where no ARN of the message gave its partition.
		const what = [parsed.value.action, parsed.value.resource ?? (object ? s3Url(object.bucket, object.objectKey) : undefined)].filter(Boolean).join(' on ');
		// Read, but no access denial: `!`, never ✔, as every paste usable with a warning.
		const other = notADenial(parsed.value);
		return {ok: true, summary: `recognised ${parsed.value.form === 'cloudtrail' ? 'a CloudTrail event' : 'an error message'}${what ? `: ${what}` : ''}`, ...(other ? {warnings: [other.warning]} : {})};
	},
});

/**
 * After an error that is no access denial: the permissions this tool checks cannot explain it. Going back and starting
 * over are decisions about the conversation, not answers (conversation-screen.tsx); going on is kept, for that error.
 */
export const notDenialQuestion = (errorCode: string): ChoiceQuestion => ({
	kind: 'choice',
	id: 'not-denial',
	title: 'Not an access denial',
	prompt: `${errorCode} is not an access denial: checking permissions cannot explain it. What now?`,
	options: [
		{value: 'paste-again', label: 'Go back and paste another error', hint: 'this one stays in the field to edit'},
		{value: 'start-over', label: 'Start over', hint: 'the first question'},
		{value: 'continue', label: 'Go on anyway: check the permissions of the request', hint: 'only what it names is taken from it'},
	],
	about: errorCode,
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
