import type {Requirement} from '../../diagnosis.js';
import type {NamedPolicy} from '../../../snapshot/snapshot.js';
import {isAwsManagedPolicyArn} from '../../../names/index.js';
import {appliesIn} from '../applies-in.js';
import {newManagedPolicyVersionCommand} from '../commands.js';
import {distinct} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';

/**
 * The caller's permissions boundary: one statement for everything it lacks, written as a new default
 * version of the managed policy. A Deny in a boundary is not rewritten here (no `rewritable`).
 */

const policyOfBoundary = (boundary: NamedPolicy, callerArn: string | undefined): Rewritable => ({
	ref: {place: 'permissions-boundary', owner: 'caller'},
	document: boundary.document,
	target: boundary.arn ?? boundary.name,
	// The boundary is set by the caller's account, whichever account its managed policy came from.
	appliesIn: appliesIn('caller-account', callerArn),
	command: policy =>
		boundary.arn ? newManagedPolicyVersionCommand(boundary.arn, policy) : `# update the permissions boundary "${boundary.name}" with the policy above`,
	write: (snapshot, policy) => writePolicy(snapshot, {place: 'permissions-boundary', owner: 'caller'}, policy),
});

const grantsFor = ({snapshot}: FixContext, missing: readonly Requirement[]): Grant[] => {
	const boundary = snapshot.principal?.permissionsBoundary;
	// An AWS managed policy as the boundary: AWS writes its versions, so it cannot be widened.
	if (!boundary || missing.length === 0 || isAwsManagedPolicyArn(boundary.arn)) return [];
	const actions = distinct(missing.map(requirement => requirement.action));
	const resources = distinct(missing.map(requirement => requirement.resource));
	const statement = {
		Sid: uniqueSid(boundary.document, 'AllowWhatTheRequestNeeds'),
		Effect: 'Allow',
		Action: actions,
		Resource: resources,
	};
	return [
		{
			into: policyOfBoundary(boundary, snapshot.principal?.arn),
			statement,
			requirements: missing,
			summary: `Let the permissions boundary ${boundary.name} allow ${actions.join(', ')}.`,
			// A boundary is a guardrail, and a managed policy may bound many users and roles: widening it is said.
			weakens: `The permissions boundary ${boundary.name} is a guardrail: every user and role it bounds may then be granted ${actions.join(', ')} on ${resources.join(', ')}, not only this caller.`,
		},
	];
};

export const permissionsBoundaryPlace: FixPlace = {place: 'permissions-boundary', grantsFor};
