import type {Decision, Finding, Place, RequiredAction, Requirement} from './diagnosis.js';
import {firstClause} from './first-clause.js';
import {listWords} from './list-words.js';
import {keyPlaces, placeSaidOf, placeWords, thePlace, type PlaceSaid} from './place-words.js';
import {unknownContextWhat, unknownPlaceWhat} from './unknown-words.js';
import {operationModule} from '../operations/registry.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * The headline: the most likely cause first, even when something is unknown ("kms:Decrypt is not allowed by the
 * key policy — unless a KMS grant allows it (grants not given)"), and the unread guardrails named rather than
 * "cannot be fully decided".
 */

const guardrails: ReadonlySet<Place> = new Set(['scp', 'rcp']);
/** The places whose read Deny has a `blocked-by-PLACE` finding. */
const guardrailPlaces: ReadonlySet<Place> = new Set(['scp', 'rcp', 'permissions-boundary', 'session-policy']);

const distinct = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** "not given" for pasted policies, "not read" for what collection could not read. */
const missingWord = (snapshot: Snapshot): string => (snapshot.metadata?.collectedBy === 'manual' ? 'not given' : 'not read');

/** What could still allow: on a request with two keys, a key's grants and policy are named by the leg's key (`key`). */
const unlessWords = (place: Place, missing: string, them: boolean, key: string | undefined): string => {
	const allows = them ? 'allows them' : 'allows it';
	switch (place) {
		case 'key-grant':
			return `a KMS grant${key ? ` on the ${key}` : ''} ${allows} (grants ${missing})`;
		case 'identity-policy':
			return `the caller's IAM policies ${them ? 'allow them' : 'allow it'} (${missing})`;
		default:
			return `the ${placeWords[place]}${key && keyPlaces.has(place) ? ` of the ${key}` : ''} ${allows} (${missing})`;
	}
};

/**
 * What one action's part of the headline says of it: its cause ("denied by the key policy"), and the policies that
 * cause is in (a key policy is its key's, an IAM policy the caller's). Actions with the same cause in the same
 * policies are said together: "kms:GenerateDataKey and kms:Decrypt are not allowed by the key policy".
 */
type Part = {readonly action: string; readonly cause: string; readonly unless?: readonly Place[]; readonly unlessKey?: string; readonly policies: string};

/** The places whose policy belongs to the resource, not the caller: two keys' key policies are two policies. */
const perResource: ReadonlySet<Place> = new Set(['key-policy', 'key-grant', 'bucket-policy', 'rcp']);

const policiesOf = (rows: readonly Requirement[]): string =>
	distinct(rows.map(row => (perResource.has(row.place) ? `${row.place} ${row.resource}` : row.place)))
		.sort()
		.join(' ');

/** The parts with one cause in the same policies, each said once for all their actions, in the order first named. */
const saidTogether = (parts: readonly Part[], missing: string): string[] => {
	const groups = new Map<string, {cause: string; unless?: readonly Place[]; unlessKey?: string; actions: string[]}>();
	for (const part of parts) {
		const same = `${part.cause}|${(part.unless ?? []).join(',')}|${part.unlessKey ?? ''}|${part.policies}`;
		const group = groups.get(same);
		if (group) group.actions = distinct([...group.actions, part.action]);
		else groups.set(same, {cause: part.cause, ...(part.unless ? {unless: part.unless} : {}), ...(part.unlessKey ? {unlessKey: part.unlessKey} : {}), actions: [part.action]});
	}
	// Two keys' policies that fail alike read alike: said once, as before.
	return distinct([...groups.values()].map(({cause, unless, unlessKey, actions}) => {
		const them = actions.length > 1;
		const unlessPart = unless ? ` — unless ${listWords(unless.map(place => unlessWords(place, missing, them, unlessKey)))}` : '';
		return `${listWords(actions)} ${them ? 'are' : 'is'} ${cause}${unlessPart}`;
	}));
};

const guardrailSentence = (places: readonly Place[]): string => {
	const which = places.includes('scp') && places.includes('rcp') ? "the organization's SCPs and RCPs" : places.includes('scp') ? "the organization's SCPs" : "the organization's RCPs";
	return `Not read: ${which} — organizations:ListPoliciesForTarget from the management account (or a delegated administrator) settles ${places.length > 1 ? 'them' : 'it'}, or check --assume guardrails-allow.`;
};

/**
 * What the undecided headline says each open fact is, one fact once. A read statement whose only open part is a condition
 * on a request value not known is that value ("the request's aws:SourceIp, which a condition of the bucket policy
 * tests"); a row open only because an unread one is (an IAM Allow that counts only if the unread key policy delegates)
 * shares its read, and is said through it. `unknownWhat` is the unknowns' list, in its order: the rest of it is kept.
 */
