import {operationNames, type Operation} from '../snapshot/operation-names.js';
import {cloudfrontDownload} from './cloudfront-download.js';
import {cloudfrontUpload} from './cloudfront-upload.js';
import {copy} from './copy.js';
import {decideMultipartOf, type MultipartQuestion} from './multipart-upload.js';
import {download} from './download.js';
import {presignedDownload} from './presigned-download.js';
import {presignedUpload} from './presigned-upload.js';
import {replication} from './replication.js';
import {serviceRead} from './service-read.js';
import {serviceWrite} from './service-write.js';
import type {Leg, Multipart, OperationModule, Side} from './types.js';
import {upload} from './upload.js';

/**
 * The one registry: each name of the snapshot's tuple to its module (a name without a module does not compile).
 * Everything outside this folder asks these functions, never compares operation names.
 */
export const operations: {readonly [Name in Operation]: OperationModule<Name>} = {
	upload,
	download,
	copy,
	'cloudfront-download': cloudfrontDownload,
	'cloudfront-upload': cloudfrontUpload,
	'presigned-download': presignedDownload,
	'presigned-upload': presignedUpload,
	replication,
	'service-read': serviceRead,
	'service-write': serviceWrite,
};

/** Every module, in the tuple's order. */
export const allOperations: readonly OperationModule[] = operationNames.map(name => operations[name]);

export const operationModule = (operation: Operation): OperationModule => operations[operation];

/** The leg on one side, if the operation has one there. */
export const legOn = (operation: Operation, side: Side): Leg | undefined => operations[operation].legs[side];

/** The question's own object: every operation has it. */
export const destinationLeg = (operation: Operation): Leg => operations[operation].legs.destination;

/** Does the question name a second object (`question.source`)? */
export const hasSource = (operation: Operation): boolean => operations[operation].legs.source !== undefined;

/** The legs in the order S3 makes their requests: it reads a source before it writes the destination. */
export const legsInRequestOrder = (operation: Operation): readonly Leg[] => {
	const {source, destination} = operations[operation].legs;
	return source ? [source, destination] : [destination];
};

/**
 * Whether a pasted message that names `action` (on the leg of `side`, where the message tells which) shows the request went
 * in parts: it names an action the request calls, and where the message names it, the request calls it only in parts (an
 * upload's kms:Decrypt). A copy's kms:Decrypt shows nothing unless the message names the destination's key: the source's
 * is decrypted whatever the size.
 */
export const neededOnlyInParts = (operation: Operation, action: string, side?: Side): boolean => {
	const module = operations[operation];
	if (!module.multipart.inParts) return false;
	const legs = side === undefined ? legsInRequestOrder(operation) : [module.legs[side]].filter(leg => leg !== undefined);
	const needing = legs.flatMap(leg => leg.actions).filter(each => each.action.toLowerCase() === action.toLowerCase());
	return needing.length > 0 && needing.every(each => each.when === 'multipart');
};

/** Whether this request goes in parts, from its size and tool. */
export const decideMultipart = (question: MultipartQuestion & {readonly operation: Operation}): {multipart: Multipart; threshold: number; thresholdUnknown?: true} => {
	const knowledge = operations[question.operation].multipart;
	return decideMultipartOf(question, knowledge.inParts, knowledge.inParts && knowledge.thresholdUndocumented === true);
};
