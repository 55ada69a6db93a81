import {grantsPageOf} from '../../snapshot/aws-answers/kms-list-grants.js';
import {err, ok, type Result} from '../../shared/result.js';
import type {KeyGrant} from '../../snapshot/snapshot.js';
import {unwrapAwsOutput, type PasteProblem} from './unwrap-aws-output.js';

/** What `aws kms list-grants` prints, pasted: the grants, read by the same mapper as live collection. */
export type PastedGrants = {readonly grants: readonly KeyGrant[]; readonly notes: readonly string[]};

export const readPastedGrants = (text: string): Result<PastedGrants, PasteProblem> => {
	const pasted = unwrapAwsOutput(text);
	if (!pasted.ok) return pasted;
	if (pasted.value.kind !== 'grants') return err({message: 'this is not the output of aws kms list-grants: paste the JSON it prints (with "Grants")'});
	const mapped = grantsPageOf({Grants: pasted.value.grants});
	if (!mapped.ok) return err({message: mapped.error.message});
	const page = mapped.value;
	const skipped = pasted.value.grants.length - page.items.length;
	return ok({grants: page.items, notes: [...pasted.value.notes, ...(skipped > 0 ? [`${skipped} grant${skipped === 1 ? '' : 's'} without a GranteePrincipal left out: they let nobody in`] : [])]});
};
