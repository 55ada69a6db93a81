import type {AnswerProblem} from '../snapshot/aws-answers/index.js';
import type {Failure} from './aws-error.js';

/** An answer that came but says too little, as a failure the notes word like any other. */
export const answerFailure = (problem: AnswerProblem): Failure => ({
	kind: 'other',
	code: problem.kind === 'policy-document' ? 'MalformedPolicyDocument' : 'IncompleteAnswer',
	message: problem.message,
});
