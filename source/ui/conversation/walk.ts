import {conversation} from './start-flow.js';
import type {FlowEnv, Step, Walk} from './flow-types.js';
import {profileOfAnswer} from './profile-answer.js';
import {answerIsValid, type ChoiceOption, type Question, type QuestionId} from './question.js';

/** Stored answers: the raw text or option value, by question id. */
export type Answers = Readonly<Partial<Record<QuestionId, string>>>;

/** A conversation never has more questions than this; a loop in the flow would otherwise hang the UI. */
const maximumSteps = 500;

/**
 * Replay the conversation with the stored answers: every question whose answer is still valid is taken
 * as answered (so going back and changing one answer keeps the others), and the walk stops at the first
 * question without a valid answer, at `stopAt` (the question being edited), or at work still running.
 * `askedAbout`: what each answer was given about (a question's `about`); a question now about something else (another
 * bucket, another key) is asked again, its earlier answer offered, never replayed as an answer to what was not asked.
 * `drafts`: text the user left in a field (Esc while editing it): that question is asked again, the draft in its field.
 */
export const walk = (answers: Answers, env: FlowEnv, stopAt?: QuestionId, askedAbout: Answers = {}, drafts: Answers = {}): Walk => {
	const steps: Step[] = [];
	// What the choices replayed so far set along with their own answer (a recent target: its operation, bucket and key).
	const setAlong: Partial<Record<QuestionId, string>> = {};
	const flow = conversation(env);
	let input: string | undefined;
	for (let count = 0; count < maximumSteps; count++) {
		const result = flow.next(input);
		input = undefined;
		if (result.done) return {steps, next: {kind: 'done', ending: result.value}};
		const yielded = result.value;
		if (yielded.kind === 'show') {
			steps.push(yielded.step);
			continue;
		}
		if (yielded.kind === 'wait') return {steps, next: {kind: 'wait', wait: yielded.wait}};
		if (yielded.kind === 'recall') {
			input = answers[yielded.id];
			continue;
		}
		const {question, problem} = yielded;
		const notes = yielded.notes ?? [];
		const answer = standing(question, answers[question.id], answers);
		const askedElse = askedAbout[question.id] !== undefined && askedAbout[question.id] !== question.about;
		// An edit left unfinished is where the user was: it is not replaced by the answer it was changing.
		const draft = drafts[question.id];
		if (problem === undefined && answer !== undefined && question.id !== stopAt && !askedElse && draft === undefined) {
			if (answerIsValid(question, answer)) {
				steps.push({kind: 'answer', question, answer, notes, ...(setAlong[question.id] === answer ? {setAlong: true} : {})});
				if (question.kind === 'choice') Object.assign(setAlong, question.options.find(option => option.value === answer)?.sets);
				input = answer;
				continue;
			}
			// A saved check's profile, before the profiles are read: wait for them rather than ask.
			if (question.kind === 'choice' && question.loading !== undefined) return {steps, next: {kind: 'wait', wait: {kind: 'start-up'}}};
		}
		// A stored choice that is not offered any more (a saved check's deleted profile) is said, not silently asked again.
		const stale = problem === undefined && answer !== undefined && question.id !== stopAt && !askedElse && draft === undefined && question.kind === 'choice' ? staleChoice(answer) : undefined;
		// Asked again with a problem (a file that could not be read): the earlier line is replaced by the question.
		const earlier = steps.findLastIndex(step => step.kind === 'answer' && step.question.id === question.id);
		if (earlier !== -1) steps.splice(earlier);
		const initial = draft ?? answer;
		return {
			steps,
			next: {kind: 'ask', question, notes, ...(initial === undefined ? {} : {initial}), ...(problem === undefined ? (stale === undefined ? {} : {problem: stale}) : {problem})},
		};
	}
	throw new Error('the conversation did not end: a loop in the flows');
};

/**
 * A choice that set other answers (a recent target) stands only while they do: once one is changed, it is the option
 * whose `sets` all hold now, or the question's `otherwise`; so the transcript never names a target no longer checked.
 */
const standing = (question: Question, answer: string | undefined, answers: Answers): string | undefined => {
	if (answer === undefined || question.kind !== 'choice' || question.otherwise === undefined) return answer;
	const holds = (option: ChoiceOption): boolean => option.sets !== undefined && Object.entries(option.sets).every(([id, value]) => answers[id as QuestionId] === value);
	const chosen = question.options.find(option => option.value === answer);
	if (chosen?.sets === undefined || holds(chosen)) return answer;
	return question.options.find(holds)?.value ?? question.otherwise;
};

const staleChoice = (answer: string): string => {
	const profile = profileOfAnswer(answer);
	return profile === undefined
		? `"${answer}" is not one of the choices any more: choose again`
		: `the AWS profile "${profile}" is not in your AWS config or credentials file any more: choose a profile or another way in`;
};

/** The question before the active one that Esc goes back to, or undefined at the first question. */
export const previousQuestionId = (steps: readonly Step[]): QuestionId | undefined => {
	for (let index = steps.length - 1; index >= 0; index--) {
		const step = steps[index]!;
		if (step.kind === 'answer') return step.question.id;
	}
	return undefined;
};
