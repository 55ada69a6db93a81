import type {ContextValue} from '../engine/context.js';
import type {Operation} from '../snapshot/operation-names.js';
import type {CopySource, Question} from '../snapshot/question.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {ServiceRequest} from './service-request-keys.js';

/**
 * What an operation means, as data: the shape every module in this folder fills in. Pure: no I/O, no UI.
 * The diagnosis, live collection, the collect script, the bundle reader and the wizard read it and act on it.
 */

/**
 * Which object of the question a leg is about, and so where its facts live in the snapshot.
 * `destination`: the question's own object (`question.bucket`/`objectKey`; the snapshot's `bucket`, `object`, `key`),
 * written by an upload or a copy, read by a download. `source`: the object `question.source` names (the snapshot's `source`).
 */
export type Side = 'destination' | 'source';

/**
 * Who makes a leg's requests, so whose permissions S3 and KMS check: the caller (the principal of the snapshot; for a
 * presigned URL, its signer), an AWS service principal acting for one of its resources (CloudFront for a distribution),
 * or an IAM role a service assumes (the role a replication rule names, assumed by s3.amazonaws.com): the snapshot's
 * principal is then that role, with its own policies, and its trust policy must let the service assume it.
 */
export type Actor =
	| {readonly kind: 'caller'}
	| {readonly kind: 'service'; readonly service: string}
	| {readonly kind: 'assumed-role'; readonly assumedBy: string};

/** `yes`/`no` from size and threshold; `unknown` when they do not decide it (both cases are then checked). */
export type Multipart = 'yes' | 'no' | 'unknown';

/** What an action's purpose and an operation's findings may depend on: the request's size and whether it goes in parts. */
export type RequestFacts = Pick<Question, 'sizeBytes' | 'tool'> & {
	readonly multipart: Multipart;
	readonly multipartThresholdBytes: number;
	/** No threshold is documented (the tool's, the service's) nor given, so no size decides. Not in the JSON contract. */
	readonly thresholdUnknown?: true;
};

type ActionBase = {
	/** `s3:PutObject`, `kms:Decrypt`, … */
	readonly action: string;
	/**
	 * `always`; only when the request may go in parts (multipart `yes` or `unknown`); or only when the leg's object may be
	 * encrypted with an S3 Bucket Key (on or unknown).
	 */
	readonly when: 'always' | 'multipart' | 'bucket-key';
	/** Which API call needs it and why, in words. */
	readonly purpose: (request: RequestFacts) => string;
};

/** An S3 action on the leg's object, checked against the actor's request. */
export type S3Action = ActionBase & {
	readonly service: 's3';
	/** The request carries the SSE-KMS headers of the key it names (a write names its key; a read never does). */
	readonly sendsKeyHeaders: boolean;
	/** What the action is checked on: the leg's object (the default), or its bucket (s3:GetReplicationConfiguration). */
	readonly on?: 'object' | 'bucket';
};

/**
 * A KMS action S3 takes on the leg's key for the actor (a forward access session: kms:ViaService, aws:CalledVia s3),
 * with the leg's object ARN as encryption context, or its bucket's ARN when S3 Bucket Keys are on. Only when the
 * leg's object is encrypted with a KMS key.
 */
export type KmsAction = ActionBase & {readonly service: 'kms'};

export type LegAction = S3Action | KmsAction;

/**
 * The facts a leg needs beyond its bucket (Region, account, bucket policy, default encryption, Object Ownership),
 * which every leg needs: live reads, the collect script, the bundle reader and the wizard gather these.
 */
export type LegFacts = {
	/** HeadObject of the existing object: its encryption names the key S3 reads it with. */
	readonly object: boolean;
	/**
	 * Which key S3 uses: the existing object's own; the one the request names, else the bucket default's (aws/s3 when it
	 * names none); or the one the replication rule names for replicas (ReplicaKmsKeyID).
	 */
	readonly key: 'object' | 'request-or-bucket-default' | 'replica';
};

/** What the wizard asks of a leg (ids follow the side: `bucket`/`source-bucket`, …). */
export type LegQuestions = {
	/** "Which bucket does it copy from?" */
	readonly bucket: string;
	/** Offline, for a key that comes from the object: which key encrypts it (only its ARN can be used). */
	readonly objectKmsKey?: {readonly title: string; readonly prompt: string};
};

/** One object the operation reads or writes, who asks, and what S3 and KMS then check. */
export type Leg = {
	readonly side: Side;
	readonly actor: Actor;
	/** How findings name the leg's key: "key", "object's key", "source object's key". */
	readonly keyWords: string;
	readonly facts: LegFacts;
	readonly questions: LegQuestions;
	/** In the order S3 checks them. */
	readonly actions: readonly LegAction[];
};

