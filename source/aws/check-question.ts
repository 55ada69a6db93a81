import {hasSource} from '../operations/registry.js';
import {isOperation, operationNamesInWords} from '../snapshot/operation-names.js';
import type {Question} from '../snapshot/question.js';
import {err, ok, type Result} from '../shared/result.js';
import {describeNameError, parseBucketName, parseKeyReference, parseRegion} from '../names/index.js';

// An existing bucket may have a legacy name (capitals, underscores), so names/ checks it in its legacy mode.
const checkBucket = (name: string, what: string): string | undefined => {
	const bucket = parseBucketName(name);
	return bucket.ok ? undefined : describeNameError(name, bucket.error, what);
};

const checkKeyId = (id: string, what: string): string | undefined => {
	const key = parseKeyReference(id);
	return key.ok ? undefined : describeNameError(id, key.error, what);
};

/** What collection needs from the question, checked before any call: one line naming the bad input. */
export const checkQuestion = (question: Question): Result<Question, string> => {
	if (!isOperation(question.operation)) return err(`the operation "${String(question.operation)}" is not one of ${operationNamesInWords()}`);
	const problems = [
		checkBucket(question.bucket, 'the bucket'),
		question.objectKey === '' ? 'the object key is empty' : undefined,
		question.kmsKeyId === undefined ? undefined : checkKeyId(question.kmsKeyId, 'the KMS key'),
		question.sizeBytes === undefined || (Number.isSafeInteger(question.sizeBytes) && question.sizeBytes >= 0)
			? undefined
			: `the size ${question.sizeBytes} is not a number of bytes`,
	];
	if (hasSource(question.operation)) {
		const {source} = question;
		if (!source) problems.push(`a ${question.operation} needs its source: the source bucket and object key`);
		else {
			problems.push(checkBucket(source.bucket, 'the source bucket'));
			if (source.objectKey === '') problems.push('the source object key is empty');
			if (source.kmsKeyId !== undefined) problems.push(checkKeyId(source.kmsKeyId, "the source object's KMS key"));
		}
	}
	const first = problems.find(problem => problem !== undefined);
	return first === undefined ? ok(question) : err(first);
};

/** The Region the reads start in, when one is given (`--region`): one line when it is not a Region name. */
export const checkRegion = (region: string | undefined): string | undefined => {
	if (region === undefined) return undefined;
	const parsed = parseRegion(region);
	return parsed.ok ? undefined : describeNameError(region, parsed.error, 'the Region');
};
