import {inPartsPerMessageWords} from '../operations/multipart-upload.js';
import {formatSize} from '../shared/format-size.js';
import {neededOnlyInParts, operationModule} from '../operations/registry.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {legOfEvidence} from './evidence-legs.js';
import {requiredActions} from './required-actions.js';
import {resolveQuestion} from './resolve-question.js';

/**
 * A pasted message that names an action this request calls only when it goes in parts is AWS's word that the request
 * called it, so that it went in parts, whichever policy type the message says denied: an upload calls kms:Decrypt only in
 * parts ("the requester needs permissions for the kms:Decrypt action on the UploadPart and UploadPartCopy APIs", S3 API
 * Reference, CreateMultipartUpload). Where two legs call the action (a copy's source key and destination key), only a
 * message that names the one that calls it only in parts tells (evidence-legs.ts). Applied only where the size and the
 * tool do not decide it and nobody said; the diagnosis then says that the message tells it (`shownBy`), never "given".
 * Where the size is below the tool's threshold (its default, or one given), the message outweighs it: AWS says what
 * the request called, and a threshold set in the tool's configuration is what the size cannot tell; the words say so.
 */
export const inPartsPerEvidence = (snapshot: Snapshot): {readonly snapshot: Snapshot; readonly shownBy?: string} => {
	const {question} = snapshot;
	const parts = operationModule(question.operation).multipart;
	if (!parts.inParts || question.multipart !== undefined || !snapshot.evidence?.length) return {snapshot};
	const facts = resolveQuestion(snapshot);
	if (facts.question.multipart === 'yes') return {snapshot};
	// Every action a request in parts calls, to find the one the message names.
	const inParts = {...snapshot, question: {...question, multipart: true}};
	const specs = requiredActions(inParts, resolveQuestion(inParts));
	const shownBy = snapshot.evidence.find(evidence => {
		const named = specs.filter(spec => spec.action === evidence.action && legOfEvidence(evidence, spec, specs).leg === 'this');
		return named.length > 0 && neededOnlyInParts(question.operation, evidence.action, named.length === 1 ? named[0]!.side : undefined);
	});
	if (!shownBy) return {snapshot};
	const words = inPartsPerMessageWords(shownBy.action, shownBy.resource, parts.noun);
	const {sizeBytes} = question;
	const below =
		facts.question.multipart === 'no' && sizeBytes !== undefined
			? `, though ${formatSize(sizeBytes)} is below ${question.multipartThresholdBytes === undefined ? "the tool's default multipart threshold" : 'the multipart threshold given'} of ${formatSize(facts.question.multipartThresholdBytes)}: the threshold the tool used was lower (its configuration sets it)`
			: '';
	return {snapshot: inParts, shownBy: `${words}${below}`};
};
