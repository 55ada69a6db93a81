import type {ContextValue} from '../engine/context.js';
import type {Actor} from './types.js';

/**
 * What a request an AWS service makes carries of the caller's own request (the snapshot's requestContext): Athena's to
 * S3, CloudFront's to S3, replication's, and every request S3 makes to AWS KMS. Such a request is the service's, not the
 * caller's, so a key of the caller's request is carried only where AWS documents it is, set where AWS documents its
 * value, and otherwise unknown, with AWS's sentences (or their absence) as the reason. The network keys stay unknown:
 * AWS says the caller's value is not preserved, or its pages disagree (aws:SourceIp), or that a condition on them
 * "might fail".
 */

export const networkKeys = ['aws:SourceIp', 'aws:VpcSourceIp', 'aws:SourceVpc', 'aws:SourceVpce'] as const;

export type NetworkKey = (typeof networkKeys)[number];

/** Keys of the client's own request that AWS documents no value for on a request a service makes: the caller's are not its. */
export const clientKeys = ['aws:UserAgent', 'aws:Referer', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime'] as const;

/** Every key of the caller's request that stays unknown on a request a service makes for it: what a fix lets such requests past. */
export const keysNotCarried: readonly string[] = [...networkKeys, ...clientKeys];

/** Keys the service's request sets itself (aws:ViaAWSService, aws:CalledVia…, the Region it calls): never the caller's. */
export const ownKeys = ['aws:ViaAWSService', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast', 'aws:RequestedRegion'] as const;

const timeKeys = ['aws:CurrentTime', 'aws:EpochTime'] as const;

/** A sentence of AWS's, and the page it is on. */
export type AwsSentence = {readonly says: string; readonly page: string};

const conditionKeysPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

export const iamDenyIpExample: AwsSentence = {
	says: "The policy does not deny requests made by AWS services using Forward access sessions as the original requester's IP address is preserved.",
	page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html',
};

/** IAM, of each key on a request made with the caller's credentials (a forward access session). */
const forwardAccessSays: {readonly [Key in NetworkKey]: AwsSentence} = {
	'aws:SourceIp': iamDenyIpExample,
	'aws:VpcSourceIp': {says: 'This is because the source IP of the initial request made using a VPC endpoint is not preserved in FAS requests.', page: `${conditionKeysPage}#condition-keys-vpcsourceip`},
	'aws:SourceVpc': {
		says: 'Unlike with aws:SourceIp, you must use aws:ViaAWSService or aws:CalledVia to allow FAS requests, because the source VPC of the initial request is not preserved.',
		page: `${conditionKeysPage}#condition-keys-sourcevpc`,
	},
	'aws:SourceVpce': {says: 'This is because the source VPC endpoint of the initial request is not preserved.', page: `${conditionKeysPage}#condition-keys-sourcevpce`},
};

const kmsVpcEndpoints: AwsSentence = {
	says: 'If a policy statement requires that requests come from a particular VPC or VPC endpoint, requests from integrated AWS services that use an AWS KMS resource on your behalf might fail.',
	page: 'https://docs.aws.amazon.com/kms/latest/developerguide/vpce-policy-condition.html',
};

// KMS's own example says the address is the integrated service's, where IAM's says the requester's is preserved.
const kmsSourceIp: AwsSentence = {
	says: "Step 2 fails because the request to AWS KMS to decrypt the volume's encrypted data key comes from an IP address that is associated with the Amazon EC2 infrastructure.",
	page: 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-aws.html#conditions-aws-ip-address',
};

/** IAM: the request a service makes for an IAM user is made with temporary credentials of its own, not the user's. */
export const iamSubsequentRequest: AwsSentence = {
	says: 'For the subsequent request, AWS uses temporary credentials.',
	page: `${conditionKeysPage}#condition-keys-multifactorauthpresent`,
};

/** KMS API Reference: every request to KMS is sent over TLS, so aws:SecureTransport is true on it, whoever sends it. */
export const kmsOverTls: AwsSentence = {
	says: 'All KMS API calls must be signed and be transmitted using Transport Layer Security (TLS).',
	page: 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html',
};

export const athenaOverTls: AwsSentence = {
	says: 'In addition to encrypting data at rest in Amazon S3, Amazon Athena uses Transport Layer Security (TLS) encryption for data in-transit between Athena and Amazon S3, and between Athena and customer applications accessing it.',
	page: 'https://docs.aws.amazon.com/athena/latest/ug/encryption-in-transit.html',
};

export const cloudfrontSameProtocol: AwsSentence = {
	says: 'CloudFront then forwards the requests to your Amazon S3 bucket using the same protocol in which the requests were made.',
	page: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/HTTPandHTTPSRequests.html',
};

const replicationIsAsynchronous: AwsSentence = {
	says: 'Replication enables automatic, asynchronous copying of objects across Amazon S3 buckets.',
	page: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
};

/** IAM: where a request's condition keys come from, the resource it is made against among them. */
export const iamRequestContextSources: AwsSentence = {
	says: 'Request information is provided by different sources, including the principal making the request, the resource the request is made against, and the metadata about the request itself.',
	page: conditionKeysPage,
};

/** KMS: a KMS key's own tags are the ones a policy on KMS tests. */
export const kmsKeyTags: AwsSentence = {
	says: 'You can control access to AWS KMS keys based on the tags on the KMS key.',
	page: 'https://docs.aws.amazon.com/kms/latest/developerguide/tag-authorization.html',
};

/** IAM: a service-specific key (s3:) works only with requests to its own service. */
export const iamServiceSpecificKeys: AwsSentence = {
	says: 'This condition key is unique to the service, meaning it only works with requests to the Amazon S3 service.',
	page: conditionKeysPage,
};

/** IAM, of a service that makes its requests as a service role (replication's role): they are not via AWS service. */
export const iamViaServiceRole: AwsSentence = {
	says: "The context key returns false if the service uses a service role or service-linked role to make a call on the principal's behalf.",
	page: `${conditionKeysPage}#condition-keys-viaawsservice`,
};

/** IAM: the replication role, which S3 assumes, is a service role. */
export const iamServiceRole: AwsSentence = {
	says: 'A role that a service assumes to perform actions on your behalf is called a service role.',
	page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_services.html',
};

/** IAM, of aws:SourceArn, aws:SourceAccount, aws:SourceOrgID and aws:SourceOrgPaths alike (each key's Availability). */
export const iamSourceKeysAvailability: AwsSentence = {
	says: 'This key is included in the request context only when the call to your resource is being made directly by an AWS service principal on behalf of a resource for which the configuration triggered the service-to-service request.',
	page: `${conditionKeysPage}#condition-keys-sourceaccount`,
};

/**
 * The keys only a service principal's request carries (the resource it acts for): absent on a request a user, role or
 * session makes itself, such as the caller's own request to S3.
 */
export const servicePrincipalOnlyKeys = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'] as const;

/** The keys a request made as a service role sets itself, as IAM documents them. */
export const serviceRoleOwnKeys: Readonly<Record<string, ContextValue>> = {'aws:ViaAWSService': false};

/** Global keys that describe the resource the request is made against: the caller's describe the bucket or object. */
const resourceKeyNames = ['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths'];
const isResourceKey = (lowerKey: string): boolean => resourceKeyNames.includes(lowerKey) || lowerKey.startsWith('aws:resourcetag/');
/** IAM: a service-specific key "only works with requests to the Amazon S3 service": no request to KMS carries an s3: key. */
export const prefixesAbsentOnKmsRequest: readonly string[] = ['s3:'];
const isS3Key = (lowerKey: string): boolean => prefixesAbsentOnKmsRequest.some(prefix => lowerKey.startsWith(prefix));

/** What AWS documents of aws:SecureTransport on the service's request. */
type SecureTransport = {readonly rule: 'set'; readonly value: boolean; readonly says: AwsSentence} | {readonly rule: 'carried'; readonly says: AwsSentence} | {readonly rule: 'unknown'};

/** A request an AWS service makes for the caller, and what the pages of the service it goes to say of each key. */
export type ServiceRequest = {
	/** In words: "S3's request to AWS KMS". */
	readonly request: string;
	/** Made with the caller's own credentials (a forward access session), so IAM's words on those apply. */
	readonly forwardAccess: boolean;
	readonly pages: Readonly<Partial<Record<NetworkKey, readonly AwsSentence[]>>>;
	/** How a policy lets such requests through, which settles the condition either way. */
	readonly settleWith: string;
	readonly secureTransport: SecureTransport;
	/** Made later than the caller's request, if AWS says so: its time is not the caller's. */
	readonly later?: AwsSentence;
	/** Made to another service than S3, against its resource (S3's to KMS: "the KMS key"): the caller's resource keys and s3: keys are not its. */
	readonly otherResource?: string;
};

const quoted = (sentence: AwsSentence): string => `"${sentence.says}" (${sentence.page})`;

const notOwn = (request: string): string => `not known for ${request}, which is not your own request`;

const networkWhy = ({request, forwardAccess, pages, settleWith}: ServiceRequest, key: NetworkKey): string => {
	const sentences = [...(forwardAccess ? [forwardAccessSays[key]] : []), ...(pages[key] ?? [])];
	const state =
		forwardAccess && key === 'aws:SourceIp'
			? "AWS's pages disagree on whose address it carries"
			: forwardAccess
				? "AWS says your request's value is not preserved, and documents no other"
				: 'AWS documents no value for it';
	const says = sentences.length > 0 ? ` AWS: ${sentences.map(quoted).join('; ')}.` : '';
	return `${notOwn(request)}: ${state}.${says} So a condition on ${key} cannot be decided for it; ${settleWith} settles it`;
};

const clientWhy = ({request, forwardAccess, settleWith}: ServiceRequest, key: string): string =>
	`${notOwn(request)}: your request's ${key} is your client's and credentials', and AWS documents no value for it on a request a service makes${forwardAccess ? ` (IAM: ${quoted(iamSubsequentRequest)})` : ''}. So a condition on ${key} cannot be decided for it; ${settleWith} settles it`;

const lower = (key: string): string => key.toLowerCase();

const resourceRead = (key: string): string =>
	lower(key).startsWith('aws:resourcetag/') ? "its tags (kms:ListResourceTags on the key, with a profile of the key's account)" : lower(key) === 'aws:resourceaccount' ? 'its ARN, which names its account' : "the organization and OU path of its account (organizations:DescribeOrganization and organizations:ListParents for the key's account)";

const resourceWhy = (request: ServiceRequest, resource: string, key: string): string => {
	const tag = lower(key).startsWith('aws:resourcetag/');
	return `${notOwn(request.request)}: your request's ${key} is the bucket's or object's, and ${request.request} is made against ${resource} (IAM: ${quoted(iamRequestContextSources)}${tag ? `; KMS: ${quoted(kmsKeyTags)}` : ''}). So ${key} is ${resource}'s, not known until read for it: ${resourceRead(key)}`;
};

/**
 * The caller's keys a service's request carries, the values AWS documents for it, and each key it leaves unknown with
 * why. `notOfResource`: the caller's keys that describe its own resource, which the request may set for its own.
 */
export type KeysOnServiceRequest = {
	readonly context: Readonly<Record<string, ContextValue>>;
	readonly notCarried: Readonly<Record<string, string>>;
	readonly notOfResource: Readonly<Record<string, string>>;
};

/**
 * The caller's request context as the service's request carries it. Carried: aws:CurrentTime and aws:EpochTime where the
 * request is made while the caller's is served; aws:SourceIdentity on a forward access session (IAM: "After a source
 * identity is set, it is present in requests for any AWS action taken during the role session."); and the keys this
 * module says nothing of (the principal's, as the caller's request gives them). Never the keys the request sets itself;
 * on a request to another service (S3's to KMS), never the keys that describe the caller's resource, and no s3: key.
 */
export const keysOnServiceRequest = (request: ServiceRequest, callerContext: Readonly<Record<string, ContextValue>>): KeysOnServiceRequest => {
	const {secureTransport} = request;
	const notCarried: Record<string, string> = {
		...Object.fromEntries(networkKeys.map(key => [key, networkWhy(request, key)])),
		...Object.fromEntries(clientKeys.map(key => [key, clientWhy(request, key)])),
		...(secureTransport.rule === 'unknown'
			? {'aws:SecureTransport': `${notOwn(request.request)}: AWS documents no value of aws:SecureTransport for it, so whether it is sent over TLS is not known; ${request.settleWith} settles a condition on it`}
			: {}),
		...(request.forwardAccess
			? {}
			: {'aws:SourceIdentity': `${notOwn(request.request)}: it is not made in your role session, and AWS documents no source identity for it`}),
		...(request.later ? Object.fromEntries(timeKeys.map(key => [key, `${notOwn(request.request)}: it is made later than yours (AWS: ${quoted(request.later!)}), at a time not known`])) : {}),
	};
	const {otherResource} = request;
	const notOfResource: Record<string, string> = {};
	const toOtherService: Record<string, ContextValue> = {};
	for (const key of otherResource ? Object.keys(callerContext) : []) {
		if (isResourceKey(lower(key))) notOfResource[key] = resourceWhy(request, otherResource!, key);
		// IAM: a service-specific key "only works with requests to the Amazon S3 service": absent on a request to another.
		else if (isS3Key(lower(key))) toOtherService[key] = null;
	}
	const dropped = new Set([...Object.keys(notCarried).map(lower), ...Object.keys(notOfResource).map(lower), ...ownKeys.map(lower), 'aws:securetransport']);
	const context: Record<string, ContextValue> = {...Object.fromEntries(Object.entries(callerContext).filter(([key]) => !dropped.has(lower(key)))), ...toOtherService};
	if (secureTransport.rule === 'set') context['aws:SecureTransport'] = secureTransport.value;
	if (secureTransport.rule === 'carried') {
		const given = Object.entries(callerContext).find(([key]) => lower(key) === 'aws:securetransport');
		if (given) context['aws:SecureTransport'] = given[1];
	}
	return {context, notCarried, notOfResource};
};

/** Why a key the request sets itself is not known, where the request does not set it (a role S3 assumes). */
export const ownKeyNotSet = (request: string, key: string): string =>
	`${notOwn(request)}: it sets ${key} itself, never from your request, and AWS documents no value of it for this request`;

const kmsSettleWith =
	'letting requests S3 makes for you through (a Deny with "Bool": {"aws:ViaAWSService": "false"}, or an Allow that tests kms:ViaService in place of the network)';

/**
 * Every KMS request here is one S3 makes: with the caller's credentials (a forward access session), as a role it assumed
 * (replication, made later than any request of the caller's), or for a service principal. KMS takes requests over TLS only.
 */
export const kmsRequest = (actor: Actor): ServiceRequest => ({
	request: "S3's request to AWS KMS",
	forwardAccess: actor.kind === 'caller',
	pages: {'aws:SourceIp': [kmsSourceIp], 'aws:SourceVpc': [kmsVpcEndpoints], 'aws:SourceVpce': [kmsVpcEndpoints]},
	settleWith: kmsSettleWith,
	secureTransport: {rule: 'set', value: true, says: kmsOverTls},
	...(actor.kind === 'assumed-role' ? {later: replicationIsAsynchronous} : {}),
	otherResource: 'the KMS key',
});

/**
 * The S3 request of an actor other than the caller: CloudFront's for a viewer (in the viewer's protocol), or the role
 * S3 assumes to replicate (later, and by no documented protocol). The caller's own S3 request carries everything.
 */
export const s3RequestOf = (actor: Actor): ServiceRequest | undefined => {
	switch (actor.kind) {
		case 'caller':
			return undefined;
		case 'service':
			return {
				request: `${actor.service}'s request to S3`,
				forwardAccess: false,
				pages: {},
				settleWith: `a condition that names ${actor.service}'s request by its own keys (aws:SourceArn) in place of the network`,
				secureTransport: {rule: 'carried', says: cloudfrontSameProtocol},
			};
		case 'assumed-role':
			return {
				request: "the replication role's request to S3",
				forwardAccess: false,
				pages: {},
				settleWith: 'a condition that lets the replication role through by its ARN (aws:PrincipalArn)',
				secureTransport: {rule: 'unknown'},
				later: replicationIsAsynchronous,
			};
	}
};
