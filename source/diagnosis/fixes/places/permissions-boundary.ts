import type {Requirement} from '../../diagnosis.js';
import type {NamedPolicy} from '../../../snapshot/snapshot.js';
import {newManagedPolicyVersionCommand} from '../commands.js';
import {distinct} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';

/**
 * The caller's permissions boundary: one statement for everything it lacks, written as a new default
 * version of the managed policy. A Deny in a boundary is not rewritten here (no `rewritable`).
 */

const policyOfBoundary = (boundary: NamedPolicy): Rewritable => ({
	ref: {place: 'permissions-boundary', owner: 'caller'},
	document: boundary.document,
	target: boundary.arn ?? boundary.name,
	command: policy =>
		boundary.arn ? newManagedPolicyVersionCommand(boundary.arn, policy) : `# update the permissions boundary "${boundary.name}" with the policy above`,
	write: (snapshot, policy) => writePolicy(snapshot, {place: 'permissions-boundary', owner: 'caller'}, policy),
});

const grantsFor = ({snapshot}: FixContext, missing: readonly Requirement[]): Grant[] => {
	const boundary = snapshot.principal?.permissionsBoundary;
	if (!boundary || missing.length === 0) return [];
	const actions = distinct(missing.map(requirement => requirement.action));
	const statement = {
		Sid: uniqueSid(boundary.document, 'AllowS3AndKmsForObjectEncryption'),
		Effect: 'Allow',
		Action: actions,
		Resource: distinct(missing.map(requirement => requirement.resource)),
	};
	return [{into: policyOfBoundary(boundary), statement, requirements: missing, summary: `Let the permissions boundary ${boundary.name} allow ${actions.join(', ')}.`}];
};

export const permissionsBoundaryPlace: FixPlace = {place: 'permissions-boundary', grantsFor};
