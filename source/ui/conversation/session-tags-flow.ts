import {parseCaller} from '../../engine/principal.js';
import {testedTagKeys} from '../../diagnosis/principal-tags.js';
import {parseTagList} from '../../names/index.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {ask} from './flow-steps.js';
import type {Flow} from './flow-types.js';
import {sessionTagsQuestion} from './manual-questions.js';

/**
 * A session's aws:PrincipalTag keys are its session tags over its role's tags (diagnosis/principal-tags.ts), and AWS cannot
 * read session tags back. Asked only where a policy the snapshot holds tests such a key and nothing gave them: the answer
 * decides those conditions, and an empty one leaves them unknown, as the report then says.
 */
export function* sessionTagsFlow(snapshot: Snapshot): Flow<Snapshot> {
	const principal = snapshot.principal;
	if (!principal || principal.sessionTags !== undefined) return snapshot;
	const caller = parseCaller(principal.arn);
	if (caller.kind !== 'session' || !caller.roleName) return snapshot;
	const keys = testedTagKeys(snapshot);
	if (keys.length === 0) return snapshot;
	const answer = yield* ask({...sessionTagsQuestion(caller.roleName, keys), about: principal.arn});
	const tags = answer === '' ? undefined : parseTagList(answer);
	return tags?.ok ? {...snapshot, principal: {...principal, sessionTags: tags.value}} : snapshot;
}
