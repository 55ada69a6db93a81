/**
 * How the snapshot knows what it holds, beside the facts read: what was not read (and the read that fills it), what a
 * pasted AccessDenied message proved, and who collected it with which profiles. Assumed facts: assumptions.ts.
 */

/**
 * What a pasted AccessDenied message proves: AWS named the policy type that denied the action, explicitly ("with an
 * explicit deny in a service control policy") or implicitly ("because no service control policy allows the ACTION
 * action"). AWS names only one type, so a message naming another type proves nothing about the SCPs (they stay unknown).
 * `identity`: an identity-based policy (the caller's); `resource`: a resource-based policy, the bucket policy for an
 * s3: action, the key policy for a kms: one; `boundary`: the caller's permissions boundary; `session`: the session policy
 * passed when the caller's session was created.
 */
export type DenialEvidence = {
	/** `vpc-endpoint`: the endpoint the request went through; no snapshot holds its policy, so no row shows it. */
	readonly deniedBy: 'scp' | 'rcp' | 'identity' | 'resource' | 'boundary' | 'session' | 'vpc-endpoint';
	readonly action: string;
	/**
	 * How AWS said it denied: a Deny applied, or none of that type allows the action. Absent: explicit, as every snapshot
	 * before this field meant. For an SCP, AWS says "explicit" of an implicit deny too: the diagnosis takes it as either.
	 */
	readonly deny?: 'explicit' | 'implicit';
	/** The denying policy's ARN, when AWS added it (same account or organization). */
	readonly policyArn?: string;
	/**
	 * The ARN of the resource the message names ("on resource: arn:aws:kms:…:key/…", an S3 object's), as AWS wrote it:
	 * where two legs need the action (a copy's kms:Decrypt on two keys), it tells which. Absent: not named, or not an ARN.
	 */
	readonly resource?: string;
};

/** Why a field is missing, and what would fill it. Collection records one for each failed read. */
export type UnreadNote = {
	/** Dotted path in the snapshot, e.g. `key.policy`, `principal.identityPolicies`. */
	readonly path: string;
	readonly reason: string;
	/** The read permission or paste that would resolve it, e.g. `kms:GetKeyPolicy on arn:aws:kms:…`. */
	readonly resolveWith?: string;
};

/** The part a profile played in a live collection: the caller's (--profile, AWS_PROFILE), the bucket's or the key's account. */
export type ProfileRole = 'caller' | 'bucket' | 'key';

/** A named AWS CLI profile a live collection read with, and who it was (sts:GetCallerIdentity): a fix to its account names it. */
export type CollectedProfile = {
	readonly name: string;
	/** The identity its credentials are, as sts:GetCallerIdentity named it: its account is the profile's. */
	readonly arn: string;
	readonly roles: readonly ProfileRole[];
};

export type SnapshotMetadata = {
	readonly title?: string;
	readonly description?: string;
	readonly createdAt?: string;
	readonly collectedBy?: 'live' | 'manual' | 'bundle' | 'example';
	readonly redacted?: boolean;
	/** live: the named profiles read with (not the SDK's default chain, which has no name). */
	readonly profiles?: readonly CollectedProfile[];
};
