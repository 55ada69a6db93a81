import type {Flow, Yielded} from './flow-types.js';
import type {Note, Question} from './question.js';

/** The two things a flow does: ask a question (and receive its answer), or show notes in the transcript. */

export function* ask(question: Question, problem?: string, notes?: readonly Note[]): Flow<string> {
	const yielded: Yielded = {kind: 'ask', question, ...(problem === undefined ? {} : {problem}), ...(notes ? {notes} : {})};
	return (yield yielded) ?? '';
}

export function* show(notes: readonly Note[]): Flow<void> {
	if (notes.length > 0) yield {kind: 'show', step: {kind: 'notes', notes}};
}
