import type {SetQualifier} from '../policy.js';

/** Every base condition operator in the IAM reference. */
export const baseOperators = [
	'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
	'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
	'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
	'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress',
	'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
	'Null',
] as const;

export type BaseOperator = (typeof baseOperators)[number];

export type OperatorName = {
	readonly base: BaseOperator;
	readonly qualifier?: SetQualifier;
	readonly ifExists: boolean;
};

const byLowerName = new Map<string, BaseOperator>(baseOperators.map(name => [name.toLowerCase(), name]));

/** Split `ForAnyValue:StringLikeIfExists` into its parts; `undefined` for an operator IAM does not have. */
export const parseOperatorName = (text: string): OperatorName | undefined => {
	let rest = text;
	let qualifier: SetQualifier | undefined;
	const colon = rest.indexOf(':');
	if (colon !== -1) {
		const prefix = rest.slice(0, colon).toLowerCase();
		if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
		else if (prefix === 'forallvalues') qualifier = 'ForAllValues';
		else return undefined;
		rest = rest.slice(colon + 1);
	}
	let ifExists = false;
	if (rest.toLowerCase().endsWith('ifexists')) {
		ifExists = true;
		rest = rest.slice(0, -'ifexists'.length);
	}
	const base = byLowerName.get(rest.toLowerCase());
	// `Null` has no IfExists form: it is itself the existence test.
	if (!base || (base === 'Null' && ifExists)) return undefined;
	return qualifier ? {base, qualifier, ifExists} : {base, ifExists};
};
