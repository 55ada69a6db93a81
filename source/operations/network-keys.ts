import type {Actor} from './types.js';

/**
 * The keys a policy uses to keep requests to a network, and what they hold on a request an AWS service makes for the
 * caller: Athena's to S3, S3's to AWS KMS. Such a request is the service's, not the caller's own, so the caller's
 * network (the snapshot's requestContext) is never copied into it. AWS documents none of these keys as absent there:
 * it says the caller's value is not preserved, or its pages disagree (aws:SourceIp), or that a condition on them
 * "might fail". Each stays unknown, with those sentences as the reason.
 */

export const networkKeys = ['aws:SourceIp', 'aws:VpcSourceIp', 'aws:SourceVpc', 'aws:SourceVpce'] as const;

export type NetworkKey = (typeof networkKeys)[number];

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

/** A request an AWS service makes for the caller, and what the pages of the service it goes to say of each key. */
export type ServiceRequest = {
	/** In words: "S3's request to AWS KMS". */
	readonly request: string;
	/** Made with the caller's own credentials (a forward access session), so IAM's words on those apply. */
	readonly forwardAccess: boolean;
	readonly pages: Readonly<Partial<Record<NetworkKey, readonly AwsSentence[]>>>;
	/** How a policy lets such requests through, which settles the condition either way. */
	readonly settleWith: string;
};

const quoted = (sentence: AwsSentence): string => `"${sentence.says}" (${sentence.page})`;

const why = ({request, forwardAccess, pages, settleWith}: ServiceRequest, key: NetworkKey): string => {
	const sentences = [...(forwardAccess ? [forwardAccessSays[key]] : []), ...(pages[key] ?? [])];
	const state =
		forwardAccess && key === 'aws:SourceIp'
			? "AWS's pages disagree on whose address it carries"
			: forwardAccess
				? "AWS says your request's value is not preserved, and documents no other"
				: 'AWS documents no value for it';
	const says = sentences.length > 0 ? ` AWS: ${sentences.map(quoted).join('; ')}.` : '';
	return `not known for ${request}, which is not your own request: ${state}.${says} So a condition on ${key} cannot be decided for it; ${settleWith} settles it`;
};

/** The network keys a service's request for the caller does not carry as the caller's request gives them, each with why. */
export const networkKeysNotCarried = (request: ServiceRequest): Readonly<Record<string, string>> => Object.fromEntries(networkKeys.map(key => [key, why(request, key)]));

/** Every KMS request here is one S3 makes: with the caller's credentials (a forward access session), as a role it assumed, or for a service principal. */
export const kmsRequestNotCarried = (actor: Actor): Readonly<Record<string, string>> =>
	networkKeysNotCarried({
		request: "S3's request to AWS KMS",
		forwardAccess: actor.kind === 'caller',
		pages: {'aws:SourceIp': [kmsSourceIp], 'aws:SourceVpc': [kmsVpcEndpoints], 'aws:SourceVpce': [kmsVpcEndpoints]},
		settleWith: 'letting requests S3 makes for you through (a Deny with "Bool": {"aws:ViaAWSService": "false"}, or an Allow that tests kms:ViaService in place of the network)',
	});
