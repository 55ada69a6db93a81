import type {DistributionQuestionId} from './distribution-questions.js';
import type {PresignedQuestionId} from './presigned-questions.js';
import type {LiveQuestionId} from './live-questions.js';
import type {ManualQuestionId} from './manual-questions.js';
import type {ServiceQuestionId} from './service-questions.js';
import type {StartQuestionId} from './start-questions.js';
import type {TargetQuestionId} from './target-questions.js';
import type {Answers} from './walk.js';

/**
 * The questions the wizard asks, as data: the conversation flow yields them, the views draw them, and the
 * session stores each answer as a string under the question's id (so answers can be kept, re-checked
 * and replayed when the user goes back and changes an earlier one). Each question is written next to the
 * flow that asks it (start-, target-, live- and manual-questions.ts), which also names its ids.
 */

/** Every id a question can have: the compiler rejects an answer stored, set or looked up under any other. */
export type QuestionId = StartQuestionId | TargetQuestionId | DistributionQuestionId | PresignedQuestionId | ServiceQuestionId | LiveQuestionId | ManualQuestionId;

export type ChoiceOption = {
	readonly value: string;
	readonly label: string;
	/** A dim second column: a profile's Region, what an option means. */
	readonly hint?: string;
	/** One key that chooses it directly (recent targets: 1–9). */
	readonly hotkey?: string;
	/** Further answers this choice fills in (a recent target sets operation, bucket and key). */
	readonly sets?: Answers;
};

/** Lines drawn under a question, before the input: what was found, what it means. */
export type Note = {
	readonly tone: 'found' | 'info' | 'warning' | 'unknown';
	readonly text: string;
};

type QuestionBase = {
	readonly id: QuestionId;
	/** Short, for the transcript: `Bucket`. */
	readonly title: string;
	/** The sentence asked: `Which bucket?` */
	readonly prompt: string;
	readonly help?: string;
	/** What it asks about (a bucket, a key, the caller): an answer given about one replays only for the same (see `walk`). */
	readonly about?: string;
};

/**
 * Kept in a saved check (n on a result, replayed by `--saved NAME`): the answers that name or choose
 * something (a profile, a bucket, a size). A pasted answer (a policy, an error message) never is, so a
 * paste question cannot be marked.
 */
type Keepable = {readonly keptForSaved?: true};

export type ChoiceQuestion = QuestionBase & Keepable & {
	readonly kind: 'choice';
	readonly options: readonly ChoiceOption[];
	/** The option focused first (last time's profile, the previous answer). */
	readonly defaultValue?: string;
	/** The first question: text pasted here (an error message) is taken as such. */
	readonly acceptsPaste?: boolean;
	/**
	 * The option that stands once an answer the chosen option `sets` was changed (a recent target's key edited:
	 * "Something else"), unless another option's `sets` all hold now (see `walk`).
	 */
	readonly otherwise?: string;
	/**
	 * More options are on their way (the profiles): a quiet line says so under the list. The question can be
	 * answered meanwhile; a stored answer that is not an option yet waits for them instead of being asked again.
	 */
	readonly loading?: string;
};

export type TextQuestion = QuestionBase & Keepable & {
	readonly kind: 'text';
	readonly placeholder?: string;
	/** Offered as the starting text (the key's Region, last time's Region). */
	readonly suggestion?: string;
	/** A problem in words, or undefined when the text is acceptable. */
	readonly validate: (text: string) => string | undefined;
	/** How the answer reads in the transcript (`200 MB` → `200 MB (209,715,200 bytes)`). */
	readonly display?: (text: string) => string;
	/** The answer to keep, from what was typed or pasted (the key ARN out of pasted CLI output). */
	readonly interpret?: (text: string) => string;
	/** Later questions the same text answers too (head-object output names the object's size): asked no more. */
	readonly alsoAnswers?: (text: string) => Readonly<Partial<Record<QuestionId, string>>>;
};

export type PasteCheck =
	/** `notes`: what was done to read the paste; `warnings`: what looks wrong, though it can be used. */
	| {readonly ok: true; readonly summary: string; readonly notes?: readonly string[]; readonly warnings?: readonly string[]}
	| {readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number};

export type PasteQuestion = QuestionBase & {
	readonly kind: 'paste';
	readonly keptForSaved?: never;
	readonly check: (text: string) => PasteCheck;
};

export type Question = ChoiceQuestion | TextQuestion | PasteQuestion;

/** Is a stored answer still a valid answer to this question (after an earlier answer changed)? */
export const answerIsValid = (question: Question, answer: string): boolean => {
	switch (question.kind) {
		case 'choice':
			return question.options.some(option => option.value === answer);
		case 'text':
			return question.validate(answer) === undefined;
		case 'paste':
			return question.check(answer).ok;
	}
};

/** The answer as the transcript shows it. */
export const displayAnswer = (question: Question, answer: string): string => {
	switch (question.kind) {
		case 'choice':
			return question.options.find(option => option.value === answer)?.label ?? answer;
		case 'text':
			return question.display ? question.display(answer) : answer === '' ? '(none)' : answer;
		case 'paste': {
			const check = question.check(answer);
			return check.ok ? (check.warnings && check.warnings.length > 0 ? `${check.summary}; ${check.warnings.join(' ')}` : check.summary) : 'pasted';
		}
	}
};

/** Whether an answer was taken with a warning (a pasted policy naming an action that does not exist): marked `!`, not ✔. */
export const answeredWithWarning = (question: Question, answer: string): boolean => {
	if (question.kind !== 'paste') return false;
	const check = question.check(answer);
	return check.ok && check.warnings !== undefined && check.warnings.length > 0;
};

/**
 * Whether the answer says it leaves the fact unknown ("I cannot get it: leave it unknown", "I do not know"): marked `?`,
 * as the result marks it, not ✔. "Skip: leave it as the message says" keeps what the message says: ✔.
 */
export const answeredUnknown = (question: Question, answer: string): boolean =>
	question.kind === 'choice' && answer === 'unknown' && /unknown|do not know/i.test(question.options.find(option => option.value === answer)?.label ?? '');