/** Whether the operation can go in parts, and the words that say so. */
export type MultipartKnowledge =
	| {
			readonly inParts: true;
			/** "a multipart upload" */
			readonly noun: string;
			/** "uploads" in "so the tool uploads in parts". */
			readonly verb: string;
			/** "goes up" in "A 12 MiB file goes up in parts". */
			readonly passive: string;
			/** What one request needs of KMS: "kms:GenerateDataKey only". */
			readonly oneRequestNeeds: string;
			/** An AWS service writes it, not a tool the user picks: when it goes in parts is not documented, so the size does not decide. */
			readonly thresholdUndocumented?: true;
	  }
	| {
			readonly inParts: false;
			/** Why not: "a download is a single GetObject (…)". */
			readonly why: string;
	  };

/** The objects of a question, as words about them need them. */
export type QuestionObjects = Pick<Question, 'bucket' | 'objectKey'> & {readonly source?: Pick<CopySource, 'bucket' | 'objectKey'>};

export type OperationWording = {
	/** The wizard's choice: "Upload", with its hint "PutObject, multipart upload". */
	readonly label: string;
	readonly hint: string;
	/** Before the object's URL in a report's title: "upload to". */
	readonly phrase: string;
	/** The summary's subject: "Uploading to s3://bucket/key". */
	readonly doing: (question: QuestionObjects) => string;
	/** The request as a noun: "the upload of s3://bucket/key". */
	readonly request: (question: QuestionObjects) => string;
};

/** How an error message or a CloudTrail event gives the operation away. */
export type Recognition = {
	/** Its S3 API calls, as messages and CloudTrail name them; `multipart`: a call of a multipart request. */
	readonly apiCalls: readonly {readonly name: string; readonly multipart?: true}[];
	/** Actions that betray it when no API call is named. */
	readonly actions: readonly string[];
	/** `aws s3 cp`'s "upload failed: ./a to s3://b/k": the verb, and which end is the object. */
	readonly cliTransfers: readonly {readonly verb: string; readonly object: 'from' | 'to'}[];
};

export type Decision = 'allowed' | 'denied' | 'unknown';

/** What an operation's own findings see: the request, and the decision on each of its actions by id. */
export type FindingInput = {
	readonly request: RequestFacts;
	/** The facts only this operation reads (a distribution, a presigned URL). */
	readonly snapshot: Snapshot;
	/** The partition the diagnosis names ARNs in (the request's), for the ARNs a finding's words name. */
	readonly partition: string;
	readonly decisionOf: (actionId: string) => Decision | undefined;
};

/** A cause that only this operation can have; the diagnosis lists it among its findings. */
export type OperationFinding = {
	readonly id: string;
	readonly severity: 'error' | 'warning' | 'info';
	readonly message: string;
	readonly remedy?: string;
	/** The action id whose fixes the remedy calls for: only the diagnosis knows whether one is offered, and says so. */
	readonly remedyFixes?: string;
};

export type OperationModule<Name extends Operation = Operation> = {
	readonly name: Name;
	/** The objects it reads and writes, by side; every operation has a destination. */
	readonly legs: {readonly destination: Leg & {readonly side: 'destination'}; readonly source?: Leg & {readonly side: 'source'}};
	readonly multipart: MultipartKnowledge;
	readonly wording: OperationWording;
	readonly recognition: Recognition;
	readonly findings: readonly ((input: FindingInput) => OperationFinding | undefined)[];
	/** Context keys the operation's own facts put on its requests (a distribution's aws:SourceArn, a URL's signature version). */
	readonly requestContext?: (snapshot: Snapshot, service: 's3' | 'kms') => Readonly<Record<string, ContextValue>>;
	/**
	 * Its S3 request, where an AWS service makes it for the caller (Athena): which keys of the caller's request it carries
	 * (service-request-keys.ts); the others stay unknown, never the caller's value.
	 */
	readonly serviceRequest?: (snapshot: Snapshot) => ServiceRequest | undefined;
	/** The fact a user gives for it, which nothing reads (check --distribution-arn …, --presigned-url, --service). */
	readonly givenFact?: 'distribution' | 'presigned-url' | 'service';
	/** Whether the snapshot's principal is the one who makes the request, where the operation's facts can tell (a presigned URL's signer). */
	readonly settleCaller?: (snapshot: Snapshot) => CallerSettlement;
};

/** What settling the caller gives the diagnosis. */
export type CallerSettlement = {
	/** The snapshot as the diagnosis reads it: without its principal when that is known not to make the request. */
	readonly snapshot: Snapshot;
	/** Taken as given about who makes the request, shown beside the verdict (`id`, the fact, and why it was not read). */
	readonly assumed?: {readonly id: string; readonly statement: string; readonly because: string};
};

/** The id of an action of a leg: `kms:Decrypt@destination`. */
export const actionId = (action: string, side: Side): string => `${action}@${side}`;
