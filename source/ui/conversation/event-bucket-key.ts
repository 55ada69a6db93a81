import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {parseS3Arn} from '../../names/index.js';

/**
 * Whether S3 used a Bucket Key for the request, as a pasted CloudTrail event of the KMS call shows it: S3 sends the
 * bucket's ARN as encryption context with a Bucket Key, the object's without one (S3 User Guide, "Configuring your
 * bucket to use an S3 Bucket Key"). Only a context naming the request's own bucket or object says it; else undefined.
 */
export const bucketKeyOfEvent = (denial: ParsedDenial | undefined, bucket: string, objectKey: string): 'on' | 'off' | undefined => {
	const context = denial?.encryptionContext?.['aws:s3:arn'];
	const named = context === undefined ? undefined : parseS3Arn(context);
	if (named?.bucket !== bucket) return undefined;
	if (named.objectKey === undefined) return 'on';
	return named.objectKey === objectKey ? 'off' : undefined;
};

/** Why: the words beside the answer in the transcript, and beside the assumption where one is kept. */
export const bucketKeyOfEventBecause = (answer: 'on' | 'off'): string =>
	`the pasted CloudTrail event's encryption context is the ${answer === 'on' ? 'bucket' : 'object'} ARN`;
