import type {ParsedDenial, PolicyType} from '../../inputs/error-message/parsed-denial.js';
import type {DenialEvidence} from '../../snapshot/provenance.js';
import {isResourceArn} from '../../names/index.js';

/**
 * The types whose layer the diagnosis shows: the organization's guardrails, the caller's policies and their caps, the
 * resource's; and the VPC endpoint's, which has no layer: its finding says it (diagnosis/evidence-endpoint.ts).
 */
const deniedByOf: Partial<Record<PolicyType, DenialEvidence['deniedBy']>> = {
	'service-control-policy': 'scp',
	'resource-control-policy': 'rcp',
	'identity-based': 'identity',
	'resource-based': 'resource',
	'permissions-boundary': 'boundary',
	'session-policy': 'session',
	'vpc-endpoint-policy': 'vpc-endpoint',
};

/**
 * What the pasted error proves about the one policy type AWS names (an SCP, an RCP, the caller's identity-based policies,
 * permissions boundary or session policy, the resource's policy): only that one is proven. An explicit
 * deny's message ("with an explicit deny in a service control policy", AWS's words for an SCP's implicit deny too)
 * keeps the policy ARN AWS added; an implicit one ("because no service control policy allows the ACTION action") says
 * that at some level none allows it, and names no policy. Either keeps the resource the message names ("on resource:
 * ARN"), which tells which leg it is about where two need the action.
 */
export const evidenceOf = (denial: ParsedDenial | undefined): DenialEvidence[] => {
	if ((denial?.denial !== 'explicit' && denial?.denial !== 'implicit') || !denial.action) return [];
	// "… in a VPC endpoint policy transitively through a service control policy": AWS says to look in the SCPs (IAM User Guide).
	const type = denial.throughPolicyType ?? denial.policyType;
	const deniedBy = type ? deniedByOf[type] : undefined;
	if (!deniedBy) return [];
	const resource = resourceOf(denial);
	const named = resource ? {resource} : {};
	if (denial.denial === 'implicit') return [{deniedBy, action: denial.action, deny: 'implicit', ...named}];
	return [{deniedBy, action: denial.action, ...(denial.policyArn ? {policyArn: denial.policyArn} : {}), ...named}];
};

/**
 * The resource AWS's own message names, kept only as an ARN with no control character (a pasted text is hostile), and
 * only where the message itself names it: the object `aws s3 cp` was transferring, or a CloudTrail event's resource, is
 * not always the one AWS refused (a copy's destination, beside a denied read of its source).
 */
const resourceOf = (denial: ParsedDenial): string | undefined =>
	denial.resource && isResourceArn(denial.resource) && denial.message?.includes(denial.resource) ? denial.resource : undefined;
