import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {parseAccessDenied} from '../../source/inputs/error-message/index.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {renderText} from '../../source/report/render-text.js';
import type {DenialEvidence} from '../../source/snapshot/provenance.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {evidenceOf} from '../../source/ui/conversation/denial-evidence.js';
import {buildSnapshot, objectArn, region, userArn} from './support/build-snapshot.js';

/**
 * A pasted AccessDenied message that names a VPC endpoint policy. AWS documents both wordings (IAM User Guide,
 * "Troubleshooting access denied error messages", "Access denied due to a VPC endpoint policy"): "Implicit denial: For the
 * following error, check for a missing Allow statement for codecommit:ListRepositories in your Virtual Private Cloud (VPC)
 * endpoint policies" ("… because no VPC endpoint policy allows the codecommit:ListRepositories action") and "Explicit
 * denial: For the following error, check for an explicit Deny statement for codecommit:ListDeployments in your VPC endpoint
 * policies" ("… with an explicit deny in a VPC endpoint policy"); and S3's guide ("Troubleshoot Access Denied (403
 * Forbidden) errors in Amazon S3", "VPC endpoint policy"): "If you're accessing Amazon S3 by using a virtual private cloud
 * (VPC) endpoint, make sure that the VPC endpoint policy is not blocking you from accessing your Amazon S3 resources." No
 * snapshot holds an endpoint policy, so no row shows it: the verdict must still never read allowed beside the message.
 */

const upload = (why: string): string =>
	`An error occurred (AccessDenied) when calling the PutObject operation: User: ${userArn} is not authorized to perform: s3:PutObject on resource: "${objectArn}" ${why}`;

const evidenceOfMessage = (text: string): DenialEvidence[] => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return evidenceOf(parsed.value);
};

const noEndpointAllows: DenialEvidence = {deniedBy: 'vpc-endpoint', action: 's3:PutObject', deny: 'implicit', resource: objectArn};
const endpointDenies: DenialEvidence = {deniedBy: 'vpc-endpoint', action: 's3:PutObject', resource: objectArn};
/** Everything read allows the upload: only the message says otherwise. */
const allowedWith = (evidence: readonly DenialEvidence[]): Snapshot => ({...buildSnapshot(), evidence});

describe("AWS's message naming a VPC endpoint policy, pasted", () => {
	it('becomes evidence of the endpoint policy, implicit and explicit, in the wordings AWS documents', () => {
		expect(evidenceOfMessage(upload('because no VPC endpoint policy allows the s3:PutObject action'))).toEqual([noEndpointAllows]);
		expect(evidenceOfMessage(upload('with an explicit deny in a VPC endpoint policy'))).toEqual([endpointDenies]);
	});

	it('"transitively through a service control policy" is evidence of an SCP, not of the endpoint', () => {
		// IAM User Guide, "Access denied when a VPC request fails due to another policy": "For the following error, check for an
		// explicit Deny statement for SNS:Publish in your SCPs" ("… with an explicit deny in a VPC endpoint policy transitively
		// through a service control policy").
		const transitive = upload('with an explicit deny in a VPC endpoint policy transitively through a service control policy');
		expect(evidenceOfMessage(transitive)).toEqual([{deniedBy: 'scp', action: 's3:PutObject', resource: objectArn}]);
	});

	it('is accepted in a snapshot given to check', () => {
		const parsed = parseSnapshot(JSON.stringify(allowedWith([noEndpointAllows])), 'snapshot.json');
		expect(parsed.ok).toBe(true);
	});

	it('"because no VPC endpoint policy allows": never allowed beside it; the report names the endpoint policy and the read that shows it', () => {
		expect(diagnose(buildSnapshot()).verdict).toBe('allowed');
		const diagnosis = diagnose(allowedWith([noEndpointAllows]));
		expect(diagnosis.verdict).toBe('denied');
		// The action the message names is not ✔ beside it, though no row can show the endpoint policy.
		expect(diagnosis.actions.find(each => each.action === 's3:PutObject')?.decision).toBe('denied');
		const finding = diagnosis.findings.find(each => each.id === 'denied-by-vpc-endpoint-per-error');
		expect(finding).toMatchObject({severity: 'error'});
		expect(finding?.message).toContain('The pasted AccessDenied message says no VPC endpoint policy allows s3:PutObject');
		expect(finding?.message).toMatch(/not read/);
		expect(finding?.remedy).toContain(`aws ec2 describe-vpc-endpoints --filters Name=service-name,Values=com.amazonaws.${region}.s3`);
		expect(finding?.remedy).toContain(`allow s3:PutObject on ${objectArn}`);
		const text = renderText(diagnosis, {color: false, width: 300});
		expect(text).toContain('VPC endpoint policy');
		expect(text).not.toMatch(/ALLOWED/);
	});

	it('the headline says the refusal once, through the finding: no bare "s3:PutObject is not allowed" before it', () => {
		const {summary} = diagnose(allowedWith([noEndpointAllows]));
		expect(summary).toMatch(/ fails: the pasted AccessDenied message says no VPC endpoint policy allows s3:PutObject\.$/);
		expect(summary).not.toContain('s3:PutObject is not allowed');
	});

	it('"with an explicit deny in a VPC endpoint policy": denied, the remedy narrows the Deny', () => {
		const diagnosis = diagnose(allowedWith([endpointDenies]));
		expect(diagnosis.verdict).toBe('denied');
		const finding = diagnosis.findings.find(each => each.id === 'denied-by-vpc-endpoint-per-error');
		expect(finding?.message).toContain('The pasted AccessDenied message says a VPC endpoint policy explicitly denied s3:PutObject');
		expect(finding?.remedy).toMatch(/the Deny/);
	});

	it('names no endpoint for an action the request does not need', () => {
		const diagnosis = diagnose(allowedWith([{deniedBy: 'vpc-endpoint', action: 's3:DeleteObject', deny: 'implicit'}]));
		expect(diagnosis.findings.map(each => each.id)).not.toContain('denied-by-vpc-endpoint-per-error');
	});
});

describe('a VPC endpoint policy message beside a row a fix can change', () => {
	it('the fix is proven for its own row only: the endpoint still blocks the request', () => {
		const snapshot = allowedWith([noEndpointAllows]);
		// The caller's identity policy lacks kms:GenerateDataKey: a fix adds it; the endpoint's message still stands.
		const identity = {name: 'ObjectsOnly', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:PutObject', 'kms:Decrypt'], Resource: '*'}]}};
		const diagnosis = diagnose({...snapshot, principal: {...snapshot.principal!, identityPolicies: [identity]}});
		expect(diagnosis.verdict).toBe('denied');
		const fix = diagnosis.fixes.find(each => each.place === 'identity-policy');
		expect(fix?.blockedBy?.by).toContain('no VPC endpoint policy allows s3:PutObject');
	});
});
