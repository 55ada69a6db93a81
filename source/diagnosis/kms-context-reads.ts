import type {ContextValue} from '../engine/context.js';
import {s3ViaService} from '../names/index.js';
import type {Actor, Side} from '../operations/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {LegPlace} from './leg-place.js';
import type {KeyFrom} from './unknown-key.js';

/**
 * The KMS request context keys whose values come from reads of the key, the bucket and the object, and, while a read
 * has not given one, the read that settles it (a KMS request's `settles`).
 */

/**
 * KMS: "The kms:ResourceAliases condition key allows or denies access to a KMS key based on the aliases associated
 * with the KMS key." Known only from a complete alias list: one the snapshot notes as partial (or lacks) stays unknown.
 */
const aliasesPath = (side: Side): string => (side === 'source' ? 'source.keyInfo.aliases' : 'key.aliases');

export const resourceAliases = (snapshot: Snapshot, keyInfo: Snapshot['key'], side: Side): Record<string, ContextValue> => {
	const partial = snapshot.unread?.some(note => note.path === aliasesPath(side));
	if (!keyInfo?.aliases || partial) return {};
	return {'kms:ResourceAliases': keyInfo.aliases.length > 0 ? [...keyInfo.aliases] : null};
};

export const aliasesSettledBy = (snapshot: Snapshot, context: Readonly<Record<string, ContextValue>>, side: Side, keyResource: string): Record<string, string> => {
	if (context['kms:ResourceAliases'] !== undefined) return {};
	const note = snapshot.unread?.find(candidate => candidate.path === aliasesPath(side));
	return {'kms:ResourceAliases': note?.resolveWith ?? `kms:ListAliases --key-id ${keyResource} with a profile of the key's account (or list every alias of the key in ${aliasesPath(side)})`};
};

/** An object's stored encryption context may hold pairs beyond aws:s3:arn: where to see them all. */
export const storedContextSettledBy = (keyFrom: KeyFrom): Record<string, string> =>
	keyFrom === 'object'
		? {
				'kms:EncryptionContextKeys':
					"the object's whole encryption context: requestParameters.encryptionContext of a CloudTrail kms:Decrypt event for this object (eventSource kms.amazonaws.com), or the SSEKMSEncryptionContext its upload's answer returned",
			}
		: {};

/** S3 calls KMS in the bucket's Region, which names kms:ViaService: while it is not known, its read settles them. */
export const regionSettledBy = (place: LegPlace, context: Readonly<Record<string, ContextValue>>, actor: Actor, side: Side): Record<string, string> => {
	if (place.region !== undefined || actor.kind === 'service' || context['kms:ViaService'] !== undefined) return {};
	const read = `the bucket's Region, which S3's request to KMS names (s3:GetBucketLocation on ${place.bucketArn}, or ${side === 'source' ? 'source.bucketInfo.region' : 'bucket.region'} in the snapshot)`;
	return {'kms:ViaService': read, 'aws:RequestedRegion': read};
};

/**
 * Where AWS documents no kms:ViaService for S3 in the bucket's Region (the China Regions), it stays unknown: why, and
 * what settles it. A value the snapshot's requestContext gives stands.
 */
export const viaServiceSettledBy = (place: LegPlace, context: Readonly<Record<string, ContextValue>>, actor: Actor): Record<string, string> => {
	if (place.region === undefined || actor.kind === 'service' || Object.keys(context).some(key => key.toLowerCase() === 'kms:viaservice')) return {};
	const via = s3ViaService(place.region);
	if ('value' in via) return {};
	return {'kms:ViaService': `${via.undocumented}: give the value as kms:ViaService in the snapshot's requestContext once known (an AWS managed key aws/s3's key policy in ${place.region} shows the one AWS writes there, where it tests kms:ViaService)`};
};

/** The encryption context is left out while Bucket Keys are not known: say what settles it. */
export const bucketKeySettledBy = (place: LegPlace, context: Readonly<Record<string, ContextValue>>, keyFrom: KeyFrom): Record<string, string> =>
	context['kms:EncryptionContext:aws:s3:arn'] !== undefined
		? {}
		: {
				'kms:EncryptionContext:aws:s3:arn':
					keyFrom === 'object'
						? `whether the object was written with an S3 Bucket Key (s3:GetObject on ${place.objectArn}: HeadObject's BucketKeyEnabled), or --assume bucket-key=on|off`
						: keyFrom === 'replica'
							? "whether the replica uses an S3 Bucket Key (it keeps the source object's: HeadObject's BucketKeyEnabled on the source object), or --assume bucket-key=on|off"
							: `whether S3 Bucket Keys are on (s3:GetEncryptionConfiguration on ${place.bucketArn}: BucketKeyEnabled), or --assume bucket-key=on|off`,
			};
