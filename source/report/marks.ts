import type {ConditionExplanation, Decision, Finding, Place, RequiredAction, RequirementStatus} from '../diagnosis/diagnosis.js';
import {placeWords} from '../diagnosis/place-words.js';

/**
 * The shared vocabulary of every view of a diagnosis (text, markdown, the wizard): one mark, label and
 * colour per status, one name per place. Colours are named as Ink's <Text color> takes them.
 */

export type MarkColor = 'green' | 'red' | 'magenta' | 'yellow' | 'gray';

export type MarkStyle = {
	readonly mark: string;
	readonly label: string;
	/** Absent: the terminal's default colour. */
	readonly color?: MarkColor;
	/** Faint (Ink's `dimColor`): for what does not matter to the outcome. */
	readonly dim?: boolean;
};

export const statusStyles: Readonly<Record<RequirementStatus, MarkStyle>> = {
	ok: {mark: '✔', label: 'ok', color: 'green'},
	missing: {mark: '✘', label: 'missing', color: 'red'},
	denied: {mark: '⛔', label: 'denied', color: 'magenta'},
	unknown: {mark: '?', label: 'unknown', color: 'yellow'},
	ineffective: {mark: '⊘', label: 'does not count', color: 'yellow'},
	'not-needed': {mark: '–', label: 'not needed', dim: true},
};

/** The order every legend lists the statuses in. */
export const statusOrder: readonly RequirementStatus[] = ['ok', 'missing', 'denied', 'unknown', 'ineffective', 'not-needed'];

/** `✔ ok`: a status as a legend names it. */
export const statusLegendEntry = (status: RequirementStatus): string => `${statusStyles[status].mark} ${statusStyles[status].label}`;

export const decisionStyles: Readonly<Record<Decision, MarkStyle>> = {
	allowed: {mark: '✔', label: 'allowed', color: 'green'},
	denied: {mark: '✘', label: 'denied', color: 'red'},
	unknown: {mark: '?', label: 'unknown', color: 'yellow'},
};

/**
 * A required action's line, in the legend's words: an action an explicit Deny refuses is ⛔ "denied", as its row
 * below is; one that nothing allows is ✘ "not allowed" (its rows are ✘ missing), never ✘ beside "denied".
 */
export const actionStyle = (action: Pick<RequiredAction, 'decision'> & {readonly evaluation?: Pick<RequiredAction['evaluation'], 'layers'>}): MarkStyle => {
	if (action.decision !== 'denied') return decisionStyles[action.decision];
	return action.evaluation?.layers.some(layer => layer.status === 'denied') ? statusStyles.denied : {mark: '✘', label: 'not allowed', color: 'red'};
};

export const severityStyles: Readonly<Record<Finding['severity'], MarkStyle>> = {
	error: {mark: '✘', label: 'error', color: 'red'},
	warning: {mark: '!', label: 'warning', color: 'yellow'},
	info: {mark: 'i', label: 'info', color: 'gray'},
};

/**
 * How a condition fared: `yes` it holds, `no` it fails, `unknown` it depends on a value we do not know;
 * `denies`: a condition of a Deny that holds, which is what makes the Deny apply (never a green ✔).
 */
export const conditionStyles: Readonly<Record<'yes' | 'no' | 'unknown' | 'denies', MarkStyle>> = {
	yes: {mark: '✔', label: 'holds', color: 'green'},
	no: {mark: '✘', label: 'fails', color: 'red'},
	unknown: {mark: '?', label: 'unknown', color: 'yellow'},
	denies: {mark: '⛔', label: 'matches — this is what denies', color: 'magenta'},
};

/** A condition's style: a Deny's condition that holds reads `matches — this is what denies`. */
export const conditionStyleOf = (condition: Pick<ConditionExplanation, 'result' | 'effect'>): MarkStyle =>
	condition.effect === 'Deny' && condition.result === 'yes' ? conditionStyles.denies : conditionStyles[condition.result];

/** One entry of the legend: a mark, its label, what it means, and its style. */
export type LegendEntry = {readonly mark: string; readonly label: string; readonly meaning: string; readonly style: MarkStyle};

const statusMeanings: Readonly<Record<RequirementStatus, string>> = {
	ok: 'allowed here, and it counts',
	missing: 'missing here: nothing here allows it (where the fix does not go, the explanation names the place it goes instead)',
	denied: 'explicitly denied here',
	unknown: 'unknown: could not be read, or depends on a value we do not know (with the read permission that would tell)',
	ineffective: 'does not count: an Allow is here but cannot count on its own (an IAM allow for a KMS key whose key policy does not delegate to the account, a bucket policy naming only the account); the explanation says what would make it count',
	'not-needed': 'not needed here: another place already grants it (the explanation says which)',
};

/**
 * The one legend every view renders (the text and markdown reports, the wizard's help, README's table): every
 * status in `statusOrder`, then the mark of a Deny's condition that holds.
 */
export const legendEntries: readonly LegendEntry[] = [
	...statusOrder.map(status => ({mark: statusStyles[status].mark, label: statusStyles[status].label, meaning: statusMeanings[status], style: statusStyles[status]})),
	{
		mark: conditionStyles.denies.mark,
		label: conditionStyles.denies.label,
		meaning: 'beside a condition: the Deny that decides matches the request on it, so the Deny applies',
		style: conditionStyles.denies,
	},
];

/** `✔ ok`: a legend entry as the short legends write it. */
export const legendEntryText = (entry: LegendEntry): string => `${entry.mark} ${entry.label}`;

export const placeLabels: Readonly<Record<Place, string>> = placeWords;

/**
 * The order places are shown in: the grants people edit first (key policy, its grants, IAM, bucket policy),
 * then the guardrails that can only take away.
 */
export const placeOrder: readonly Place[] = ['key-policy', 'key-grant', 'identity-policy', 'bucket-policy', 'permissions-boundary', 'session-policy', 'scp', 'rcp'];

/** "Key policy", for headings. */
export const placeHeading = (place: Place): string => {
	const label = placeLabels[place];
	return label.charAt(0).toUpperCase() + label.slice(1);
};
