import type {Requirement} from '../../diagnosis.js';
import type {PolicyRef} from '../../policy-ref.js';
import type {Side} from '../../required-actions.js';
import type {PolicyJson, Snapshot} from '../../../snapshot/snapshot.js';
import {appliesIn} from '../applies-in.js';
import {putKeyPolicyCommand} from '../commands.js';
import type {Statement} from '../../../engine/policy.js';
import {distinct, groupBy, specOf, viaS3Condition} from '../context.js';
import type {FixContext, FixPlace, Grant, Rewritable} from '../draft.js';
import {encryptionContextScope, scopeWords, withScope} from '../kept-scope.js';
import {sidPart, uniqueSid} from '../policy-document.js';
import {writePolicy} from '../snapshot-patch.js';
import {keyInfoOf} from '../../resolve-question.js';

/**
 * A KMS key's policy: a statement naming the caller, `Resource: "*"` (in a key policy that means this
 * key), kept to requests through S3. A copy may use one key on both sides: it is still one policy.
 */

const keyInfoAt = (snapshot: Snapshot, side: Side): Snapshot['key'] => (side === 'source' ? snapshot.source?.keyInfo : snapshot.key);

/**
 * The policy of `keyArn` as the snapshot describes it on `side`: none where the snapshot describes another key there (the
 * bucket's default key beside a request naming another), or a put-key-policy on one key would carry another key's policy.
 */
const keyInfoFor = (snapshot: Snapshot, side: Side, keyArn: string): Snapshot['key'] => keyInfoOf(keyInfoAt(snapshot, side), keyArn);

const sidesOf = (snapshot: Snapshot, keyArn: string): Side[] =>
	(['destination', 'source'] as const).filter(side => keyInfoAt(snapshot, side)?.arn === keyArn);

/** The key's policy as the snapshot has it on `side`; referred to where the snapshot first describes that key. */
const policyOfKey = (snapshot: Snapshot, keyArn: string, side: Side, document: PolicyJson): Rewritable => ({
	ref: {place: 'key-policy', owner: sidesOf(snapshot, keyArn)[0] ?? side},
	document,
	target: keyArn,
	appliesIn: appliesIn('key-owner', keyArn),
	command: policy => putKeyPolicyCommand(keyArn, policy),
	// Written wherever the snapshot describes that key.
	write: (target, policy) => sidesOf(target, keyArn).reduce((next, owner) => writePolicy(next, {place: 'key-policy', owner}, policy), target),
});

const grantsFor = ({snapshot, analysis, caller}: FixContext, missing: readonly Requirement[]): Grant[] => {
	// A Principal names the role by its ARN, path included: not known for a session whose role was not read.
	const principal = caller?.arn;
	if (!caller || !principal) return [];
	return [...groupBy(missing, requirement => requirement.resource).entries()].flatMap(([keyArn, requirements]) => {
		const spec = specOf(analysis, requirements[0]!);
		const keyInfo = keyInfoFor(snapshot, spec.side, keyArn);
		const current = keyInfo?.policy;
		// An AWS managed key's policy cannot be changed: there is nothing to propose there.
		if (!current || keyInfo?.keyManager === 'AWS') return [];
		const actions = distinct(requirements.map(requirement => requirement.action));
		// The owner's scope for this caller in the statement that nearly matches: kept where the request still fits it.
		const namesCaller = (statement: Statement): boolean => statement.principal?.kind === 'set' && statement.principal.aws.includes(principal);
		const scope = encryptionContextScope(current, namesCaller, requirements.map(requirement => specOf(analysis, requirement).context));
		const via = viaS3Condition(spec);
		const condition = withScope(via, scope);
		const statement = {
			Sid: uniqueSid(current, `Allow${sidPart(caller.name)}UseOfKeyThroughS3`),
			Effect: 'Allow',
			Principal: {AWS: principal},
			Action: actions,
			Resource: '*',
			...(condition ? {Condition: condition} : {}),
		};
		return [{
			into: policyOfKey(snapshot, keyArn, spec.side, current),
			statement,
			requirements,
			summary: `Add a statement to the key policy of ${keyArn} allowing ${caller.kind} ${caller.name} ${actions.join(', ')}${via ? ' through S3' : ''}.${scopeWords(scope, `${caller.kind} ${caller.name}'s`)}`,
		}];
	});
};

const rewritable = ({snapshot}: FixContext, ref: PolicyRef, requirement: Requirement): Rewritable | undefined => {
	if (ref.place !== 'key-policy') return undefined;
	const keyInfo = keyInfoFor(snapshot, ref.owner, requirement.resource);
	// AWS writes an AWS managed key's policy (aws/s3): nobody can change it.
	if (!keyInfo?.policy || keyInfo.keyManager === 'AWS') return undefined;
	return policyOfKey(snapshot, requirement.resource, ref.owner, keyInfo.policy);
};

export const keyPolicyPlace: FixPlace = {place: 'key-policy', grantsFor, rewritable};
