import {compiledSlot} from './compile-policy.js';
import {parseOperatorName} from './conditions/operator-name.js';
import {parseJson} from './json.js';
import type {ConditionClause, Effect, Policy, PrincipalElement, Statement} from './policy.js';
import {err, ok, type Result} from '../shared/result.js';
import {isObject, type JsonObject} from '../shared/json.js';
import {isAccountId} from '../names/index.js';

export type PolicyParseError = {
	/** The whole message, naming the policy and the statement: `key policy, Sid "Use": Effect must be …`. */
	readonly message: string;
	readonly policyName: string;
	/** `Sid "X"` or `statement #N`, when the error is inside a statement. */
	readonly statement?: string;
	readonly line?: number;
	readonly column?: number;
};



const knownVersions = new Set(['2012-10-17', '2008-10-17']);
const statementElements = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const principalTypes = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Thrown only inside this module and turned into a value at its edge. */
class StatementError extends Error {}

const fail = (message: string): never => {
	throw new StatementError(message);
};

const stringList = (value: unknown, element: string): string[] => {
	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0) fail(`${element} must not be empty`);
	return list.map(entry => {
		if (typeof entry !== 'string') fail(`${element} must be a string or an array of strings, found ${JSON.stringify(entry)}`);
		return entry as string;
	});
};

const parseActions = (value: unknown, element: string): string[] => {
	const actions = stringList(value, element);
	for (const action of actions) {
		if (action !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
			fail(`${element} "${action}" is not of the form service:Action (e.g. "kms:Decrypt")`);
		}
	}
	return actions;
};

const parsePrincipal = (value: unknown, element: string): PrincipalElement => {
	if (value === '*') return {kind: 'any'};
	if (!isObject(value)) fail(`${element} must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}`);
	const entries = value as JsonObject;
	for (const type of Object.keys(entries)) {
		if (!principalTypes.has(type)) fail(`${element} has an unknown type "${type}"; expected AWS, Service, Federated or CanonicalUser`);
	}
	const read = (type: string): string[] => (entries[type] === undefined ? [] : stringList(entries[type], `${element}.${type}`));
	const aws = read('AWS');
	for (const entry of aws) {
		if (entry !== '*' && !isAccountId(entry) && !entry.startsWith('arn:') && !/^[A-Z0-9]{21}$/.test(entry)) {
			fail(`${element}.AWS "${entry}" is not an account ID, an ARN or "*"`);
		}
	}
	return {kind: 'set', aws, service: read('Service'), federated: read('Federated'), canonicalUser: read('CanonicalUser')};
};

const conditionValue = (value: unknown, where: string): string => {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
	return fail(`${where} must be a string, number or boolean, found ${JSON.stringify(value)}`);
};

const parseConditions = (value: unknown): ConditionClause[] => {
	if (!isObject(value)) fail('Condition must be an object of operators, e.g. {"StringEquals": {"kms:ViaService": "…"}}');
	const clauses: ConditionClause[] = [];
	for (const [operator, block] of Object.entries(value as JsonObject)) {
		const name = parseOperatorName(operator);
		if (!name) fail(`Condition operator "${operator}" does not exist (e.g. StringEquals, ArnLike, Bool, IpAddress, ForAnyValue:StringLike)`);
		if (!isObject(block)) fail(`Condition "${operator}" must map condition keys to values`);
		for (const [key, raw] of Object.entries(block as JsonObject)) {
			const where = `Condition "${operator}" "${key}"`;
			const list = Array.isArray(raw) ? raw : [raw];
			if (list.length === 0) fail(`${where} has no values`);
			const values = list.map(entry => conditionValue(entry, where));
			clauses.push({
				operator,
				baseOperator: name!.base,
				...(name!.qualifier ? {qualifier: name!.qualifier} : {}),
				ifExists: name!.ifExists,
				key,
				values,
			});
		}
	}
	return clauses;
};

