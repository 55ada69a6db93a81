import type {ContextValue} from '../engine/context.js';
import {parseDistributionArn, valueOf} from '../names/index.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {sourceArnNamesAnotherDistribution} from './cloudfront-source-arn.js';
import type {FindingInput, OperationFinding, OperationModule} from './types.js';

/**
 * A viewer downloads through CloudFront, which reads the object from its S3 origin with origin access control (OAC):
 * the caller is the service principal cloudfront.amazonaws.com acting for one distribution. The bucket policy must
 * allow it s3:GetObject and the key policy kms:Decrypt, each kept to that distribution with AWS:SourceArn (CloudFront
 * Developer Guide, "Restrict access to an Amazon S3 origin"). Writes through CloudFront are not diagnosed here.
 */

const cloudfront = 'cloudfront.amazonaws.com';

/** The distribution's requests carry its ARN and account (the condition keys AWS's OAC policies use). */
const distributionContext = (snapshot: Snapshot): Readonly<Record<string, ContextValue>> => {
	const distribution = valueOf(parseDistributionArn(snapshot.distribution?.arn ?? ''));
	return distribution ? {'aws:SourceArn': distribution.arn, 'aws:SourceAccount': distribution.account} : {};
};

const pageUrl = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html';

/** OAI "doesn't support" SSE-KMS; AWS names migrating to OAC as the way. */
export const legacyOriginAccessIdentity = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.distribution?.originAccess === 'origin-access-identity'
		? {
				id: 'cloudfront-oai-cannot-read-sse-kms',
				severity: 'error',
				message: `The distribution reaches the bucket with a legacy origin access identity (OAI), which does not support SSE-KMS objects: no key policy makes it read or write them (${pageUrl}).`,
				remedy: 'Migrate the origin to origin access control (OAC), then allow cloudfront.amazonaws.com with AWS:SourceArn = the distribution ARN in the bucket policy and the key policy.',
			}
		: undefined;

/** A website endpoint is a custom origin: CloudFront cannot sign its requests with OAC. */
export const websiteEndpointOrigin = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.distribution?.originType === 's3-website'
		? {
				id: 'cloudfront-website-origin-no-oac',
				severity: 'error',
				message: `The origin is the bucket's website endpoint, which CloudFront must use as a custom origin: it cannot use OAC (or OAI), so its requests are anonymous and cannot read or write SSE-KMS objects (${pageUrl}).`,
				remedy: "Use the bucket's REST endpoint (BUCKET.s3.REGION.amazonaws.com) as an S3 origin with OAC.",
			}
		: undefined;

/** The distribution sends no signed request at all. */
export const noOriginAccess = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.distribution?.originAccess === 'none' && snapshot.distribution.originType !== 's3-website'
		? {
				id: 'cloudfront-no-origin-access',
				severity: 'error',
				message: 'The distribution uses neither OAC nor OAI: its requests to the bucket are anonymous, and S3 answers anonymous requests for SSE-KMS objects with AccessDenied.',
				remedy: 'Create an origin access control for the origin, then allow cloudfront.amazonaws.com with AWS:SourceArn = the distribution ARN in the bucket policy and the key policy.',
			}
		: undefined;

/** What an unset distribution ARN leaves open. */
export const distributionNotNamed = ({snapshot}: FindingInput): OperationFinding | undefined =>
	valueOf(parseDistributionArn(snapshot.distribution?.arn ?? ''))
		? undefined
		: {
				id: 'cloudfront-distribution-unknown',
				severity: 'info',
				message: 'The distribution ARN is not known, so whether a policy\'s AWS:SourceArn condition names it cannot be told.',
				remedy: 'Give the distribution ARN: check --distribution-arn arn:aws:cloudfront::ACCOUNT:distribution/ID.',
			};

export const cloudfrontDownload: OperationModule<'cloudfront-download'> = {
	name: 'cloudfront-download',
	legs: {
		destination: {
			side: 'destination',
			actor: {kind: 'service', service: cloudfront},
			keyWords: "object's key",
			facts: {object: true, key: 'object'},
			questions: {
				bucket: "Which bucket is the distribution's origin?",
				objectKmsKey: {title: "Object's key", prompt: 'Which KMS key encrypts the object? (its ARN; aws s3api head-object shows SSEKMSKeyId)'},
			},
			actions: [
				{service: 's3', action: 's3:GetObject', when: 'always', sendsKeyHeaders: false, purpose: () => 'CloudFront reads the object from its S3 origin'},
				{service: 'kms', action: 'kms:Decrypt', when: 'always', purpose: () => "S3 asks KMS to decrypt the object's data key for CloudFront"},
			],
		},
	},
	multipart: {inParts: false, why: 'CloudFront reads the object from its origin with GetObject'},
	wording: {
		label: 'Download through CloudFront',
		hint: 'origin access control (OAC)',
		phrase: 'CloudFront download of',
		doing: question => `CloudFront reading s3://${question.bucket}/${question.objectKey}`,
		request: question => `CloudFront's read of s3://${question.bucket}/${question.objectKey}`,
	},
	// CloudFront's errors reach the viewer as its own pages, not as S3 messages: nothing in a message names this operation.
	recognition: {apiCalls: [], actions: [], cliTransfers: []},
	findings: [legacyOriginAccessIdentity, websiteEndpointOrigin, noOriginAccess, sourceArnNamesAnotherDistribution, distributionNotNamed],
	requestContext: distributionContext,
	givenFact: 'distribution',
};
