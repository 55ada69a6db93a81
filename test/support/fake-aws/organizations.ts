import {fail, param, type Handler} from './call.js';
import type {FakeOrganization} from './scenario.js';
import {jsonAnswer} from './wire.js';

const typeOf = (organization: FakeOrganization, id: string): 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' =>
	id === organization.rootId ? 'ROOT' : id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';

const members = (organization: FakeOrganization): Set<string> =>
	new Set([organization.managementAccount, ...Object.keys(organization.parents).filter(id => /^\d{12}$/.test(id))]);

const policyArn = (organization: FakeOrganization, id: string, type: string): string =>
	`arn:aws:organizations::${organization.managementAccount}:policy/${organization.id}/${type.toLowerCase()}/${id}`;

/** Organizations over JSON 1.1: any member may describe the organization; only the management account may read its tree and policies. */
export const handleOrganizations: Handler = (call, world) => {
	const organization = world.scenario.organization;
	if (!organization || !members(organization).has(call.caller.account)) {
		return fail(call, {status: 400, code: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.'});
	}
	if (call.operation === 'DescribeOrganization') {
		return jsonAnswer({
			Organization: {
				Id: organization.id,
				Arn: `arn:aws:organizations::${organization.managementAccount}:organization/${organization.id}`,
				FeatureSet: 'ALL',
				MasterAccountArn: `arn:aws:organizations::${organization.managementAccount}:account/${organization.id}/${organization.managementAccount}`,
				MasterAccountId: organization.managementAccount,
				MasterAccountEmail: 'management@example.com',
			},
		});
	}
	if (call.caller.account !== organization.managementAccount) {
		return fail(call, {status: 400, code: 'AccessDeniedException', message: "You don't have permissions to access this resource."});
	}
	switch (call.operation) {
		case 'ListParents': {
			const child = param(call, 'ChildId') ?? '';
			const parent = child === organization.managementAccount ? organization.rootId : organization.parents[child];
			if (!parent) return fail(call, {status: 400, code: 'ChildNotFoundException', message: `We can't find an organizational unit (OU) or AWS account with the ChildId that you specified: ${child}`});
			return jsonAnswer({Parents: [{Id: parent, Type: typeOf(organization, parent)}]});
		}
		case 'ListPoliciesForTarget': {
			const target = param(call, 'TargetId') ?? '';
			const filter = param(call, 'Filter') ?? '';
			const policies = organization.policies
				.filter(policy => policy.type === filter && policy.targets.includes(target))
				.map(policy => ({Id: policy.id, Arn: policyArn(organization, policy.id, policy.type), Name: policy.name, Description: '', Type: policy.type, AwsManaged: policy.id === 'p-FullAWSAccess'}));
			return jsonAnswer({Policies: policies});
		}
		case 'DescribePolicy': {
			const id = param(call, 'PolicyId') ?? '';
			const policy = organization.policies.find(candidate => candidate.id === id);
			if (!policy) return fail(call, {status: 400, code: 'PolicyNotFoundException', message: `We can't find a policy with the PolicyId that you specified: ${id}`});
			return jsonAnswer({
				Policy: {
					PolicySummary: {Id: policy.id, Arn: policyArn(organization, policy.id, policy.type), Name: policy.name, Description: '', Type: policy.type, AwsManaged: policy.id === 'p-FullAWSAccess'},
					Content: JSON.stringify(policy.document),
				},
			});
		}
		default:
			return fail(call, {status: 400, code: 'UnknownOperationException', message: `Unknown operation ${call.operation}`});
	}
};
