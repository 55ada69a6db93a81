import {describe, expect, it} from 'vitest';
import {organizationOf, organizationPolicyOf, parentOf, targetPoliciesPageOf} from '../../../source/snapshot/aws-answers/index.js';
import {jsonText, policy, sdkOutput} from './shapes.js';

const management = '999988887777';

describe('organizations:DescribeOrganization', () => {
	it('gives the organization ID and its management account (MasterAccountId in the answer), from either shape', () => {
		const organization = {Id: 'o-a1b2c3d4e5', Arn: `arn:aws:organizations::${management}:organization/o-a1b2c3d4e5`, FeatureSet: 'ALL', MasterAccountId: management};
		const expected = {ok: true, value: {id: 'o-a1b2c3d4e5', managementAccount: management}};
		expect(organizationOf(sdkOutput({Organization: organization}))).toEqual(expected);
		expect(organizationOf({Organization: organization})).toEqual(expected);
		expect(organizationOf({Organization: {Id: 'o-a1b2c3d4e5'}})).toEqual({ok: true, value: {id: 'o-a1b2c3d4e5'}});
		expect(organizationOf(sdkOutput({}))).toEqual({ok: false, error: {kind: 'shape', message: 'DescribeOrganization returned no organization'}});
		// Either would become a fact (aws:PrincipalOrgID, where the SCPs stop): text that is not one is a problem.
		expect(organizationOf({Organization: {Id: 'o-\u001b[2Ja1b2c3d4e5'}})).toEqual({ok: false, error: {kind: 'shape', message: "the answer's Organization.Id is not an organization ID (o- and 10 to 32 lower-case letters or digits)"}});
		expect(organizationOf({Organization: {Id: 'o-a1b2c3d4e5', MasterAccountId: '1111-2222-3333'}})).toEqual({ok: false, error: {kind: 'shape', message: "the answer's management account (MasterAccountId) is not a 12-digit account ID"}});
	});
});

describe('organizations:ListParents', () => {
	it('gives the parent and whether it is the root', () => {
		expect(parentOf(sdkOutput({Parents: [{Id: 'ou-ab12-11111111', Type: 'ORGANIZATIONAL_UNIT'}]}))).toEqual({ok: true, value: {id: 'ou-ab12-11111111', isRoot: false}});
		expect(parentOf({Parents: [{Id: 'r-ab12', Type: 'ROOT'}]})).toEqual({ok: true, value: {id: 'r-ab12', isRoot: true}});
		expect(parentOf({Parents: []})).toEqual({ok: false, error: {kind: 'shape', message: 'ListParents named no parent'}});
	});
});

describe('organizations:ListPoliciesForTarget and DescribePolicy', () => {
	const summary = {Id: 'p-denyregions1', Arn: `arn:aws:organizations::${management}:policy/o-a1b2c3d4e5/service_control_policy/p-denyregions1`, Name: 'deny-other-regions', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false};

	it('lists the policies attached to a target, following NextToken (the CLI merges the pages)', () => {
		const listed = {id: summary.Id, name: summary.Name, arn: summary.Arn};
		expect(targetPoliciesPageOf(sdkOutput({Policies: [summary, {Name: 'no id'}], NextToken: 'token-2'}))).toEqual({ok: true, value: {items: [listed], next: 'token-2'}});
		expect(targetPoliciesPageOf({Policies: [summary]})).toEqual({ok: true, value: {items: [listed]}});
	});

	it('takes an answer without its Policies list for a problem, not for a level with no policies', () => {
		expect(targetPoliciesPageOf(sdkOutput({}))).toEqual({ok: false, error: {kind: 'shape', message: 'the answer holds no Policies list, so it does not say which policies are attached'}});
	});

	it("gives the policy's document (a JSON string) and its name, falling back to the listing's", () => {
		const document = policy('*');
		const listed = {id: summary.Id, name: 'as listed'};
		const expected = {ok: true, value: {name: summary.Name, arn: summary.Arn, document}};
		expect(organizationPolicyOf(sdkOutput({Policy: {PolicySummary: summary, Content: jsonText(document)}}), listed)).toEqual(expected);
		expect(organizationPolicyOf({Policy: {PolicySummary: summary, Content: jsonText(document)}}, listed)).toEqual(expected);
		expect(organizationPolicyOf({Policy: {Content: jsonText(document)}}, listed)).toEqual({ok: true, value: {name: 'as listed', document}});
		expect(organizationPolicyOf({Policy: {Content: jsonText(document)}}, {id: summary.Id})).toEqual({ok: true, value: {name: summary.Id, document}});
		expect(organizationPolicyOf({Policy: {PolicySummary: summary}}, listed)).toMatchObject({ok: false, error: {kind: 'policy-document'}});
	});
});
