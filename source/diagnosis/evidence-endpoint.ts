import type {Evaluation} from '../engine/evaluation.js';
import type {Analysis} from './analyse.js';
import type {Finding} from './diagnosis.js';
import {legOfEvidence} from './evidence-legs.js';
import {capitalised, evidenceWords, isImplicit} from './evidence-words.js';
import type {ActionSpec} from './required-actions.js';
import type {DenialEvidence} from '../snapshot/provenance.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {parseKmsArn} from '../names/index.js';

/**
 * A pasted message naming a VPC endpoint policy ("because no VPC endpoint policy allows the s3:GetObject action", "with an
 * explicit deny in a VPC endpoint policy", IAM User Guide, "Troubleshooting access denied error messages"): the request
 * went through a VPC endpoint whose policy refused it ("make sure that the VPC endpoint policy is not blocking you", S3
 * User Guide). No snapshot holds an endpoint policy, so no row shows it and no fix changes it: this error finding says it
 * (the verdict is denied, as AWS said), with the read that shows the policy. Only for an action the request needs.
 * That action is denied by it too, never ✔ beside the message, though every row it has may be ✔.
 */

const isEndpointEvidence = (evidence: DenialEvidence): boolean => evidence.deniedBy === 'vpc-endpoint';

/** The endpoints of the action's service in its Region: S3's in the bucket's, KMS's in the key's. */
const endpointsRead = (evidence: DenialEvidence, resource: string, analysis: Analysis): string => {
	const kms = evidence.action.toLowerCase().startsWith('kms:');
	const key = kms ? parseKmsArn(resource) : undefined;
	const region = key?.ok ? key.value.region : kms ? undefined : analysis.facts.question.bucketRegion;
	// Service names are com.amazonaws.REGION.SERVICE in the aws partition; elsewhere every endpoint is listed.
	const filter = analysis.facts.partition === 'aws' ? ` --filters Name=service-name,Values=com.amazonaws.${region ?? 'REGION'}.${kms ? 'kms' : 's3'}` : '';
	return `aws ec2 describe-vpc-endpoints${filter} --query "VpcEndpoints[].[VpcEndpointId,VpcId,PolicyDocument]"`;
};

/** The action's evaluation with the message applied; `byMessage` where the message decides it (evidence-legs.ts: which leg). */
export const applyEndpointEvidence = (snapshot: Snapshot, spec: ActionSpec, specs: readonly ActionSpec[], evaluation: Evaluation): {evaluation: Evaluation; byMessage: boolean} => {
	const evidence = (snapshot.evidence ?? []).find(each => isEndpointEvidence(each) && each.action === spec.action);
	if (!evidence || evaluation.decision === 'denied') return {evaluation, byMessage: evidence !== undefined};
	const which = legOfEvidence(evidence, spec, specs);
	if (which.leg === 'another') return {evaluation, byMessage: false};
	const words = capitalised(evidenceWords(evidence));
	const decided = which.leg === 'this';
	const summary = which.leg === 'unknown' ? `${words} ${which.onWhich}.` : `${words}: the VPC endpoint's policy, which no row shows, refused it.`;
	// The engine's answers read their sentences through getters: copied field by field, never spread.
	const {crossAccount, service, layers, unknownContextKeys, readings} = evaluation;
	const changed: Evaluation = {decision: decided ? 'denied' : 'unknown', summary, crossAccount, service, layers, unknownContextKeys, ...(readings ? {readings} : {})};
	return {evaluation: changed, byMessage: decided};
};

export const endpointEvidenceFindings = (snapshot: Snapshot, analysis: Analysis): Finding[] =>
	(snapshot.evidence ?? []).filter(isEndpointEvidence).flatMap((evidence): Finding[] => {
		const spec = analysis.actions.find(action => action.spec.action === evidence.action)?.spec;
		if (!spec) return [];
		const resource = evidence.resource ?? spec.unknownKey?.label ?? spec.resource;
		const change = isImplicit(evidence) ? `allow ${evidence.action} on ${resource}` : `narrow the Deny that matches ${evidence.action} on ${resource}`;
		return [
			{
				id: 'denied-by-vpc-endpoint-per-error',
				severity: 'error',
				message:
					`${capitalised(evidenceWords(evidence))}: the request went through a VPC endpoint whose policy ${isImplicit(evidence) ? 'does not allow' : 'denies'} it. ` +
					'Endpoint policies are not read here (no snapshot holds one), so no row shows it, and no fix here changes it.',
				remedy:
					`Read the endpoint's policy, with a profile of the account whose VPC the request came from: ${endpointsRead(evidence, resource, analysis)} ` +
					`(a CloudTrail event of the request names the endpoint as vpcEndpointId). Then ${change} in that policy: ` +
					'aws ec2 modify-vpc-endpoint --vpc-endpoint-id VPCE_ID --policy-document file://policy.json.',
			},
		];
	});