const dependsOn = (unknownWhat: readonly string[], openRows: readonly Requirement[], placeSaid: PlaceSaid, placeWhats: ReadonlySet<string>): string[] => {
	const contextKeys = new Map(unknownWhat.map(what => [what.toLowerCase(), what] as const));
	const conditionKeysOf = (row: Requirement): string[] => {
		const keys = distinct((row.conditions ?? []).filter(condition => condition.result === 'unknown').map(condition => condition.key));
		return row.decidedBy !== undefined && keys.length > 0 && keys.every(key => contextKeys.has(unknownContextWhat(key).toLowerCase())) ? keys : [];
	};
	const unreadReads = new Set(openRows.filter(row => row.decidedBy === undefined && row.resolveWith).map(row => row.resolveWith));
	const said = openRows.filter(row => !(row.decidedBy !== undefined && unreadReads.has(row.resolveWith) && conditionKeysOf(row).length === 0));
	// Each value not known, with the places whose conditions test it.
	const testedBy = new Map<string, string[]>();
	for (const row of said) {
		for (const key of conditionKeysOf(row)) testedBy.set(key.toLowerCase(), distinct([...(testedBy.get(key.toLowerCase()) ?? []), thePlace(placeSaid, row)]));
	}
	const valueWords = (key: string): string => {
		const places = testedBy.get(key.toLowerCase())!;
		return `${contextKeys.get(unknownContextWhat(key).toLowerCase())!}, which ${places.length === 1 ? `a condition of ${places[0]!} tests` : `conditions of ${listWords(places)} test`}`;
	};
	const rowWords = (row: Requirement): string[] => {
		const keys = conditionKeysOf(row);
		if (keys.length > 0) return keys.map(valueWords);
		return guardrails.has(row.place) ? [] : [thePlace(placeSaid, row)];
	};
	const byPlace = (what: string): Requirement[] => said.filter(row => unknownPlaceWhat(placeSaid, row) === what);
	return distinct(
		unknownWhat.flatMap(what => {
			const rows = byPlace(what);
			if (rows.length > 0) return rows.flatMap(rowWords);
			// A place whose open rows are all another's, or only other actions': said through those, or not here.
			if (placeWhats.has(what)) return [];
			const tested = [...testedBy.keys()].find(key => unknownContextWhat(key).toLowerCase() === what.toLowerCase());
			if (tested) return [valueWords(tested)];
			return /control polic|SCP|RCP/i.test(what) ? [] : [what];
		}),
	);
};

const isSaid = (part: Part | undefined): part is Part => part !== undefined;

/** The cause of an action denied while none of its rows fails. */
const notAllowed = 'not allowed';

/**
 * A guardrail's Deny read (a row with its statement) has its own error finding, which names the policy and statement
 * (guardrail-findings.ts): the headline says it through that finding, not a second time as "denied by the SCPs".
 */
const saidByFinding = (row: Requirement, findings: readonly Finding[]): boolean =>
	guardrailPlaces.has(row.place) && row.statement !== undefined && findings.some(finding => finding.id === `blocked-by-${row.place}`);

/** For an undecided action: what already fails, and what could still save it. */
const causeOf = (action: string, rows: readonly Requirement[], placeSaid: PlaceSaid): Part | undefined => {
	// Only where the fix goes: a place that is only another way to grant it (alternative) says so in its row, and is no cause.
	const failingRows = rows.filter(row => row.status === 'missing' && !row.alternative);
	const failing = distinct(failingRows.map(placeSaid));
	const openRows = rows.filter(row => row.status === 'unknown' && !guardrails.has(row.place));
	const open = distinct(openRows.map(row => row.place));
	if (failing.length === 0 || open.length === 0) return undefined;
	// One action's rows are one leg's: a grant or key policy that could still allow it is that leg's key's.
	const unlessKey = openRows.some(row => keyPlaces.has(row.place)) ? placeSaid.keyOf(openRows[0]!) : undefined;
	return {action, cause: `not allowed by the ${listWords(failing)}`, unless: open, ...(unlessKey ? {unlessKey} : {}), policies: policiesOf([...failingRows, ...openRows])};
};


