import type {StatementTrace} from '../engine/evaluation.js';
import type {Analysis} from './analyse.js';
import type {Finding, Requirement} from './diagnosis.js';
import {capitalised, contradictedWords, evidenceWords, isGuardrail, isImplicit, namedPolicyDeny, namedPolicyWording, readWord, scpEitherWay, scpWordedAlike, scpWording} from './evidence-words.js';
import {policyIdWord, settlingRead} from './evidence-reads.js';
import {denyingStatement} from './fixes/kinds/narrow-deny.js';
import type {PolicyRef} from './policy-ref.js';
import type {NamedPolicy, OrganizationLevel, Snapshot} from '../snapshot/snapshot.js';

/**
 * A guardrail that denies names its owner: an SCP or RCP only the organization's management account (or a
 * delegated administrator) can change, a permissions boundary an IAM administrator sets, a session policy
 * whoever assumes the role passes. While one denies, no change elsewhere makes the request work: the
 * finding says so, with the realistic ways out; of actions needed only if the request goes in parts, only then.
 */

type Guardrail = {readonly trace: StatementTrace; readonly ref: PolicyRef | undefined; readonly rows: Requirement[]};

const isNamed = (entry: OrganizationLevel[number]): entry is NamedPolicy => typeof (entry as NamedPolicy).name === 'string' && typeof (entry as NamedPolicy).document === 'object';

const levelWords = (level: number, levels: number): string => (level === 0 ? 'the root' : level === levels - 1 ? 'the account' : `an OU (level ${level + 1} of ${levels})`);

/** `SCP "RegionLock" (arn:…), attached to the root`: the policy by its name or ARN, and where it is attached. */
const organizationPolicyWords = (snapshot: Snapshot, ref: Extract<PolicyRef, {place: 'scp' | 'rcp'}>, fallback: string): string => {
	const levels = (ref.place === 'scp' ? snapshot.organization?.serviceControlPolicies : snapshot.organization?.resourceControlPolicies) ?? [];
	const entry = levels[ref.level]?.[ref.index];
	const kind = ref.place === 'scp' ? 'SCP' : 'RCP';
	const name = entry && isNamed(entry) ? `${kind} "${entry.name}"${entry.arn ? ` (${entry.arn})` : ''}` : fallback;
	return `${name}, attached to ${levelWords(ref.level, levels.length)}`;
};

const held = (trace: StatementTrace) => trace.conditions.filter(condition => condition.result === 'yes');

/** The ways out a guardrail already allows, from its own conditions, then the cloud team. */
const waysOut = (trace: StatementTrace): string => {
	const ways: string[] = [];
	for (const condition of held(trace)) {
		const key = condition.clause.key.toLowerCase();
		const values = condition.clause.values.join(', ');
		if (key === 'aws:requestedregion') ways.push(`use a bucket and key in a Region it allows (${values})`);
		else if (key === 'aws:principalarn') ways.push(`send the request as a principal it exempts (aws:PrincipalArn ${values})`);
		else if (key.startsWith('aws:principaltag/')) ways.push(`send it as a principal tagged ${condition.clause.key.slice('aws:PrincipalTag/'.length)} = ${values}`);
		else if (key.startsWith('aws:resourcetag/')) ways.push(`use a bucket or key tagged ${condition.clause.key.slice('aws:ResourceTag/'.length)} = ${values}`);
		else if (key === 'aws:sourcevpce' || key === 'aws:sourcevpc' || key === 'aws:sourceip') ways.push(`send it from where it allows (${condition.clause.key} ${values})`);
	}
	return [...ways, 'ask the cloud team that runs the organization for an exception'].join('; or ');
};

const actionsOf = (rows: readonly Requirement[]): string => [...new Set(rows.map(row => row.action))].join(', ');

/**
 * The Deny and what it means: for sure, or, where every action it denies is needed only if a fact that is not known
 * holds (the request goes in parts), only then: a warning that says so, as the missing grant of such an action is.
 */
const worded = (denial: string, actions: string, onlyIf: string | undefined, sure: string, ifItDoes: string): Pick<Finding, 'severity' | 'message' | 'onlyIf'> =>
	onlyIf === undefined
		? {severity: 'error', message: `${denial}. ${sure}`}
		: {severity: 'warning', message: `${denial}; this request needs ${actions} only if ${onlyIf}, which is not known. If it does, ${ifItDoes}`, onlyIf};

