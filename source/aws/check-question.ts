import {hasSource} from '../operations/registry.js';
import {isOperation, operationNamesInWords} from '../snapshot/operation-names.js';
import type {Question} from '../snapshot/snapshot.js';
import {err, ok, type Result} from '../shared/result.js';

/** Legacy us-east-1 buckets may have capitals and underscores, so this is looser than today's naming rules. */
const bucketName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

const keyIdForms = [
	/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/,
	/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:alias\/[A-Za-z0-9/_-]+$/,
	/^alias\/[A-Za-z0-9/_-]+$/,
	/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
	/^mrk-[0-9a-fA-F]{32}$/,
];

const checkBucket = (name: string, what: string): string | undefined => {
	if (bucketName.test(name)) return undefined;
	const hint = name.startsWith('arn:') || name.startsWith('s3://') ? ': give the bucket name alone, not an ARN or s3:// URL' : ': expected letters, digits, dots and hyphens';
	return `${what} "${name}" is not a bucket name${hint}`;
};

const checkKeyId = (id: string, what: string): string | undefined => {
	if (keyIdForms.some(form => form.test(id))) return undefined;
	if (/^aws\/[A-Za-z0-9/_-]+$/.test(id)) return `${what} "${id}" is not a key ID: an alias needs its prefix, as in alias/${id}`;
	return `${what} "${id}" is not a KMS key ID, key ARN, alias name (alias/NAME) or alias ARN`;
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
