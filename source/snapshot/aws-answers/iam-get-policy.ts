import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asString, field} from './json-access.js';

/** iam:GetPolicy: which version of a managed policy is in force, and the policy's name. */
export type ManagedPolicy = {readonly defaultVersionId: string; readonly name?: string};

export const managedPolicyOf = (answer: unknown): Mapped<ManagedPolicy> => {
	const defaultVersionId = asString(field(answer, 'Policy', 'DefaultVersionId'));
	if (!defaultVersionId) return shapeProblem('GetPolicy named no default version');
	const name = asString(field(answer, 'Policy', 'PolicyName'));
	return ok({defaultVersionId, ...(name ? {name} : {})});
};
