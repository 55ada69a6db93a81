import type {Decision, Finding, Place, RequirementStatus} from '../diagnosis/diagnosis.js';
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
	'not-needed': {mark: '–', label: 'not needed', dim: true},
};

/** The order every legend lists the statuses in. */
export const statusOrder: readonly RequirementStatus[] = ['ok', 'missing', 'denied', 'unknown', 'not-needed'];

/** `✔ ok`: a status as a legend names it. */
export const statusLegendEntry = (status: RequirementStatus): string => `${statusStyles[status].mark} ${statusStyles[status].label}`;

export const decisionStyles: Readonly<Record<Decision, MarkStyle>> = {
	allowed: {mark: '✔', label: 'allowed', color: 'green'},
	denied: {mark: '✘', label: 'denied', color: 'red'},
	unknown: {mark: '?', label: 'unknown', color: 'yellow'},
};

export const severityStyles: Readonly<Record<Finding['severity'], MarkStyle>> = {
	error: {mark: '✘', label: 'error', color: 'red'},
	warning: {mark: '!', label: 'warning', color: 'yellow'},
	info: {mark: 'i', label: 'info', color: 'gray'},
};

/** How a condition fared: `yes` it holds, `no` it fails, `unknown` it depends on a value we do not know. */
export const conditionStyles: Readonly<Record<'yes' | 'no' | 'unknown', MarkStyle>> = {
	yes: {mark: '✔', label: 'holds', color: 'green'},
	no: {mark: '✘', label: 'fails', color: 'red'},
	unknown: {mark: '?', label: 'unknown', color: 'yellow'},
};

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
