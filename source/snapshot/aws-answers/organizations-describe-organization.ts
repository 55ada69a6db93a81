import {isAccountId, parseOrganizationId} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asObject, asString} from './json-access.js';

/** Organizations' error for an account in no organization: an answer (no organization), not a failure. */
export const notInOrganizationCode = 'AWSOrganizationsNotInUseException';

/** organizations:DescribeOrganization: the organization's ID and its management account, each when said. */
export type Organization = {readonly id?: string; readonly managementAccount?: string};

export const organizationOf = (answer: unknown): Mapped<Organization> => {
	const organization = asObject(asObject(answer)?.['Organization']);
	if (!organization) return shapeProblem('DescribeOrganization returned no organization');
	const id = asString(organization['Id']);
	// MasterAccountId is the name AWS's answer still uses for the management account.
	const managementAccount = asString(organization['MasterAccountId']) ?? asString(organization['ManagementAccountId']);
	// Each becomes a fact (aws:PrincipalOrgID, where the SCPs stop): text that is not one is not taken.
	if (id !== undefined && !parseOrganizationId(id).ok) return shapeProblem("the answer's Organization.Id is not an organization ID (o- and 10 to 32 lower-case letters or digits)");
	if (managementAccount !== undefined && !isAccountId(managementAccount)) return shapeProblem("the answer's management account (MasterAccountId) is not a 12-digit account ID");
	return ok({...(id ? {id} : {}), ...(managementAccount ? {managementAccount} : {})});
};