const findingFor = (snapshot: Snapshot, {trace, ref, rows}: Guardrail, onlyIf: string | undefined): Finding | undefined => {
	const actions = actionsOf(rows);
	const place = rows[0]!.place;
	if (place === 'scp' || place === 'rcp') {
		const policy = ref && (ref.place === 'scp' || ref.place === 'rcp') ? organizationPolicyWords(snapshot, ref, trace.policy) : trace.policy;
		const owner = "only the organization's management account or a delegated administrator can change it.";
		return {
			id: place === 'scp' ? 'blocked-by-scp' : 'blocked-by-rcp',
			...worded(
				// The policy's words name its kind ("SCP "X"", as everywhere else): said once.
				`The ${policy}, ${trace.label} denies ${actions}`,
				actions,
				onlyIf,
				`While it stands no change to the key, bucket or IAM policies makes this request work: ${owner}`,
				`no change to the key, bucket or IAM policies makes it work while the policy stands: ${owner}`,
			),
			remedy: `${waysOut(trace).replace(/^./, letter => letter.toUpperCase())}.`,
		};
	}
	if (place === 'permissions-boundary') {
		const boundary = snapshot.principal?.permissionsBoundary;
		const administrator = "an IAM administrator of the caller's account sets the boundary (iam:PutRolePermissionsBoundary or iam:PutUserPermissionsBoundary, or a new version of its managed policy).";
		return {
			id: 'blocked-by-permissions-boundary',
			...worded(
				`The permissions boundary${boundary ? ` "${boundary.name}"` : ''}, ${trace.label} denies ${actions}`,
				actions,
				onlyIf,
				`No key, bucket or other IAM policy outweighs it: ${administrator}`,
				`no key, bucket or other IAM policy outweighs that Deny: ${administrator}`,
			),
			remedy: 'Ask the IAM administrators of the caller\'s account to change the boundary, or send the request as a principal it does not limit.',
		};
	}
	if (place === 'session-policy') {
		return {
			id: 'blocked-by-session-policy',
			...worded(
				`The session policy, ${trace.label} denies ${actions}`,
				actions,
				onlyIf,
				'Whoever assumed the role passed it (the Policy and PolicyArns parameters of AssumeRole); no role, key or bucket policy outweighs it.',
				'no role, key or bucket policy outweighs that Deny: whoever assumed the role passed the session policy (the Policy and PolicyArns parameters of AssumeRole).',
			),
			remedy: 'Assume the role again without that session policy, or with one that allows these actions.',
		};
	}
	return undefined;
};

/** The condition ("it goes in parts") under which alone the rows' actions are needed, where every one of them is so needed. */
const onlyIfOf = (analysis: Analysis, rows: readonly Requirement[]): string | undefined => {
	const conditions = rows.map(row => analysis.actions.find(action => action.spec.id === row.actionId)?.spec.onlyIf);
	const [first] = conditions;
	return first !== undefined && conditions.every(condition => condition === first) ? first : undefined;
};

/**
 * A pasted AccessDenied message that names an SCP or RCP as the explicit Deny proves what denied, even where the
 * organization's policies cannot be read (its rows are then denied by it, evidence.ts: an SCP's by a Deny or by no
 * Allow, as AWS words both alike, with the reads that tell which), and names a Deny read that may apply as the likely
 * one. Said unless a read Deny (a row with its statement) has its own finding. Where what was read holds no Deny that
 * may apply (they allow, none applies, a level allows nowhere, an Allow is undecided), the message outweighs it: the
 * finding says so, and names the reads that find the policy that denies; an SCP's beside a level allowing nowhere or an
 * undecided Allow may be AWS's wording of that (scpWording), and the finding says either. A message that says none of the type allows
 * the action (an implicit deny) proves that a level allows it nowhere: said the same way, with the reads that find that
 * level, unless the rows read already say it (✘, the message agreeing).
 */
