import type {Finding, Fix} from './diagnosis.js';

/**
 * A remedy that calls for a grant ("Grant kms:Decrypt on the key") is worded once the fixes are known: it points
 * to them only where one makes that grant. A guardrail's Deny, or a policy no fix can write, leaves none to see.
 */
export const withRemedyWorded = (finding: Finding, findings: readonly Finding[], fixes: readonly Fix[]): Finding => {
	const {remedyFixes: actionId, ...worded} = finding;
	if (actionId === undefined || worded.remedy === undefined) return worded;
	if (fixes.some(fix => fix.resolves.some(id => id.startsWith(`${actionId}#`)))) return {...worded, remedy: `${worded.remedy} (see the fixes below).`};
	const action = actionId.split('@')[0]!;
	// The findings that say what stands in the way (a guardrail's Deny, no-policy-fix) are named only where there are some.
	const explained = findings.some(other => other !== finding && other.message.includes(action));
	return {...worded, remedy: `${worded.remedy}: no fix is offered for it${explained ? `; the findings on ${action} say what stands in the way` : ''}.`};
};
