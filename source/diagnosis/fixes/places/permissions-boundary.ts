import type {Requirement} from '../../diagnosis.js';
import type {JsonObject} from '../../../shared/json.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../../../snapshot/snapshot.js';
import {isAwsManagedPolicyArn} from '../../../names/index.js';
import {appliesIn, applyingProfile} from '../applies-in.js';
import {managedPolicyVersionsUnknown, newManagedPolicyVersionCommand} from '../commands.js';
import {distinct, groupBy, specOf} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {encryptionContextScope, onKey, scopeWords, withScope, type EncryptionContextScope} from '../kept-scope.js';
import {mergeStatement, uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';

/**
 * The caller's permissions boundary: one statement for everything it lacks (a key whose use the boundary keeps to an
 * encryption context gets its own, with that scope), written as a new default version of the managed policy. A Deny in
 * a boundary is not rewritten here (no `rewritable`).
 */

const policyOfBoundary = (boundary: NamedPolicy, snapshot: Snapshot): Rewritable => {
	// The boundary is set by the caller's account, whichever account its managed policy came from.
	const applies = appliesIn('caller-account', snapshot.principal?.arn);
	return {
		ref: {place: 'permissions-boundary', owner: 'caller'},
		document: boundary.document,
		target: boundary.arn ?? boundary.name,
		appliesIn: applies,
		// The name as a JSON string: a comment ends at a newline, so one in a customer's name would start a command.
		command: policy =>
			boundary.arn ? newManagedPolicyVersionCommand(boundary.arn, policy) : `# update the permissions boundary ${JSON.stringify(boundary.name)} with the policy above`,
		...(boundary.arn ? {acceptanceUnknown: managedPolicyVersionsUnknown(boundary.arn, applyingProfile(snapshot, applies))} : {}),
		write: (target, policy) => writePolicy(target, {place: 'permissions-boundary', owner: 'caller'}, policy),
	};
};

/** The scope the boundary gives the use of this key, where a statement of it allows a KMS action on it with one. */
const boundaryScope = (boundary: NamedPolicy, keyArn: string, contexts: Parameters<typeof encryptionContextScope>[2]): EncryptionContextScope | undefined => {
	return encryptionContextScope(boundary.document, onKey(keyArn), contexts, `permissions boundary "${boundary.name}", `);
};

const allowOf = (document: PolicyJson, sid: string, requirements: readonly Requirement[], condition?: JsonObject): JsonObject => ({
	Sid: uniqueSid(document, sid),
	Effect: 'Allow',
	Action: distinct(requirements.map(requirement => requirement.action)),
	Resource: distinct(requirements.map(requirement => requirement.resource)),
	...(condition ? {Condition: condition} : {}),
});

const grantsFor = ({snapshot, analysis}: FixContext, missing: readonly Requirement[]): Grant[] => {
	const boundary = snapshot.principal?.permissionsBoundary;
	// An AWS managed policy as the boundary: AWS writes its versions, so it cannot be widened.
	if (!boundary || missing.length === 0 || isAwsManagedPolicyArn(boundary.arn)) return [];
	// The scope the boundary keeps each key's use to, measured against what this request sends that key.
	const scopes = [...groupBy(missing.filter(requirement => specOf(analysis, requirement).service === 'kms'), requirement => requirement.resource)].map(([keyArn, requirements]) => ({
		requirements,
		scope: boundaryScope(boundary, keyArn, requirements.map(requirement => specOf(analysis, requirement).context)),
	}));
	// A scope that holds is kept in a statement of that key's own (a condition on its keys would never hold for S3's actions).
	const kept = scopes.filter(({scope}) => scope?.holds === 'yes');
	const rest = missing.filter(requirement => !kept.some(({requirements}) => requirements.includes(requirement)));
	let document = boundary.document;
	const statements: JsonObject[] = [];
	const add = (sid: string, requirements: readonly Requirement[], condition?: JsonObject): void => {
		const statement = allowOf(document, sid, requirements, condition);
		statements.push(statement);
		document = mergeStatement(document, statement);
	};
	if (rest.length > 0) add('AllowWhatTheRequestNeeds', rest);
	for (const {requirements, scope} of kept) add('AllowKeyUseInItsEncryptionContext', requirements, withScope(undefined, scope));
	const actions = distinct(missing.map(requirement => requirement.action));
	const resources = distinct(missing.map(requirement => requirement.resource));
	const scopeSentences = scopes.map(({scope}) => scopeWords(scope, "the bounded users' and roles'")).join('');
	return [
		{
			into: policyOfBoundary(boundary, snapshot),
			statement: statements[0]!,
			statements,
			requirements: missing,
			summary: `Let the permissions boundary ${boundary.name} allow ${actions.join(', ')}.${scopeSentences}`,
			// A boundary is a guardrail, and a managed policy may bound many users and roles: widening it is said.
			weakens: `The permissions boundary ${boundary.name} is a guardrail: every user and role it bounds may then be granted ${actions.join(', ')} on ${resources.join(', ')}, not only this caller.`,
		},
	];
};

export const permissionsBoundaryPlace: FixPlace = {place: 'permissions-boundary', grantsFor};
