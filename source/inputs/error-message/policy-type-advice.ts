import type {ParsedDenial} from './parsed-denial.js';
import {scpWording} from '../../diagnosis/evidence-words.js';
import {accountRootArn} from '../../engine/principal.js';
import {partitionOfArn, partitionOfRegion} from '../../names/index.js';
import {accountOf} from './accounts.js';
import {bucketOfArn, principalKind} from './words.js';
import {kmsAskerOf} from './kms-asker.js';

export type Advice = {readonly meaning: string[]; readonly checkNext: string[]};

const callerPolicies = (denial: ParsedDenial): string => {
	const kind = principalKind(denial.principal);
	if (kind === 'role') return "the role's IAM policies (inline and attached)";
	if (kind === 'user') return "the user's IAM policies (inline, attached, and those of its groups)";
	return "the caller's IAM policies";
};

/** The conditions a Deny on this action typically has, for S3 and KMS; nothing for another service's action, whose Denies this tool does not know. */
const denyHints = (service: string | undefined, action: string | undefined): string | undefined => {
	if (service === 'kms') return 'conditions on kms:ViaService, kms:CallerAccount, kms:EncryptionContext:aws:s3:arn, aws:SourceVpce or aws:PrincipalOrgID';
	if (service !== 's3') return undefined;
	// The encryption headers are a write's: a Deny on them never matches a read or a listing.
	return action?.toLowerCase() === 's3:putobject'
		? 'conditions on s3:x-amz-server-side-encryption (a StringNotEquals Deny fires when the upload sends no encryption header), s3:x-amz-server-side-encryption-aws-kms-key-id (must be the full key ARN), aws:SecureTransport or aws:SourceVpce'
		: 'conditions on aws:SecureTransport or aws:SourceVpce';
};

/** "find the Deny on ACTION", with the conditions such a Deny typically has where they are known. */
const findTheDeny = (service: string | undefined, action: string | undefined): string => {
	const hints = denyHints(service, action);
	return `find the Deny on ${action ?? 'the action'}${hints ? `, typically ${hints}` : ''}`;
};

const what = (denial: ParsedDenial): string => `${denial.action ?? 'the action'}${denial.resource ? ` on ${denial.resource}` : ''}`;

/**
 * IAM: "An implicit denial occurs when there is no applicable Deny statement but also no applicable Allow statement." The
 * message says no Allow of the key policy applied, not that none names the caller: one may, with a condition that failed.
 */
const noApplicableAllow = 'none names them for this action, or one that does has a condition that did not hold (read the key policy to tell which).';

/** The partition the message's ARNs or Region name (aws-cn, aws-us-gov …); undefined where none does. */
const partitionOfDenial = (denial: ParsedDenial): string | undefined =>
	partitionOfArn(denial.resource) ?? partitionOfArn(denial.principal) ?? partitionOfRegion(denial.region);

/** An account's root, as an ARN where the message names the partition (ACCOUNT where not the account); else in words, never guessed as aws. */
const rootOf = (denial: ParsedDenial, account: string | undefined): string => {
	const partition = partitionOfDenial(denial);
	if (partition) return accountRootArn(account ?? 'ACCOUNT', partition);
	return account ? `the root of account ${account}` : "the key's account root";
};

/** The key's account root, whose Allow in the key policy lets IAM policies of that account grant use of the key. */
const keyRoot = (denial: ParsedDenial): string => {
	const account = accountOf(denial.resource) ?? accountOf(denial.principal);
	return account ? rootOf(denial, account) : "the key's account root";
};

/** "the account root (arn:…:root)", or where the message names no account (redacted), "the key's account root" once. */
const keyRootWords = (denial: ParsedDenial): string => {
	const root = keyRoot(denial);
	return root.startsWith('arn:') ? `the account root (${root})` : root;
};

/** "No resource-based policy allows" on a KMS key: no key policy Allow applied, to the caller or to an account it lets grant. */
const keyPolicyAdvice = (denial: ParsedDenial): Advice => {
	const key = denial.resource ?? 'the key';
	const action = denial.action ?? 'the action';
	const callerAccount = accountOf(denial.principal);
	const keyAccount = accountOf(denial.resource);
	if (callerAccount && keyAccount && callerAccount !== keyAccount) {
		return {
			meaning: [
				`No statement of the key policy (account ${keyAccount}) allows ${action} to this principal or its account ${callerAccount} for this request: ${noApplicableAllow} Across accounts the key policy must allow the caller's account or role itself.`,
				'For KMS the key policy must always take part: an IAM Allow alone is not enough.',
			],
			checkNext: [`The key policy of ${key}: allow ${action} for ${rootOf(denial, callerAccount)} (then grant it in that account's IAM policies) or for the principal itself.`],
		};
	}
	return {
		meaning: [
			`No statement of the key policy allows ${action} to this principal for this request, nor lets IAM policies grant it (the statement allowing the account root): ${noApplicableAllow}`,
			'For KMS the key policy must always take part: an IAM Allow alone is not enough.',
		],
		checkNext: [`The key policy of ${key}: allow ${action} for the principal, or keep the default statement that allows ${rootOf(denial, keyAccount)} and grant it in IAM.`],
	};
};

