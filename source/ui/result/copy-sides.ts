import type {Requirement} from '../../diagnosis/diagnosis.js';
import {hasSource} from '../../operations/registry.js';
import {isOperation} from '../../snapshot/operation-names.js';
import type {Snapshot} from '../../snapshot/snapshot.js';

/** An operation with a source leg (a copy) shows which object each row is about. */
export const hasSides = (operation: string): boolean => isOperation(operation) && hasSource(operation);

/**
 * A copy reads a source object and writes a destination object: two kms:Decrypt rows (one on each key)
 * would look identical without saying which. The result screen's words for an
 * operation with a source leg, in one place.
 */

export type Side = 'source' | 'destination';

/** Which object of a copy a requirement belongs to; undefined for an upload or a download. */
export const sideOf = (operation: string, requirement: Requirement): Side | undefined => {
	if (!hasSides(operation)) return undefined;
	return requirement.actionId.endsWith('@source') ? 'source' : 'destination';
};

/** `kms:Decrypt (source)`: an action as a copy's row names it. */
export const actionWithSide = (action: string, side: Side | undefined): string => (side ? `${action} (${side})` : action);

/** The screen's title: an operation with a source (a copy, a replication) shows where from and where to, under its own name. */
export const resultTitle = (operation: string, destination: string, snapshot: Snapshot): string => {
	const source = snapshot.question.source;
	return hasSides(operation) && source ? `${operation} s3://${source.bucket}/${source.objectKey} → ${destination}` : `${operation} ${destination}`;
};
