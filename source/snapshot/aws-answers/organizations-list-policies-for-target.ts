import {listPageOf, type Mapped, type Page} from './answer.js';
import {asString, field} from './json-access.js';

/** Organizations' error when the policy type (SCPs, RCPs) is not enabled: none apply, an answer. */
export const policyTypeNotEnabledCode = 'PolicyTypeNotEnabledException';

/** A policy attached to a target, as listed: DescribePolicy gives its document. */
export type PolicySummary = {readonly id: string; readonly name?: string; readonly arn?: string};

/** organizations:ListPoliciesForTarget: one page of the SCPs or RCPs attached to an account, OU or root; without its list, a problem. */
export const targetPoliciesPageOf = (answer: unknown): Mapped<Page<PolicySummary>> =>
	listPageOf(answer, {list: 'Policies', missing: 'so it does not say which policies are attached', truncated: undefined, marker: 'NextToken'}, (summary): PolicySummary | undefined => {
		const id = asString(field(summary, 'Id'));
		const name = asString(field(summary, 'Name'));
		const arn = asString(field(summary, 'Arn'));
		return id ? {id, ...(name ? {name} : {}), ...(arn ? {arn} : {})} : undefined;
	});
