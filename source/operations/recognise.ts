import type {Operation} from '../snapshot/operation-names.js';
import {provesOneRequest} from './multipart-upload.js';
import {allOperations, legsInRequestOrder} from './registry.js';
import type {Side} from './types.js';

/** The operation behind an error message or a CloudTrail event, from what the modules say gives each away. */

/** The operation of an S3 API call (`UploadPart` → upload), in any case. */
export const operationOfApiCall = (name: string): Operation | undefined =>
	allOperations.find(module => module.recognition.apiCalls.some(call => call.name.toLowerCase() === name.toLowerCase()))?.name;

/** The operation an action alone betrays (`s3:ReplicateObject` → replication); s3:PutObject, s3:GetObject and the KMS actions betray none. */
export const operationOfAction = (action: string): Operation | undefined =>
	allOperations.find(module => module.recognition.actions.some(candidate => candidate.toLowerCase() === action.toLowerCase()))?.name;

/** The S3 API calls of a multipart request: they need kms:Decrypt, not only kms:GenerateDataKey. */
export const multipartApiCalls: ReadonlySet<string> = new Set(allOperations.flatMap(module => module.recognition.apiCalls.filter(call => call.multipart).map(call => call.name)));

/** Every `aws s3` transfer verb ("upload", "move", …) with its operation and the end that is the object. */
export const cliTransfers: readonly {readonly verb: string; readonly object: 'from' | 'to'; readonly operation: Operation}[] = allOperations.flatMap(module =>
	module.recognition.cliTransfers.map(transfer => ({...transfer, operation: module.name})),
);

/**
 * Why the operation needs kms:Decrypt, when one reason covers it: `read` (its object exists, encrypted) or
 * `multipart` (it writes in parts). `undefined`: never, or for either reason (a copy reads its source and may write in parts).
 */
export const whyDecrypt = (operation: Operation): 'read' | 'multipart' | undefined => {
	const reasons = new Set(
		legsInRequestOrder(operation).flatMap(leg => leg.actions.filter(action => action.action === 'kms:Decrypt').map(action => (action.when === 'multipart' ? 'multipart' : 'read'))),
	);
	return reasons.size === 1 ? [...reasons][0] : undefined;
};

/**
 * The legs whose key a refused KMS `action` can be on, in the API call that failed: a copy's kms:Decrypt is the source
 * object's, or the destination's when it goes in parts; a single CopyObject makes no parts, so there it is the source's.
 */
export const legsOfRefusedAction = (operation: Operation, action: string, apiOperation: string | undefined): readonly Side[] =>
	legsInRequestOrder(operation)
		.filter(leg => leg.actions.some(candidate => candidate.action.toLowerCase() === action.toLowerCase() && !(candidate.when === 'multipart' && provesOneRequest(apiOperation))))
		.map(leg => leg.side);