/** What each policy type of the message means for this request, and where to look. */
export const policyTypeAdvice = (denial: ParsedDenial): Advice => {
	const explicit = denial.denial === 'explicit';
	const service = denial.service ?? denial.action?.split(':')[0];
	const inPolicy = denial.policyArn ? ` (AWS names it: ${denial.policyArn})` : '';
	switch (denial.policyType) {
		case 'identity-based':
			return explicit
				? {
						meaning: [`A Deny statement in ${callerPolicies(denial)} matches this request; no Allow anywhere can override it.`],
						checkNext: [`${callerPolicies(denial)}${inPolicy}: ${findTheDeny(service, denial.action)}.`],
					}
				: {
						meaning: [
							`None of ${callerPolicies(denial)} allows ${what(denial)}.`,
							// AWS does not document which message KMS gives where the key policy does not delegate to IAM: a possibility, not a fact.
							...(service === 'kms'
								? [
										'For a KMS key an IAM Allow counts only where the key policy lets IAM policies grant access (its account-root statement); AWS does not document which message KMS gives where it does not, so this message alone does not tell that the key policy delegates.',
									]
								: []),
						],
						checkNext: [
							`${callerPolicies(denial)}: add an Allow for ${what(denial)}.`,
							...(service === 'kms' ? [`The key policy of ${denial.resource ?? 'the key'}: check that it allows ${keyRootWords(denial)} or the caller itself, or the IAM Allow will not count.`] : []),
						],
					};
		case 'resource-based':
			if (service === 'kms') {
				return explicit
					? {
							meaning: ['A Deny statement in the key policy matches this request.'],
							checkNext: [`The key policy of ${denial.resource ?? 'the key'}: ${findTheDeny('kms', denial.action)}.`],
						}
					: keyPolicyAdvice(denial);
			}
			if (service === 's3') {
				const bucket = bucketOfArn(denial.resource) ?? 'the bucket';
				return explicit
					? {
							meaning: [
								'A Deny statement in the bucket policy (or access point policy) matches this request.',
								'S3 Block Public Access (RestrictPublicBuckets) also reports itself this way.',
							],
							checkNext: [`The bucket policy of ${bucket}: ${findTheDeny('s3', denial.action)}.`],
						}
					: {
							meaning: [
								'No statement of the bucket policy (or access point policy) allows this caller.',
								'Within the bucket\'s own account an IAM Allow is enough, so this usually means the caller is in another account, or its only grant was a public ACL that Block Public Access ignores.',
							],
							checkNext: [
								`The bucket policy of ${bucket}: allow ${denial.action ?? 'the action'} for the caller's account or role on ${denial.resource ?? 'the object'}.`,
								"A caller from another account also needs the same action in its own IAM policy.",
							],
						};
			}
			return {
				meaning: [`${explicit ? 'A Deny in' : 'Nothing in'} the resource's own policy ${explicit ? 'matches' : 'allows'} this request.`],
				checkNext: [`The resource policy of ${denial.resource ?? 'the resource'}.`],
			};
		case 'service-control-policy':
			// AWS words an SCP's implicit deny as explicit too (scpWording): its "explicit deny" tells an SCP denied, not how.
			return {
				meaning: [
					explicit
						? "A service control policy (SCP) of the caller's organization denies this request: a Deny statement in one matches it, or some level from the organization root to the caller's account allows the action nowhere."
						: 'No service control policy (SCP) on the path from the organization root to the caller\'s account allows the action: SCPs must allow it at every level.',
					...(explicit ? [`${scpWording.charAt(0).toUpperCase()}${scpWording.slice(1)}: the message does not tell which of the two.`] : []),
					...(service === 'kms' ? ["S3 calls KMS as the caller, so the caller's SCPs apply to S3's KMS calls too (aws:ViaAWSService is true there)."] : []),
				],
				checkNext: [
					explicit
						? `The SCPs attached to the organization root, the OUs and the caller's account${inPolicy}: a Deny for ${denial.action ?? 'the action'} in one of them, or a level where none allows it (from the management account: aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY, then aws organizations describe-policy for each).`
						: `The SCPs attached to the organization root, the OUs and the caller's account${inPolicy} (from the management account: aws organizations list-policies-for-target --filter SERVICE_CONTROL_POLICY).`,
				],
			};
		case 'resource-control-policy':
			return {
				meaning: [
					explicit
						? "A Deny statement in a resource control policy (RCP) of the resource's organization matches this request."
						: "No resource control policy (RCP) on the resource account's path allows the action.",
					'RCPs cap what anyone can do to S3 buckets and KMS keys of member accounts (not AWS managed keys).',
				],
				checkNext: [`The RCPs on the resource's account, its OUs and the root${inPolicy} (aws organizations list-policies-for-target --filter RESOURCE_CONTROL_POLICY).`],
			};
		case 'permissions-boundary':
			return {
				meaning: [
					explicit
						? 'A Deny statement in the permissions boundary of the role or user matches this request.'
						: 'The permissions boundary of the role or user does not allow the action: the IAM policy may allow it, but only what both allow is effective.',
				],
				checkNext: [`The permissions boundary${inPolicy} (aws iam get-role or get-user shows PermissionsBoundary): ${explicit ? 'narrow the Deny' : `add ${what(denial)}`}.`],
			};
		case 'session-policy':
			return {
				meaning: [
					`The session was created with a session policy (the Policy or PolicyArns of AssumeRole, or a federation token) that ${explicit ? 'denies' : 'does not allow'} the action.`,
					'Session policies cannot be read from AWS afterwards: only the code or tool that created the session knows them.',
				],
				checkNext: [`The code, tool or identity broker that assumes the role: the session policy it passes${inPolicy}.`],
			};
		case 'vpc-endpoint-policy':
			if (denial.throughPolicyType === 'service-control-policy') {
				return {
					meaning: [
						'The request went through a VPC endpoint, and a service control policy denied it there (AWS calls this "transitively through" an SCP).',
						`${scpWording.charAt(0).toUpperCase()}${scpWording.slice(1)}: the message does not tell whether a Deny statement matched or some level allows the action nowhere.`,
					],
					checkNext: [
						`The SCPs that apply to the caller's account${inPolicy}: a Deny for ${denial.action ?? 'the action'} in one of them, often conditioned on aws:SourceVpce or aws:SourceVpc, or a level where none allows it.`,
					],
				};
			}
			return {
				meaning: [
					`The request went through a VPC endpoint whose policy ${explicit ? 'denies' : 'does not allow'} it.`,
					...(service === 'kms' && kmsAskerOf(denial) === 's3'
						? [
								`The text names an S3 call (${denial.apiOperation ?? 'S3'}), in which S3 calls KMS for the caller, and a KMS VPC endpoint policy does not gate S3's own calls to KMS: AWS does not document which endpoint's policy refused ${denial.action ?? 'the action'} here.`,
							]
						: service === 'kms'
							? ["A KMS VPC endpoint policy does not gate S3's own calls to KMS; this is the caller's direct KMS call."]
							: []),
				],
				checkNext: [
					service === 'kms' && kmsAskerOf(denial) === 's3'
						? `The policy of each VPC endpoint the request went through (S3's, and KMS's if any): aws ec2 describe-vpc-endpoints (PolicyDocument); none may refuse ${what(denial)}.`
						: `The endpoint policy: aws ec2 describe-vpc-endpoints (PolicyDocument); it must allow ${what(denial)}.`,
				],
			};
		case 'role-trust-policy':
			return {
				meaning: [`The role's trust policy ${explicit ? 'denies' : 'does not trust'} this caller for ${denial.action ?? 'sts:AssumeRole'}.`],
				checkNext: [`The role's trust policy (aws iam get-role, AssumeRolePolicyDocument): ${explicit ? 'narrow the Deny' : 'allow the caller'}.`],
			};
		case undefined:
			return {
				meaning: [
					denial.truncated
						? "The text stops before the end of AWS's sentence, which names the policy type: paste the whole message (or find the event in CloudTrail)."
						: explicit
							? 'A Deny statement matched, but this older message form does not say in which policy.'
							: 'This older message form does not say which policy is missing the grant.',
				],
				checkNext: [
					`${callerPolicies(denial)}, then the ${service === 'kms' ? 'key' : service === 's3' ? 'bucket' : 'resource'} policy, then any permissions boundary, SCPs and VPC endpoint policy.`,
				],
			};
	}
};
