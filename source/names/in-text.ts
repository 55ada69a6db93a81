import {accountIdSource} from './account-id.js';
import {multiRegionKeyIdSource, singleRegionKeyIdSource} from './kms-key.js';
import {partitionSource} from './partition.js';
import {organizationIdSource, organizationPolicyIdSource, organizationRootIdSource, organizationalUnitIdSource} from './organizations.js';

/*
 * Patterns that find names inside free text (policies, notes, error messages), where no anchors apply. Each is a
 * regular-expression source with one capturing group around the name, for callers that combine them.
 */

/** Any ARN with an account, `aws` (AWS-owned policies) or `*` in its account field, up to a space or quote. */
export const arnInText = `(arn:${partitionSource}:[a-z0-9-]*:[a-z0-9-]*:(?:${accountIdSource}|aws|\\*)?:[^\\s"',;()<>]+)`;
/** IAM unique IDs by their documented prefixes (AIDA user, AROA role, ASIA temporary keys…). */
export const uniqueIdInText = '\\b((?:AIDA|AROA|AGPA|ANPA|ANVA|ASIA|AKIA|AIPA|APKA)[A-Z0-9]{8,})';
export const singleRegionKeyIdInText = `\\b(${singleRegionKeyIdSource})\\b`;
export const multiRegionKeyIdInText = `\\b(${multiRegionKeyIdSource})\\b`;
/** An alias name other than AWS's own (`alias/aws/…`). */
export const customerAliasInText = '\\b(alias\\/(?!aws\\/)[A-Za-z0-9/_-]+)';
export const accountIdInText = `\\b(${accountIdSource})\\b`;
/** Twelve digits wherever they stand, also inside a word (`AllowAcct123456789012Put`): for redaction. */
export const accountIdAnywhereInText = '(?<![0-9])([0-9]{12})(?![0-9])';

// Identity and Organizations policy ARNs; a message may end the ARN with "." before "Go to …".
const policyArn = new RegExp(`(arn:${partitionSource}:(?:iam|organizations)::(?:${accountIdSource}|aws):policy\\/[^\\s,]+?)(?=[.,;]?(?:\\s|$))`, 'i');

/** The first IAM or Organizations policy ARN in a sentence, without the sentence's full stop. */
export const findPolicyArn = (text: string): string | undefined => policyArn.exec(text)?.[1];

export const organizationIdInText = `\\b(${organizationIdSource})\\b`;
export const organizationalUnitIdInText = `\\b(${organizationalUnitIdSource})\\b`;
export const organizationRootIdInText = `\\b(${organizationRootIdSource})\\b`;
export const organizationPolicyIdInText = `\\b(${organizationPolicyIdSource})\\b`;

/** VPC endpoint and VPC IDs (`vpce-…`, `vpc-…`) and S3 canonical user IDs (64 hex digits), for `--redact all`. */
export const vpcEndpointIdInText = '\\b(vpce-[0-9a-f]{8,17})\\b';
export const vpcIdInText = '\\b(vpc-[0-9a-f]{8,17})\\b';
export const canonicalUserIdInText = '\\b([0-9a-f]{64})\\b';
