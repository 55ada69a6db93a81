import type {Flow, Wait, Yielded} from './flow-types.js';
import type {Note, Question, QuestionId} from './question.js';

/** What a flow does: ask a question (and receive its answer), show notes in the transcript, or wait for work. */

export function* ask(question: Question, problem?: string, notes?: readonly Note[]): Flow<string> {
	const yielded: Yielded = {kind: 'ask', question, ...(problem === undefined ? {} : {problem}), ...(notes ? {notes} : {})};
	return (yield yielded) ?? '';
}

export function* show(notes: readonly Note[]): Flow<void> {
	if (notes.length > 0) yield {kind: 'show', step: {kind: 'notes', notes}};
}

/** The answer stored for a question (given earlier, or set by another's paste), without asking it: undefined if none. */
export function* recall(id: QuestionId): Flow<string | undefined> {
	return yield {kind: 'recall', id};
}

/** Stops the walk until the work is done; the walker then walks again from the start, never resuming here. */
export function* waitFor(wait: Wait): Flow<never> {
	yield {kind: 'wait', wait};
	throw new Error('the walker never resumes a wait');
}
