import type {ContextEntry, ContextLookup} from '../context.js';
import {type Tri, triNot} from '../tri.js';
import {matchesAny, mayMatch, readsAsMissing, requestValues, type CompiledClause} from './compile-clause.js';
import {nullValueProblem} from './null.js';
import {formatActual, quote, quoteList, relationPhrase} from './wording.js';

/** The one-sentence reason of a condition trace, built only when someone reads it. */

const verdict = (result: Tri): string => (result === 'yes' ? 'matches' : result === 'no' ? 'does not match' : 'may or may not match');

export const describeCondition = (compiled: CompiledClause, actual: ContextEntry, result: Tri, lookup: ContextLookup): string => {
	const {key, operator: name, values: written} = compiled.clause;
	const operator = compiled.operator;
	if (!operator) return `${quote(name)} is not an IAM condition operator, so this condition cannot be evaluated`;
	if (actual.state === 'unknown') return `${key} is not known for this request`;

	const empty = actual.state === 'present' && actual.values.length > 0 && readsAsMissing(compiled, actual.values);
	const missing = actual.state === 'absent' || actual.values.length === 0 || empty;
	const where =
		actual.state === 'absent' ? `${key} is not in the request` : empty ? `${key} is an empty string in the request` : `${key} has no values in the request`;

	if (operator.kind === 'null') {
		const subject = missing ? where : `${key} is ${formatActual(actual.values, actual.multiValued)}`;
		const expected = written.length === 1 ? quote(written[0]!) : `one of ${quoteList(written)}`;
		const problem = result === 'unknown' ? written.map(nullValueProblem).find(Boolean) : undefined;
		return `${subject}, so ${name} ${expected} ${verdict(result)}${problem ? `: ${problem}` : ''}`;
	}
	if (missing) {
		const {clause} = compiled;
		if (clause.ifExists) return `${where}, and ${name} counts a missing key as a match`;
		if (clause.qualifier === 'ForAllValues') return `${where}, and ${name} counts an empty set as a match`;
		if (clause.qualifier === 'ForAnyValue') return `${where}, so ${name} has no value to match`;
		if (operator.negated) return `${where}, and ${name} counts a missing key as a match`;
		return `${where}, so ${name} does not match`;
	}

	const present = actual as Extract<ContextEntry, {state: 'present'}>;
	const expected = requestValues(compiled, operator, lookup);
	const matches = present.values.map(value => matchesAny(operator, value, expected));
	const passes = matches.map(match => (operator.negated ? triNot(match) : match));
	/** What one request value did: `"x" is not one of "a"`, or why that is not known. */
	const describe = (value: string, match: Tri, single: boolean): string => {
		const subject = single ? `${key} is ${quote(value)}, ` : '';
		if (match === 'unknown') {
			const it = single ? 'it' : quote(value);
			const relation = relationPhrase(operator.relation, true, written);
			const unreadable = operator.problem?.(value);
			if (unreadable !== undefined) return `${subject}${single ? 'which' : quote(value)} ${unreadable}, so whether ${it} ${relation} is not known`;
			const undecided = expected.map(one => (one.state === 'ready' ? operator.undecided?.(value, one.text) : undefined)).find(why => why !== undefined);
			if (undecided !== undefined) return `${subject}${single ? 'but ' : ''}whether ${it} ${relation} is not known: ${undecided}`;
			const cause = expected.find(one => one.state === 'unknown' && mayMatch(operator, value, one));
			if (cause?.unreadable !== undefined) return `${subject}${single ? 'but ' : ''}whether ${it} ${relation} is not known: ${quote(cause.written)} ${cause.unreadable}`;
			const because = cause?.key ?? key;
			return `${subject}${single ? 'but ' : ''}whether ${it} ${relation} depends on ${because}, which is not known for this request`;
		}
		return `${subject}${single ? 'which' : quote(value)} ${relationPhrase(operator.relation, match === 'yes', written)}`;
	};

	let reason: string;
	if (present.partial && result === 'unknown' && !passes.includes('unknown')) {
		// Only the values the key may also hold could change the answer: say so rather than name a value that decided nothing.
		reason = `${key} holds ${formatActual(present.values, true)} and perhaps more not known here, and those could change the answer, so ${name} ${verdict(result)}`;
	} else if (present.values.length === 1 && !present.multiValued) {
		reason = describe(present.values[0]!, matches[0]!, true);
		if (compiled.clause.qualifier || operator.negated) reason += `, so ${name} ${verdict(result)}`;
	} else {
		// Name the request value that decided the result, or say that all of them agree.
		const {every} = compiled;
		const decisive = passes.findIndex(pass => pass === result);
		const witnessed = result === 'unknown' || (every ? result === 'no' : result === 'yes');
		const detail = witnessed
			? describe(present.values[decisive]!, matches[decisive]!, false)
			: `${matches[0] === 'yes' ? 'each' : 'none'} of them ${relationPhrase(operator.relation, true, written)}`;
		const holds = present.partial ? `holds ${formatActual(present.values, true)} (and perhaps more not known here)` : `is ${formatActual(present.values, present.multiValued)}`;
		reason = `${key} ${holds} and ${detail}, so ${name} ${verdict(result)}`;
	}

	const unmatchable = expected.find(value => value.state === 'absent');
	if (unmatchable?.state === 'absent') reason += ` (${unmatchable.key} is not in the request, so ${quote(unmatchable.written)} matches nothing)`;
	// A value whose variable is not known, yet no request value could match it: say why that key was not needed.
	const ruledOut = expected.find(value => value.state === 'unknown' && present.values.every(one => !mayMatch(operator, one, value)));
	if (ruledOut) reason += ` (whatever ${ruledOut.key} holds, ${quote(ruledOut.written)} cannot match)`;
	return reason;
};
