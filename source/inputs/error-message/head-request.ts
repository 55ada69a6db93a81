import type {DenialExplanation, ParsedDenial} from './parsed-denial.js';

/*
 * A HEAD request refused: S3 API Reference, HeadObject and HeadBucket: a HEAD response has no body, so the error is a
 * bare status code. Neither the caller, nor the action refused, nor which policy refused is in the text: each is named
 * unknown with what settles it.
 */

/** What each HEAD call needs, and the request that returns the same refusal with a body that says why. */
const heads = {
	HeadObject: {
		needs: 'HeadObject needs s3:GetObject (no KMS permission)',
		sameAs: 'the same request as a GetObject with the same credentials (aws s3api get-object --bucket BUCKET --key KEY /dev/null)',
		// GetObject of an SSE-KMS object needs kms:Decrypt besides, which HEAD did not.
		besides: " On an SSE-KMS object its message may name kms:Decrypt instead, which HeadObject does not need: that is GetObject's own need.",
		absent: 'A 403 instead of 404 can also mean the object does not exist and the caller lacks s3:ListBucket on the bucket.',
	},
	HeadBucket: {
		needs: 'HeadBucket needs s3:ListBucket on the bucket',
		sameAs: 'the same request as a ListObjectsV2 with the same credentials (aws s3api list-objects-v2 --bucket BUCKET --max-items 1)',
		besides: '',
		absent: 'A 403 can also mean the bucket belongs to another account that does not let the caller list it.',
	},
} as const;

type HeadCall = keyof typeof heads;

/** The HEAD call refused with 403 and no message naming the caller; undefined for any other denial. */
export const headWithoutBody = (denial: ParsedDenial): HeadCall | undefined =>
	!denial.principal && (denial.apiOperation === 'HeadObject' || denial.apiOperation === 'HeadBucket') && (denial.statusCode === 403 || denial.errorCode === '403')
		? denial.apiOperation
		: undefined;

export const headExplanation = (call: HeadCall): DenialExplanation => {
	const head = heads[call];
	return {
		summary: `${call} was refused (403) and, being a HEAD request, carries no reason.`,
		meaning: [
			`Not in the message: the caller, the action refused and which policy refused it. A HEAD response has no body to name them (S3 API Reference, ${call}).`,
			`${head.needs}.`,
			head.absent,
		],
		checkNext: [
			`The action and which policy refused: ${head.sameAs} returns the error with its message; paste it here.${head.besides}`,
			`The caller: aws sts get-caller-identity with the same credentials, or the ${call} event in CloudTrail where S3 data events are logged (its userIdentity.arn).`,
		],
	};
};
