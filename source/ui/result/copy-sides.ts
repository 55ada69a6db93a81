import type {Requirement} from '../../diagnosis/diagnosis.js';
import type {Snapshot} from '../../snapshot/snapshot.js';

/**
 * A copy reads a source object and writes a destination object: two kms:Decrypt rows (one on each key)
 * would look identical without saying which. The result screen's copy words, in one place (with issue
 * #9 they move into the copy operation's module).
 */

export type Side = 'source' | 'destination';

/** Which object of a copy a requirement belongs to; undefined for an upload or a download. */
export const sideOf = (operation: string, requirement: Requirement): Side | undefined => {
	if (operation !== 'copy') return undefined;
	return requirement.actionId.endsWith('@source') ? 'source' : 'destination';
};

/** `kms:Decrypt (source)`: an action as a copy's row names it. */
export const actionWithSide = (action: string, side: Side | undefined): string => (side ? `${action} (${side})` : action);

/** The screen's title: a copy shows where from and where to. */
export const resultTitle = (operation: string, destination: string, snapshot: Snapshot): string => {
	const source = snapshot.question.source;
	return operation === 'copy' && source ? `copy s3://${source.bucket}/${source.objectKey} → ${destination}` : `${operation} ${destination}`;
};
