import {readPastedPolicy} from '../inputs/paste/read-pasted-policy.js';
import type {PolicyCheck, PolicyKind} from '../ui/services.js';

/** Any form AWS prints a policy in (inputs/paste), checked as the kind of policy the question asks for. */
export const checkPolicy = (text: string, name: string, kind?: PolicyKind): PolicyCheck => {
	const pasted = readPastedPolicy(text, name, kind);
	if (!pasted.ok) {
		const {message, line, column} = pasted.error;
		return {ok: false, message, ...(line === undefined ? {} : {line}), ...(column === undefined ? {} : {column})};
	}
	const {statementCount, notes, warnings} = pasted.value;
	return {ok: true, statementCount, ...(notes.length > 0 ? {notes} : {}), ...(warnings.length > 0 ? {warnings} : {})};
};