const evidenceFindings = (snapshot: Snapshot, analysis: Analysis): Finding[] =>
	// The caller's or the resource's own policy: its rows say what the message says, and their fixes are the remedy.
	(snapshot.evidence ?? []).filter(isGuardrail).flatMap((evidence): Finding[] => {
		const rows = analysis.requirements.filter(row => row.place === evidence.deniedBy && row.action === evidence.action);
		if (rows.length === 0 || rows.some(row => row.status === 'denied' && row.statement !== undefined)) return [];
		const implicit = isImplicit(evidence);
		// Read ✘ (a level allows it nowhere, no message named as deciding): what was read says it already, and agrees; so
		// does an SCP message that names no policy, as AWS words an SCP's implicit deny as explicit (evidence.ts).
		const agrees = implicit || scpWordedAlike(evidence);
		if (agrees && rows.every(row => row.status === 'missing' && row.decidedBy === undefined)) return [];
		const id = implicit ? undefined : policyIdWord(evidence);
		const words = evidenceWords(evidence);
		const type = evidence.deniedBy.toUpperCase();
		const stands = "While it stands no change to the key, bucket or IAM policies makes this request work: only the organization's management account or a delegated administrator can change it.";
		const againstRead = analysis.actions.find(action => action.evidenceAgainstRead === evidence);
		// A row of a key not known names the read that finds the key first: the finding names the one that finds the policy.
		const keyReads = new Set(analysis.actions.flatMap(action => (action.spec.unknownKey ? [action.spec.unknownKey.resolveWith] : [])));
		const settles = rows.find(row => row.resolveWith !== undefined && !keyReads.has(row.resolveWith))?.resolveWith;
		// An implicit deny: no policy denied, so none is named; the reads find the level where none allows the action.
		const findLevel = `Find the level where no ${type} allows ${evidence.action}: ${settles ?? settlingRead(snapshot, evidence, undefined)}. Then ask the cloud team that runs the organization to allow it there, or for an exception.`;
		if (againstRead) {
			const read = readWord(snapshot);
			const notRead = implicit ? `a level not ${read} where none allows it, an Allow changed since, or another account's` : `one at the root or an OU not ${read}, one changed since, or another account's`;
			const holds = againstRead.evidenceReadHolds ?? 'allow';
			// An SCP's message beside an undecided Allow or a level allowing nowhere: what was read may explain it (evidence.ts).
			const either = (holds === 'undecided' || holds === 'implicit-deny') && scpEitherWay(evidence);
			const named = evidence.policyArn ? `, ${namedPolicyWording}, so either ${holds === 'implicit-deny' ? 'it reports this implicit deny' : `an Allow ${read} did not apply`}, or ${namedPolicyDeny(snapshot, evidence)}` : undefined;
			return [
				{
					id: evidence.deniedBy === 'scp' ? 'denied-by-scp-per-error' : 'denied-by-rcp-per-error',
					severity: 'error',
					message: either
						? `${capitalised(words)}, and ${contradictedWords(snapshot, evidence, holds)}: AWS words an SCP's implicit deny as explicit too${named ?? `, so either an Allow ${read} did not apply, or an SCP not ${read} denies it (${notRead})`}. ${stands}`
						: `${capitalised(words)}, yet ${contradictedWords(snapshot, evidence, holds)}: AWS's message says what AWS decided, so the ${type}s that apply are not the ones ${read} (${notRead}). ${stands}`,
					remedy: implicit
						? findLevel
						: either
							? `Find which, and where: ${settles ?? settlingRead(snapshot, evidence, undefined)}. Then ask the cloud team that runs the organization to narrow that Deny, or to allow ${evidence.action} at that level, or for an exception.`
							: `Find the ${type} that denies, at every level: ${settles ?? settlingRead(snapshot, evidence, undefined)}. Then ask the cloud team that runs the organization for an exception.`,
				},
			];
		}
		const likely = analysis.actions.find(action => action.evidence === evidence && action.evidenceLikely)?.evidenceLikely;
		if (implicit) {
			const which = likely ? `, likely because ${likely.join(' or ')} did not apply, which may allow it as ${readWord(snapshot)}` : '';
			return [
				{
					id: evidence.deniedBy === 'scp' ? 'denied-by-scp-per-error' : 'denied-by-rcp-per-error',
					severity: 'error',
					message: `${capitalised(words)}: at some level no ${type} allows it, and that is what denied${which}. ${stands}`,
					remedy: findLevel,
				},
			];
		}
		// An SCP's message, the SCPs not read: ✘ by it (evidence.ts), a Deny or no Allow, which the policies' text tells.
		if (scpEitherWay(evidence) && rows.some(row => row.status === 'missing' && row.decidedBy !== undefined)) {
			return [
				{
					id: 'denied-by-scp-per-error',
					severity: 'error',
					message: `${capitalised(words)}: an SCP is what denied, by a Deny statement or by a level where none allows ${evidence.action}; ${scpWording}. ${stands}`,
					remedy: `Find which, and where: ${settles ?? settlingRead(snapshot, evidence, undefined)}. Then ask the cloud team that runs the organization to narrow that Deny, or to allow ${evidence.action} at that level, or for an exception.`,
				},
			];
		}
		const which = likely ? `, likely ${likely.join(' or ')}, which may deny it as ${readWord(snapshot)}` : '';
		return [
			{
				id: evidence.deniedBy === 'scp' ? 'denied-by-scp-per-error' : 'denied-by-rcp-per-error',
				severity: 'error',
				message: `${capitalised(words)}: an ${type} is what denied${which}. ${stands}`,
				remedy: likely
					? `Ask the cloud team that runs the organization for an exception${id ? ` (aws organizations describe-policy --policy-id ${id}, from the management account, shows the policy the message names)` : ''}.`
					: `Read it from the management account${id ? ` (aws organizations describe-policy --policy-id ${id})` : ''} and ask the cloud team that runs the organization for an exception.`,
			},
		];
	});

export const guardrailFindings = (snapshot: Snapshot, analysis: Analysis): Finding[] => [...readGuardrailFindings(snapshot, analysis), ...evidenceFindings(snapshot, analysis)];

const readGuardrailFindings = (snapshot: Snapshot, analysis: Analysis): Finding[] => {
	const guardrails: Guardrail[] = [];
	for (const row of analysis.requirements.filter(requirement => requirement.status === 'denied' && ['scp', 'rcp', 'permissions-boundary', 'session-policy'].includes(requirement.place))) {
		const trace = denyingStatement(analysis, row);
		if (!trace) continue;
		const same = guardrails.find(entry => entry.trace.policy === trace.policy && entry.trace.statementIndex === trace.statementIndex && entry.rows[0]!.place === row.place);
		if (same) same.rows.push(row);
		else guardrails.push({trace, ref: analysis.book.refOf(trace), rows: [row]});
	}
	return guardrails.flatMap(guardrail => {
		const finding = findingFor(snapshot, guardrail, onlyIfOf(analysis, guardrail.rows));
		return finding ? [finding] : [];
	});
};
