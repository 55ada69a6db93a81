/**
 * The two shapes one AWS answer arrives in. Live collection gets the SDK's output object: `$metadata`, Date
 * objects, IAM policy documents URL-encoded. A support bundle holds the AWS CLI's JSON: no `$metadata`, dates as
 * ISO 8601 strings with `+00:00`, IAM policy documents decoded into objects, every page of a list merged.
 */

/** An SDK output object: the answer's members plus the `$metadata` every command output carries. */
export const sdkOutput = <T extends Record<string, unknown>>(members: T): T & {$metadata: Record<string, unknown>} => ({
	$metadata: {httpStatusCode: 200, requestId: 'c0ffee00-0000-4000-8000-000000000000', attempts: 1, totalRetryDelay: 0},
	...members,
});

/** What the SDK hands over for an IAM policy document (IAM sends it URL-encoded; the SDK does not decode it). */
export const urlEncoded = (document: unknown): string => encodeURIComponent(JSON.stringify(document));

/** What the AWS CLI prints for an S3, KMS or Organizations policy: the JSON text, as the service stores it. */
export const jsonText = (document: unknown): string => JSON.stringify(document, null, 4);

export const created = new Date('2024-01-15T10:00:00Z');
export const createdText = '2024-01-15T10:00:00+00:00';

export const policy = (action: string, resource = '*') => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: resource}]});
