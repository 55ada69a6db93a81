import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {decideMultipart, neededOnlyInParts, operationModule} from '../../operations/registry.js';
import {inPartsPerMessageWords, provesMultipart, provesOneRequest} from '../../operations/multipart-upload.js';
import {legsOfRefusedAction} from '../../operations/recognise.js';
import type {Side} from '../../operations/types.js';
import type {PresignedUrlInfo} from '../../snapshot/operation-facts.js';
import type {Question as SnapshotQuestion} from '../../snapshot/question.js';
import type {DefaultEncryption, Operation} from '../../snapshot/snapshot.js';
import {ask, show} from './flow-steps.js';
import type {Flow, FlowEnv} from './flow-types.js';
import * as questions from './target-questions.js';
import {wordedFor} from './copy-wording.js';
import {parseSize} from './size.js';
import {explainMultipart, isUploadTool, toolNames} from './upload-tools.js';
import {presignedUrlFlow} from './presigned-flow.js';
import {splitBucketAnswer} from './validate.js';
import {bucketKeyFromPaste, sizeFromPaste} from './key-from-paste.js';
import {evidenceOf} from './denial-evidence.js';
import {capitalised} from '../../diagnosis/evidence-words.js';

const sizeAnswer = (text: string): Partial<Record<'size', string>> => {
	const size = sizeFromPaste(text);
	return size === undefined ? {} : {size};
};

/** head-object or get-bucket-encryption output pasted for a key also says whether S3 Bucket Keys are on. */
const bucketKeyAnswer =
	(of: 'object' | 'bucket') =>
	(text: string): Partial<Record<'bucket-key', string>> => {
		const answer = bucketKeyFromPaste(text, of);
		return answer === undefined ? {} : {'bucket-key': answer};
	};

/** The request itself: what, where, which key, how big. */
export type Target = {
	readonly question: SnapshotQuestion;
	/** Answered only offline, where nothing can read them: the key S3 uses and the bucket's default. */
	readonly keyArn?: string;
	readonly defaultEncryption?: DefaultEncryption;
	readonly sourceKeyArn?: string;
	/**
	 * The pasted error named the key S3 used, so which key is settled; whether the request named it (sending the
	 * SSE-KMS headers) or relied on the bucket default is asked later, only if a pasted policy tests those headers.
	 */
	readonly keyFromError?: boolean;
	/** A presigned URL's facts, never its credentials: it named the bucket and the object. */
	readonly presignedUrl?: PresignedUrlInfo;
	/** The bucket's Region, as the URL's endpoint names it. */
	readonly regionFromUrl?: string;
};

/**
 * Whose key the pasted error names, where the request has two: the leg the refused action can only be on (a single
 * CopyObject calls kms:Decrypt on the source object's key alone), else asked offline; undefined: not known.
 */
function* errorKeyLegFlow(operation: Operation, denial: ParsedDenial | undefined, keyArn: string, objects: Readonly<Record<Side, string>>, live: boolean): Flow<Side | undefined> {
	const legs = denial?.action ? legsOfRefusedAction(operation, denial.action, denial.apiOperation) : [];
	if (legs.length === 1) return legs[0];
	// Live, the reads find each object's key: nothing to ask.
	if (live) return undefined;
	const answer = yield* ask(questions.errorKeyLegQuestion(keyArn, denial?.action, denial?.apiOperation, objects));
	return answer === 'source' || answer === 'destination' ? answer : undefined;
}