export const summaryOf = (
	snapshot: Snapshot,
	verdict: Decision,
	actions: readonly RequiredAction[],
	requirements: readonly Requirement[],
	findings: readonly Finding[],
	unknownWhat: readonly string[],
	onlyIf: ReadonlyMap<string, string> = new Map(),
	againstRead: readonly string[] = [],
): string => {
	const what = operationModule(snapshot.question.operation).wording.doing(snapshot.question);
	if (verdict === 'allowed') return `${what} is allowed: every needed permission is granted in the right place.`;
	const rowsOf = (action: RequiredAction): Requirement[] => requirements.filter(row => row.actionId === action.id);
	const placeSaid = placeSaidOf(snapshot, requirements);
	const deniedPart = (action: RequiredAction): Part | undefined => {
		const rows = rowsOf(action);
		const denials = rows.filter(row => row.status === 'denied');
		const deniedRows = denials.filter(row => !saidByFinding(row, findings));
		const missingRows = rows.filter(row => row.status === 'missing' && !row.alternative);
		if (deniedRows.length > 0) return {action: action.action, cause: `denied by the ${listWords(distinct(deniedRows.map(placeSaid)))}`, policies: policiesOf(deniedRows)};
		if (denials.length > 0) return undefined;
		if (missingRows.length > 0) return {action: action.action, cause: `not allowed by the ${listWords(distinct(missingRows.map(placeSaid)))}`, policies: policiesOf(missingRows)};
		return {action: action.action, cause: notAllowed, policies: ''};
	};
	const missing = missingWord(snapshot);
	if (verdict === 'denied') {
		// Denied only by a pasted message's evidence (no statement was read): its error finding names it below, once. An
		// implicit deny's message makes its SCP or RCP row ✘ naming the message, where a row read ✘ names nothing.
		const perError = findings.some(finding => finding.id === 'denied-by-scp-per-error' || finding.id === 'denied-by-rcp-per-error');
		const byEvidenceOnly = (action: RequiredAction): boolean => {
			const deniedRows = rowsOf(action).filter(row => row.status === 'denied');
			const missingRows = rowsOf(action).filter(row => row.status === 'missing' && !row.alternative);
			const missingByMessage = missingRows.filter(row => guardrails.has(row.place) && row.decidedBy !== undefined);
			return (
				perError &&
				deniedRows.length + missingByMessage.length > 0 &&
				deniedRows.every(row => row.statement === undefined) &&
				missingByMessage.length === missingRows.length
			);
		};
		const denied = actions.filter(action => action.decision === 'denied' && !onlyIf.has(action.id) && !byEvidenceOnly(action));
		// The finding below says it in full: the headline names only its cause, so no sentence is said twice.
		// A pasted message that what was read contradicts, of a type with no finding of its own: said as the message says it.
		const errors = [...findings.filter(finding => finding.severity === 'error').map(finding => firstClause(finding.message)), ...againstRead];
		// An action no row fails (a VPC endpoint policy's message denies it) has no cause of its own: the finding is it.
		const caused = denied.map(deniedPart).filter(isSaid).filter(part => errors.length === 0 || part.cause !== notAllowed);
		const parts = saidTogether(caused, missing);
		return `${what} fails: ${[...parts, ...errors].join('; ')}.`;
	}
	// Denied only where a fact that is not known holds (the request goes in parts): said as that condition.
	const conditional = actions.filter(action => action.decision === 'denied' && onlyIf.has(action.id));
	if (conditional.length > 0) {
		const condition = onlyIf.get(conditional[0]!.id)!;
		// A guardrail's Deny is said through its finding, which says it applies only then: its cause, as a denial names it.
		const byFindings = findings.filter(finding => finding.onlyIf === condition).map(finding => firstClause(finding.message));
		return `${what} fails if ${condition}, which is not known: ${[...saidTogether(conditional.map(deniedPart).filter(isSaid), missing), ...byFindings].join('; ')}.`;
	}
	const undecided = actions.filter(action => action.decision === 'unknown');
	const causes = saidTogether(undecided.map(action => causeOf(action.action, rowsOf(action), placeSaid)).filter(isSaid), missing);
	const unknownRows = undecided.flatMap(rowsOf).filter(row => row.status === 'unknown');
	// Unread: no statement decided (a read SCP whose condition is undecided names its statement instead).
	const unread = (row: Requirement): boolean => guardrails.has(row.place) && row.decidedBy === undefined;
	const unreadGuardrails = distinct(unknownRows.filter(unread).map(row => row.place));
	const onlyGuardrails = unknownRows.length > 0 && unknownRows.every(unread);
	if (onlyGuardrails) {
		const needed = distinct(actions.map(action => action.action));
		return `Everything that could be read allows ${what.charAt(0).toLowerCase()}${what.slice(1)} (${listWords(needed)}). ${guardrailSentence(unreadGuardrails)}`;
	}
	const tail = unreadGuardrails.length > 0 ? ` ${guardrailSentence(unreadGuardrails)}` : '';
	if (causes.length > 0) return `${what} most likely fails: ${causes.join('; ')}.${tail}`;
	const names = distinct(undecided.map(action => action.action));
	// Not an unread guardrail (the tail names those), nor a row whose action's key the unknowns name by its label.
	const openRows = unknownRows.filter(row => !unread(row) && !unknownWhat.includes(row.resource));
	const placeWhats = new Set(requirements.map(row => unknownPlaceWhat(placeSaid, row)));
	const on = dependsOn(unknownWhat, openRows, placeSaid, placeWhats).slice(0, 3);
	return `${what} cannot be decided yet: ${listWords(names)} ${names.length === 1 ? 'depends' : 'depend'} on ${on.length > 0 ? listWords(on) : 'values that are not known'}.${tail}`;
};
