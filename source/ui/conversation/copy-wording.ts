import {hasSource} from '../../operations/registry.js';
import type {Operation} from '../../snapshot/snapshot.js';
import type {ChoiceOption, Question} from './question.js';

/**
 * The copy flow's own words, in one place (with issue #9 they move into the copy operation's module):
 * a copy has a source and a destination, copies an object (not a file) and, in parts, calls
 * UploadPartCopy. Which questions are asked is the flow's business; this only changes how they read.
 */

type Rewording = (question: Question, bucket: string | undefined) => Question;

const toolHints: Readonly<Record<string, string>> = {
	'aws-cli': 'aws s3 cp s3://SOURCE/… s3://DESTINATION/…',
	'sdk-js': 'CopyObjectCommand, or a multipart copy',
	boto3: 'copy, copy_object',
	dotnet: 'TransferUtility / CopyObject',
	console: 'Copy, from the Actions menu in the browser',
	other: 'my own CopyObject or UploadPartCopy calls, rclone, …',
};

const rewordings: Readonly<Record<string, Rewording>> = {
	bucket: question => ({...question, title: 'Destination bucket'}),
	'object-key': (question, bucket) => ({...question, title: 'Destination key', prompt: `Which key does it copy to${bucket ? `, in ${bucket}` : ''}?`}),
	'names-key': question =>
		question.kind === 'choice'
			? {
					...question,
					prompt: 'Does the copy name a KMS key for the destination object? (--sse-kms-key-id, SSEKMSKeyId, x-amz-server-side-encryption-aws-kms-key-id)',
					options: question.options.map(option => (option.value === 'no' ? {...option, label: "No: the destination bucket's default encryption decides"} : option)),
				}
			: question,
	'default-key': question => ({
		...question,
		title: "Destination bucket's default key",
		prompt: "Which key is the destination bucket's default? (aws s3api get-bucket-encryption shows it; aws/s3 for the AWS managed key)",
	}),
	size: question => ({...question, prompt: 'How big is the source object? (it decides whether it is copied in parts, with UploadPartCopy; leave empty if you do not know)'}),
	tool: question =>
		question.kind === 'choice'
			? {...question, prompt: 'What copies it?', options: question.options.map((option): ChoiceOption => (toolHints[option.value] ? {...option, hint: toolHints[option.value]} : option))}
			: question,
	'bucket-region': question => ({...question, title: "Destination bucket's Region", prompt: 'Which Region is the destination bucket in? (its key must be in the same one; leave empty if you do not know)'}),
};

/** The question as the operation words it: one with a source leg (a copy) names its source and destination. */
export const wordedFor =
	(operation: Operation) =>
	<Q extends Question>(question: Q, bucket?: string): Q =>
		hasSource(operation) && rewordings[question.id] ? (rewordings[question.id]!(question, bucket) as Q) : question;

/** Titles of the policies a copy pastes: the destination's, next to the source's. */
export const copyPolicyWords: Readonly<Record<string, {readonly title: string; readonly noneLabel?: string}>> = {
	'key-policy': {title: "Destination key's policy"},
	'bucket-policy': {title: "Destination bucket's policy", noneLabel: 'The destination bucket has no bucket policy'},
};

/** A copy in parts: what the wizard says after the size and tool are known. */
export const copyMultipartWords = {
	unknownSize: 'Without the size, both cases are checked: one CopyObject (kms:GenerateDataKey on the destination key) and a copy in parts with UploadPartCopy (kms:Decrypt as well).',
	inParts: (size: string, tool: string, threshold: string): string =>
		`A ${size} object is copied in parts with ${tool} (UploadPartCopy from ${threshold}). S3 has to decrypt the destination upload's data key to add each part, so besides kms:GenerateDataKey the caller needs kms:Decrypt on the destination key.`,
	undocumentedAnySize: (tool: string): string =>
		`When ${tool.charAt(0).toLowerCase()}${tool.slice(1)} copies in parts is not known, and large copies have needed kms:Decrypt, so whatever the size both cases are checked: one CopyObject (kms:GenerateDataKey on the destination key) and a copy in parts with UploadPartCopy (kms:Decrypt as well).`,
	undocumented: (tool: string, size: string): string =>
		`When ${tool.charAt(0).toLowerCase()}${tool.slice(1)} copies in parts is not known, and large copies have needed kms:Decrypt, so a ${size} object is checked both ways.`,
	oneRequest: (size: string, tool: string, threshold: string): string =>
		`A ${size} object is copied in one CopyObject request with ${tool} (in parts only from ${threshold}), so S3 asks KMS for kms:GenerateDataKey on the destination's key (and kms:Decrypt on the source's).`,
} as const;
