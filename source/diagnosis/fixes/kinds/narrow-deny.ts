import type {StatementTrace} from '../../../engine/evaluation.js';
import type {JsonObject} from '../../../shared/json.js';
import type {Analysis} from '../../analyse.js';
import type {Requirement} from '../../diagnosis.js';
import {placeOfLayer} from '../../requirements.js';
import {draftOf, type Draft, type FixKind} from '../draft.js';
import {parseCaller} from '../../../engine/principal.js';
import {exemptCaller, exemptRoleUnderAnyPath} from '../policy-document.js';
import {byStatement, rewriteStatement, type StatementFind} from '../statement-rewrite.js';
import {weakensOf} from '../weakens.js';

/**
 * The last resort for an explicit Deny: never outweighed by an Allow, so the fix rewrites the denying
 * statement, in the policy it is in, so that it no longer applies to the caller — and says what that
 * gives up. One fix per statement, whatever number of rows it denies.
 */

/** The statement that denies a row: the first deciding one of the layer the row was made from. */
export const denyingStatement = (analysis: Analysis, requirement: Requirement): StatementTrace | undefined => {
	const action = analysis.actions.find(candidate => candidate.spec.id === requirement.actionId);
	const layer = action?.evaluation.layers.find(candidate => candidate.status === 'denied' && placeOfLayer(candidate.layer, action.spec.service) === requirement.place);
	return layer?.decidedBy[0];
};

/**
 * How the exemption names the caller: by its ARN, or (a session whose role's ARN was not read) by the role's name under
 * any path, since aws:PrincipalArn is the role's ARN with its path. The engine cannot evaluate that one (the value is not
 * known), so such a fix is never proven, and its summary names the read that would settle it.
 */
const exemptionOf = (context: Parameters<FixKind>[0]): {exempt: (statement: JsonObject) => JsonObject; who: string; unproven: string} | undefined => {
	const {caller, snapshot} = context;
	if (!caller) return undefined;
	if (caller.arn) {
		const arn = caller.arn;
		return {exempt: statement => exemptCaller(statement, arn), who: arn, unproven: ''};
	}
	const session = snapshot.principal ? parseCaller(snapshot.principal.arn) : undefined;
	if (!session?.account) return undefined;
	const account = session.account;
	return {
		exempt: statement => exemptRoleUnderAnyPath(statement, session.partition, account, caller.name),
		who: `role ${caller.name}, whatever its path`,
		unproven: ` Its ARN, path included, is not known (a session's ARN leaves the path out), so this cannot be proven: iam:GetRole on role ${caller.name} (or principal.roleArn) gives it.`,
	};
};

export const narrowDeny: FixKind = (context, places) => {
	const {analysis} = context;
	const exemption = exemptionOf(context);
	if (!exemption) return [];
	const finds = analysis.requirements
		.filter(requirement => requirement.status === 'denied')
		.flatMap((requirement): StatementFind<undefined>[] => {
			const trace = denyingStatement(analysis, requirement);
			const ref = trace ? analysis.book.refOf(trace) : undefined;
			return trace && ref ? [{trace, ref, requirement, found: undefined}] : [];
		});
	return byStatement(finds).flatMap((found): Draft[] => {
		const {trace, requirements} = found;
		const statement = exemption.exempt(trace.source);
		const rewrite = rewriteStatement(context, places, found, statement);
		if (!rewrite) return [];
		const actions = [...new Set(requirements.map(requirement => requirement.action))];
		return [
			draftOf(rewrite.into, {
				kind: 'narrow-deny',
				statement,
				policy: rewrite.policy,
				resolves: requirements,
				summary: `${trace.policy}, ${trace.label} denies ${actions.join(' and ')}. Narrow it so it no longer applies to ${exemption.who}.${rewrite.note}${exemption.unproven}`,
				weakens: weakensOf(trace, context.caller!, actions),
			}),
		];
	});
};
