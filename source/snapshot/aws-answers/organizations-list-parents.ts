import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asArray, asString, field} from './json-access.js';

/** The OU or root above an account or OU. */
export type Parent = {readonly id: string; readonly isRoot: boolean};

/** organizations:ListParents: the parent (an account or OU has exactly one). */
export const parentOf = (answer: unknown): Mapped<Parent> => {
	const parent = asArray(field(answer, 'Parents'))[0];
	const id = asString(field(parent, 'Id'));
	if (!id) return shapeProblem('ListParents named no parent');
	return ok({id, isRoot: asString(field(parent, 'Type')) === 'ROOT'});
};