export function* targetFlow(env: FlowEnv, denial: ParsedDenial | undefined, live: boolean): Flow<Target> {
	const known = questions.targetOfDenial(denial);
	const recent = known.bucket ? undefined : questions.recentQuestion(env, known.operation);
	if (recent) yield* ask(recent);
	const operation = (known.operation ?? (yield* ask(questions.operationQuestion))) as Operation;
	// What to ask follows the operation's legs: a source to name, a key to name or to find on the object, a size.
	const {legs, multipart} = operationModule(operation);
	const word = wordedFor(operation);
	const presigned = yield* presignedUrlFlow(operation);
	let bucket = known.bucket ?? presigned?.bucket;
	let objectKey = known.objectKey ?? presigned?.objectKey;
	if (!bucket) {
		const split = splitBucketAnswer(yield* ask(word(questions.bucketQuestion('bucket', 'Bucket', legs.destination.questions.bucket))));
		bucket = split.bucket;
		objectKey = split.objectKey;
	}
	objectKey ??= yield* ask(word(questions.objectKeyQuestion('object-key', 'Object key', `Which object key in ${bucket}?`), bucket));

	let source: SnapshotQuestion['source'];
	let sourceKeyArn: string | undefined;
	// With one leg the error's key is its key; with two, whose it is is settled below or stays unknown.
	let errorKeyLeg: Side | undefined = known.keyArn && !legs.source ? 'destination' : undefined;
	if (legs.source) {
		// "copy failed: s3://SOURCE to s3://DESTINATION" names the source too.
		if (known.source) yield* show([{tone: 'found', text: `Source object: s3://${known.source.bucket}/${known.source.objectKey} (the error names it)`}]);
		const split = known.source ?? splitBucketAnswer(yield* ask(questions.bucketQuestion('source-bucket', 'Source bucket', legs.source.questions.bucket)));
		// A replica keeps its source object's key: only a copy asks for another.
		const replicates = legs.destination.facts.key === 'replica';
		const sourceKey = split.objectKey ?? (replicates ? objectKey : yield* ask(questions.objectKeyQuestion('source-key', 'Source key', `Which object key in ${split.bucket}?`)));
		if (known.keyArn) errorKeyLeg = yield* errorKeyLegFlow(operation, denial, known.keyArn, {source: `s3://${split.bucket}/${sourceKey}`, destination: `s3://${bucket}/${objectKey}`}, live);
		const asked = legs.source.questions.objectKmsKey;
		if (!live && asked && errorKeyLeg === 'source') {
			sourceKeyArn = known.keyArn;
			yield* show([{tone: 'found', text: `${asked.title}: ${sourceKeyArn} (the key the error names)`}]);
		} else if (!live && asked) {
			// Pasted head-object output names the object's size as well: the size question is then answered with it.
			sourceKeyArn = yield* ask({
				...questions.keyArnQuestion('source-kms-key', asked.title, asked.prompt, undefined, false, questions.headObjectCommand(split.bucket, sourceKey)),
				alsoAnswers: sizeAnswer,
			});
		}
		source = {bucket: split.bucket, objectKey: sourceKey, ...(sourceKeyArn ? {kmsKeyId: sourceKeyArn} : {})};
	}
	// The error's key settles the destination's only where it is the destination's: never a source key taken for it.
	const errorKey = errorKeyLeg === 'destination' ? known.keyArn : undefined;

	let kmsKeyId: string | undefined;
	let keyArn: string | undefined;
	let defaultEncryption: DefaultEncryption | undefined;
	const objectKmsKey = legs.destination.questions.objectKmsKey;
	let keyFromError = false;
	if (legs.destination.facts.key === 'object') {
		if (!live && objectKmsKey) {
			// The error's key is the object's: S3 was decrypting it.
			keyFromError = errorKey !== undefined;
			keyArn =
				errorKey ??
				(yield* ask({
					...questions.keyArnQuestion('object-kms-key', objectKmsKey.title, objectKmsKey.prompt, errorKey, false, questions.headObjectCommand(bucket, objectKey)),
					alsoAnswers: bucketKeyAnswer('object'),
				}));
		}
	} else if (legs.destination.facts.key === 'replica') {
		// Live, the source bucket's replication rule names the replica key and is read; offline it is asked.
		if (!live) {
			keyFromError = errorKey !== undefined;
			keyArn =
				errorKey ??
				(yield* ask(
					questions.keyArnQuestion(
						'replica-kms-key',
						'Replica key',
						"Which key does the replication rule name for replicas? (ReplicaKmsKeyID in aws s3api get-bucket-replication; its ARN: offline nothing can resolve an alias)",
						undefined,
					),
				));
		}
	} else if (!live && errorKey) {
		keyArn = errorKey;
		keyFromError = true;
	} else {
		const names = yield* ask(word(questions.namesKeyQuestion(operation)));
		if (names === 'yes') {
			kmsKeyId = live
				? yield* ask(questions.kmsKeyQuestion(errorKey))
				: yield* ask(questions.keyArnQuestion('kms-key', 'KMS key', 'Which key does the request name? (its ARN: offline nothing can resolve an alias)', errorKey));
			if (!live) keyArn = kmsKeyId;
		} else if (!live) {
			const named = yield* ask(
				word({
					...questions.keyArnQuestion(
						'default-key',
						"Bucket's default key",
						"Which key is the bucket's default? (aws s3api get-bucket-encryption shows it; aws/s3 for the AWS managed key)",
						errorKey,
						true,
						questions.bucketEncryptionCommand(bucket),
					),
					alsoAnswers: bucketKeyAnswer('bucket'),
				}),
			);
			defaultEncryption = named === 'aws/s3' ? {algorithm: 'aws:kms'} : {algorithm: 'aws:kms', kmsKeyId: named};
			if (named !== 'aws/s3') keyArn = named;
		}
	}

	let sizing: Pick<SnapshotQuestion, 'sizeBytes' | 'tool' | 'multipart'> = {};
	const inPartsMessage = evidenceOf(denial).find(evidence => neededOnlyInParts(operation, evidence.action));
	// "upload failed: …" is the AWS CLI's: the tool is settled too, whatever else is asked.
	const toolOfError = denial?.tool ? {tool: denial.tool} : {};
	if (multipart.inParts && provesMultipart(denial?.apiOperation)) {
		// UploadPart (or another multipart call) failed: the request went in parts, whatever the size and the tool.
		sizing = {multipart: true, ...toolOfError};
		yield* show([{tone: 'info', text: `${denial?.apiOperation} is a call of a multipart upload: it went in parts, so the size and the tool are not asked.`}]);
	} else if (multipart.inParts && provesOneRequest(denial?.apiOperation)) {
		// PutObject or CopyObject failed: the whole object in one request, which a request in parts never makes.
		sizing = {multipart: false, ...toolOfError};
		yield* show([{tone: 'info', text: `${denial?.apiOperation} is a single request, never a part of ${multipart.noun}: it did not go in parts, so the size and the tool are not asked.`}]);
	} else if (multipart.inParts && inPartsMessage) {
		// The message names an action only a request in parts calls: the diagnosis takes that from its evidence, and says so.
		sizing = {...toolOfError};
		yield* show([{tone: 'info', text: `${capitalised(inPartsPerMessageWords(inPartsMessage.action, inPartsMessage.resource, multipart.noun))}: the size and the tool are not asked.`}]);
	} else if (multipart.inParts && multipart.thresholdUndocumented) {
		// An AWS service writes it: neither a size nor a tool says whether it goes in parts.
		yield* show([{tone: 'info', text: `When the service switches to ${multipart.noun} is not documented: both ways are checked.`}]);
	} else if (multipart.inParts) {
		// The tool first: a size matters only against its threshold, so a tool without a documented one is not asked it.
		if (denial?.tool) yield* show([{tone: 'found', text: `Tool: ${toolNames[denial.tool]} (its aws s3 commands report "… failed: A to B")`}]);
		const tool = denial?.tool ?? (yield* ask(word(questions.toolQuestion)));
		if (isUploadTool(tool)) {
			// The size is the object's (a copy's source): given for another object, it is asked again, not replayed.
			const measured = source ? `s3://${source.bucket}/${source.objectKey}` : `s3://${bucket}/${objectKey}`;
			const sizeText = decideMultipart({operation, tool}).thresholdUnknown ? '' : yield* ask({...word(questions.sizeQuestion), about: measured});
			const sizeBytes = sizeText === '' ? undefined : parseSize(sizeText);
			sizing = {...(sizeBytes === undefined ? {} : {sizeBytes}), tool};
			yield* show([{tone: 'info', text: explainMultipart(operation, sizeBytes, tool).text}]);
		}
	}
	return {
		question: {operation, bucket, objectKey, ...sizing, ...(kmsKeyId ? {kmsKeyId} : {}), ...(source ? {source} : {})},
		...(keyArn ? {keyArn} : {}),
		...(defaultEncryption ? {defaultEncryption} : {}),
		...(sourceKeyArn ? {sourceKeyArn} : {}),
		...(keyFromError ? {keyFromError} : {}),
		...(presigned ? {presignedUrl: presigned.presignedUrl, ...(presigned.region ? {regionFromUrl: presigned.region} : {})} : {}),
	};
}

/** The bucket's account as answered: its ID, or (`notCallers`) only that it is another account than the caller's. */
export type BucketAccount = {readonly id?: string; readonly notCallers: boolean};

/** Same or cross account, asked only when nothing could tell. "Another account" is kept even when its ID is not. */
export function* bucketAccountFlow(bucket: string, callerAccount: string | undefined): Flow<BucketAccount> {
	const answer = yield* ask({...questions.bucketAccountQuestion(bucket, callerAccount), about: bucket});
	if (answer === 'same') return callerAccount ? {id: callerAccount, notCallers: false} : {notCallers: false};
	if (answer === 'other') {
		const id = yield* ask({...questions.accountIdQuestion, about: bucket});
		return id === '' ? {notCallers: true} : {id, notCallers: true};
	}
	return {notCallers: false};
}
