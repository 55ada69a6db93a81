import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {DenialEvidence} from '../../snapshot/snapshot.js';

/**
 * What the pasted error proves about an SCP or RCP: AWS names one policy type, so only that one is proven. An explicit
 * deny's message ("with an explicit deny in a service control policy", AWS's words for an SCP's implicit deny too)
 * keeps the policy ARN AWS added; an implicit one ("because no service control policy allows the ACTION action") says
 * that at some level none allows it, and names no policy.
 */
export const evidenceOf = (denial: ParsedDenial | undefined): DenialEvidence[] => {
	if ((denial?.denial !== 'explicit' && denial?.denial !== 'implicit') || !denial.action) return [];
	const deniedBy = denial.policyType === 'service-control-policy' ? 'scp' : denial.policyType === 'resource-control-policy' ? 'rcp' : undefined;
	if (!deniedBy) return [];
	if (denial.denial === 'implicit') return [{deniedBy, action: denial.action, deny: 'implicit'}];
	return [{deniedBy, action: denial.action, ...(denial.policyArn ? {policyArn: denial.policyArn} : {})}];
};