const parseStatement = (raw: unknown, index: number): Statement => {
	if (!isObject(raw)) fail('a statement must be a JSON object');
	const source = raw as JsonObject;
	for (const element of Object.keys(source)) {
		if (!statementElements.has(element)) fail(`unknown element "${element}" (expected ${[...statementElements].join(', ')})`);
	}
	const sid = source['Sid'];
	if (sid !== undefined && typeof sid !== 'string') fail('Sid must be a string');
	const effect = source['Effect'];
	if (effect !== 'Allow' && effect !== 'Deny') {
		fail(effect === undefined ? 'Effect is missing; it must be "Allow" or "Deny"' : `Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`);
	}
	const has = (element: string): boolean => source[element] !== undefined;
	if (has('Action') === has('NotAction')) fail('a statement needs exactly one of Action or NotAction');
	if (has('Resource') && has('NotResource')) fail('a statement may have Resource or NotResource, not both');
	if (!has('Resource') && !has('NotResource')) fail('a statement needs Resource or NotResource (use "*" in a key policy)');
	if (has('Principal') && has('NotPrincipal')) fail('a statement may have Principal or NotPrincipal, not both');
	return {
		index,
		...(typeof sid === 'string' && sid !== '' ? {sid} : {}),
		effect: effect as Effect,
		...(has('Action') ? {action: parseActions(source['Action'], 'Action')} : {}),
		...(has('NotAction') ? {notAction: parseActions(source['NotAction'], 'NotAction')} : {}),
		...(has('Resource') ? {resource: stringList(source['Resource'], 'Resource')} : {}),
		...(has('NotResource') ? {notResource: stringList(source['NotResource'], 'NotResource')} : {}),
		...(has('Principal') ? {principal: parsePrincipal(source['Principal'], 'Principal')} : {}),
		...(has('NotPrincipal') ? {notPrincipal: parsePrincipal(source['NotPrincipal'], 'NotPrincipal')} : {}),
		conditions: has('Condition') ? parseConditions(source['Condition']) : [],
		source,
	};
};

const labelOf = (raw: unknown, index: number): string =>
	isObject(raw) && typeof raw['Sid'] === 'string' && raw['Sid'] !== '' ? `Sid "${raw['Sid']}"` : `statement #${index + 1}`;

/**
 * Parse a policy document (JSON text or an already parsed object) into typed statements.
 * Every error names the policy and the statement, and a JSON syntax error its line and column.
 */
export const parsePolicy = (input: string | unknown, name: string): Result<Policy, PolicyParseError> => {
	let document: unknown = input;
	if (typeof input === 'string') {
		const parsed = parseJson(input);
		if (!parsed.ok) {
			return err({message: `${name}: not valid JSON: ${parsed.error.message}`, policyName: name, line: parsed.error.line, column: parsed.error.column});
		}
		document = parsed.value;
	}
	if (!isObject(document)) return err({message: `${name}: a policy must be a JSON object with a "Statement"`, policyName: name});
	const version = document['Version'];
	if (version !== undefined && (typeof version !== 'string' || !knownVersions.has(version))) {
		return err({message: `${name}: Version must be "2012-10-17" (or the old "2008-10-17"), not ${JSON.stringify(version)}`, policyName: name});
	}
	const rawStatements = document['Statement'];
	if (rawStatements === undefined) return err({message: `${name}: the policy has no "Statement"`, policyName: name});
	const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
	const statements: Statement[] = [];
	for (const [index, raw] of list.entries()) {
		try {
			statements.push(parseStatement(raw, index));
		} catch (error) {
			if (!(error instanceof StatementError)) throw error;
			const statement = labelOf(raw, index);
			return err({message: `${name}, ${statement}: ${error.message}`, policyName: name, statement});
		}
	}
	const id = document['Id'];
	// Every field set (`undefined` when absent), so every parsed policy shares one object shape on the hot path.
	const policy: Policy = {
		name,
		version: typeof version === 'string' ? version : undefined,
		id: typeof id === 'string' ? id : undefined,
		statements,
		document,
	};
	// A slot for the compiled form, filled on first evaluation (see compile-policy.ts).
	Object.defineProperty(policy, compiledSlot, {value: undefined, writable: true, enumerable: false});
	return ok(policy);
};
