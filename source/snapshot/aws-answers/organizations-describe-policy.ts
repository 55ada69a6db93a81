import {ok} from '../../shared/result.js';
import type {NamedPolicy} from '../snapshot.js';
import type {Mapped} from './answer.js';
import {asString, field} from './json-access.js';
import type {PolicySummary} from './organizations-list-policies-for-target.js';
import {policyDocumentOf} from './policy-document.js';

/** organizations:DescribePolicy: an SCP's or RCP's document (a JSON string), named as the answer or else the listing names it. */
export const organizationPolicyOf = (answer: unknown, listed: PolicySummary): Mapped<NamedPolicy> => {
	const document = policyDocumentOf(field(answer, 'Policy', 'Content'));
	if (!document.ok) return document;
	const name = asString(field(answer, 'Policy', 'PolicySummary', 'Name')) ?? listed.name ?? listed.id;
	const arn = asString(field(answer, 'Policy', 'PolicySummary', 'Arn')) ?? listed.arn;
	return ok({name, ...(arn ? {arn} : {}), document: document.value});
};
