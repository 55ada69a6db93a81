import {parseCaller} from '../../engine/principal.js';
import {sessionRoleArn} from '../../snapshot/session-role.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {ask, show} from './flow-steps.js';
import {checkRoleArnOf} from './validate.js';
import type {Flow} from './flow-types.js';
import {roleArnQuestion} from './manual-questions.js';

/**
 * A session's aws:PrincipalArn is its role's ARN, path included, which the session's ARN leaves out (IAM: "For IAM roles,
 * the request context returns the ARN of the role"). Asked only where a policy the snapshot holds tests that key and
 * nothing in it says the role's ARN (a read GetRole, a bucket or key policy naming the role): the answer decides it.
 */
export function* roleArnFlow(snapshot: Snapshot, fromEvent?: string): Flow<Snapshot> {
	const principal = snapshot.principal;
	if (!principal) return snapshot;
	const caller = parseCaller(principal.arn);
	if (caller.kind !== 'session' || !caller.roleName || sessionRoleArn(snapshot) !== undefined) return snapshot;
	const policies = JSON.stringify([principal, snapshot.bucket, snapshot.key, snapshot.source, snapshot.organization]);
	if (!/aws:PrincipalArn/i.test(policies)) return snapshot;
	// A pasted CloudTrail event of this session names its role (sessionIssuer): that settles it, not asked.
	if (fromEvent && checkRoleArnOf(fromEvent, principal.arn) === undefined) {
		yield* show([{tone: 'found', text: `Role's ARN: ${fromEvent} (the pasted CloudTrail event's sessionIssuer)`}]);
		return {...snapshot, principal: {...principal, roleArn: fromEvent}};
	}
	const answer = yield* ask({...roleArnQuestion(principal.arn, caller.roleName), about: principal.arn});
	return answer === '' ? snapshot : {...snapshot, principal: {...principal, roleArn: answer}};
}
