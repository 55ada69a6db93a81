/**
 * The facts a user may assume rather than read (`check --assume`, the wizard's answers, a pasted error's
 * evidence). An assumption fills only a fact the snapshot does not hold; every one that was used is shown
 * beside the verdict, so a conclusion never rests on a hidden default.
 */

export const assumptionIds = ['no-grants', 'bucket-key=on', 'bucket-key=off', 'guardrails-allow'] as const;

export type AssumptionId = (typeof assumptionIds)[number];

export type Assumption = {
	readonly id: AssumptionId;
	/** Where the assumption comes from when it is not the user's own choice, e.g. a pasted AccessDenied message. */
	readonly because?: string;
};

/** The fact each assumption states, as the reports print it after "Assumed:". */
export const assumptionStatements: Readonly<Record<AssumptionId, string>> = {
	'no-grants': 'no KMS grant on the key allows these actions',
	'bucket-key=on': 'S3 Bucket Keys are on (S3 sends the bucket ARN as encryption context)',
	'bucket-key=off': 'S3 Bucket Keys are off (S3 sends the object ARN as encryption context)',
	'guardrails-allow': "the organization's SCPs and RCPs deny none of these actions",
};

/** What each id means, for `--help` and docs. */
export const assumptionHelp: Readonly<Record<AssumptionId, string>> = {
	'no-grants': 'the key has no KMS grant for the caller (when its grants were not read)',
	'bucket-key=on': 'S3 Bucket Keys are on (when the bucket default or the object was not read)',
	'bucket-key=off': 'S3 Bucket Keys are off (same)',
	'guardrails-allow': 'SCPs and RCPs deny nothing here (when they cannot be read, e.g. from a member account)',
};

export const isAssumptionId = (text: string): text is AssumptionId => (assumptionIds as readonly string[]).includes(text);

/** `--assume` text → ids; comma-separated lists allowed. An unknown name is an error naming the choices. */
export const parseAssumptions = (values: readonly string[]): {readonly ok: true; readonly value: readonly Assumption[]} | {readonly ok: false; readonly error: string} => {
	const found: Assumption[] = [];
	for (const part of values.flatMap(value => value.split(',')).map(value => value.trim()).filter(Boolean)) {
		if (!isAssumptionId(part)) return {ok: false, error: `--assume ${part}: not an assumption this tool knows; choose from ${assumptionIds.join(', ')}`};
		if (!found.some(known => known.id === part)) found.push({id: part});
	}
	if (found.some(known => known.id === 'bucket-key=on') && found.some(known => known.id === 'bucket-key=off')) {
		return {ok: false, error: '--assume bucket-key=on and bucket-key=off contradict each other; choose one'};
	}
	return {ok: true, value: found};
};

/** Adds to a snapshot's own list; a later one of the same fact replaces an earlier one (bucket-key=on vs off). */
export const withAssumptions = (own: readonly Assumption[] | undefined, added: readonly Assumption[]): readonly Assumption[] => {
	const factOf = (id: AssumptionId): string => id.split('=')[0]!;
	const kept = (own ?? []).filter(existing => !added.some(extra => factOf(extra.id) === factOf(existing.id)));
	return [...kept, ...added];
};
