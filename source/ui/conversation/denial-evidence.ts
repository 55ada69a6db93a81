import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {DenialEvidence} from '../../snapshot/snapshot.js';

/** An explicit Deny the pasted error attributes to an SCP or RCP: AWS names one policy type, so only that one is proven. */
export const evidenceOf = (denial: ParsedDenial | undefined): DenialEvidence[] => {
	if (denial?.denial !== 'explicit' || !denial.action) return [];
	const deniedBy = denial.policyType === 'service-control-policy' ? 'scp' : denial.policyType === 'resource-control-policy' ? 'rcp' : undefined;
	return deniedBy ? [{deniedBy, action: denial.action, ...(denial.policyArn ? {policyArn: denial.policyArn} : {})}] : [];
};
