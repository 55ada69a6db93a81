import {describeCaller} from '../engine/layer-words.js';
import {parseCaller} from '../engine/principal.js';
import type {Evaluation, Layer, LayerVerdict} from '../engine/evaluation.js';
import type {KeyInfo} from '../snapshot/snapshot.js';
import type {Finding} from './diagnosis.js';
import {withLayer, type EvidenceAccounts} from './evidence-layer.js';
import type {ActionSpec} from './required-actions.js';
import type {ResolvedKey} from './resolve-question.js';

/**
 * An AWS managed key (aws/s3) used from another account: the one home of that rule. AWS KMS Developer Guide, "AWS KMS
 * keys": an AWS managed key "can only be used by principals within the account that the key exists. You cannot manage
 * anything about the lifecycle or permissions of these keys." And "Change a key policy": "you can only change the key
 * policy for a customer managed key". So neither its key policy nor a grant lets another account use it: where they were
 * not read, their rows are ✘ in these words, with no read that could change them; the finding says why the request fails.
 */

export const awsManagedKeyPage = 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key';
/** AWS's words (KMS Developer Guide, "AWS KMS keys"), quoted where the rule is said. */
export const onlyItsOwnAccount = 'can only be used by principals within the account that the key exists';

/** The key is an AWS managed key, as read (DescribeKey's KeyManager) or as S3 names it (no key named: aws/s3). */
export const isAwsManagedKey = (key: KeyInfo | undefined, resolved: ResolvedKey | undefined): boolean =>
	key?.keyManager === 'AWS' || resolved?.source === 'aws-managed-default' || resolved?.named === 'aws/s3' || resolved?.named === 'alias/aws/s3';

export type AwsManagedAcross = {readonly keyAccount: string; readonly callerAccount: string};

/** Both accounts known and different, the key AWS managed: no principal of the caller's account can use it. */
export const awsManagedKeyAcross = (awsManaged: boolean, keyAccount: string | undefined, callerAccount: string | undefined): AwsManagedAcross | undefined =>
	awsManaged && keyAccount && callerAccount && keyAccount !== callerAccount ? {keyAccount, callerAccount} : undefined;

export const awsManagedKeyFinding = ({keyAccount, callerAccount}: AwsManagedAcross): Finding => ({
	id: 'aws-managed-key-cross-account',
	severity: 'error',
	message:
		`The object is encrypted with the AWS managed key aws/s3 of account ${keyAccount}. AWS documents that an AWS managed key ` +
		`"${onlyItsOwnAccount}", and only a customer managed key's policy can be changed, so account ${callerAccount} cannot use it (${awsManagedKeyPage}).`,
	remedy: 'Encrypt with a customer managed key whose key policy allows the other account (and re-encrypt existing objects, e.g. by copying them in place).',
});

/** The words of a row the rule settles: across accounts only the key policy or a grant could let the caller use the key. */
const settledWhy = (layer: Layer, action: string, caller: string, across: AwsManagedAcross): string | undefined => {
	const documented = `The key is an AWS managed key of account ${across.keyAccount}, which AWS documents "${onlyItsOwnAccount}"`;
	if (layer === 'resource') {
		return `${documented}: its key policy, which AWS writes and no one can change, does not allow ${action} to ${caller} of account ${across.callerAccount}. Reading the key policy would not change that.`;
	}
	if (layer === 'grant') return `${documented}: no KMS grant lets ${caller} of account ${across.callerAccount} use it for ${action}. Listing the grants would not change that.`;
	return undefined;
};

/** A layer left open only because its policy (or grant list) was not read: the rule decides it, reading would not. */
const openForUnread = (layer: LayerVerdict): boolean =>
	layer.status === 'unknown' && layer.decidedBy.length === 0 && layer.policies.length > 0 && layer.policies.every(policy => policy.unread !== undefined);

/**
 * A KMS action on an AWS managed key of another account than the caller's: its unread key policy and grants are ✘ by the
 * rule. What was read stays as read (a key policy read says what it says); across accounts only those two can let the
 * caller use the key, so once neither may allow, the action is denied.
 */
export const applyAwsManagedKeyRule = (spec: ActionSpec, evaluation: Evaluation, key: KeyInfo | undefined, resolved: ResolvedKey | undefined, accounts: EvidenceAccounts, principal: string | undefined): Evaluation => {
	if (spec.service !== 'kms' || spec.unknownKey || !principal) return evaluation;
	const across = awsManagedKeyAcross(isAwsManagedKey(key, resolved), accounts.resource, accounts.caller);
	if (!across) return evaluation;
	const caller = describeCaller(parseCaller(principal));
	const layers = evaluation.layers.map((layer): LayerVerdict => {
		const why = openForUnread(layer) ? settledWhy(layer.layer, spec.action, caller, across) : undefined;
		if (!why) return layer;
		const {layer: name, deny, decidedBy, policies, alternative} = layer;
		return {layer: name, status: 'missing', deny, allow: 'no', decidedBy, why, policies, ...(alternative ? {alternative} : {})};
	});
	const changed = layers.flatMap((layer, index) => (layer === evaluation.layers[index] ? [] : [index]));
	if (changed.length === 0) return evaluation;
	// Across accounts a KMS key is usable only through its key policy or a grant (each beside the caller's IAM policy).
	const open = layers.some(layer => (layer.layer === 'resource' || layer.layer === 'grant') && layer.allow !== 'no');
	const decision = evaluation.decision === 'unknown' && !open ? 'denied' : evaluation.decision;
	const failing = layers.filter(layer => layer.status === 'missing' && !layer.alternative).map(layer => layer.why);
	const summary = decision === evaluation.decision ? evaluation.summary : `${spec.action} on ${spec.resource} is denied: ${failing.join(' ')}`;
	return changed.reduce((settled, index) => withLayer(settled, layers[index]!, index, decision, summary), evaluation);
};
