import {atLeast, type ContextValue} from '../engine/context.js';
import {kmsKeyArn, s3ViaService} from '../names/index.js';
import {parseCaller} from '../engine/principal.js';
import {serviceRoleOwnKeys} from '../operations/service-request-keys.js';
import {carried, type Carried} from './carried-context.js';
import {legsInRequestOrder, operationModule} from '../operations/registry.js';
import {actionId, type Actor, type Leg, type LegAction, type Side} from '../operations/types.js';
import {principalArnSettledBy, sessionRoleArn} from '../snapshot/session-role.js';
import {unknownKeyOf, type KeyFrom, type UnknownKey} from './unknown-key.js';
import {aliasesSettledBy, bucketKeySettledBy, regionSettledBy, resourceAliases, storedContextSettledBy, viaServiceSettledBy} from './kms-context-reads.js';
import {placeOf, type LegPlace} from './leg-place.js';
import type {ResolvedFacts, ResolvedKey} from './resolve-question.js';
import {principalTagsOf} from './principal-tags.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * What an operation needs, from its module's legs (source/operations/), with the request context each
 * call really carries: S3's own checks, and the KMS calls S3 makes on the caller's behalf.
 */

export type {Side} from '../operations/types.js';

export type ActionSpec = {
	readonly id: string;
	readonly action: string;
	readonly resource: string;
	readonly purpose: string;
	readonly service: 's3' | 'kms';
	readonly side: Side;
	/** Who makes the request: its permissions are the ones checked. */
	readonly actor: Actor;
	readonly context: Readonly<Record<string, ContextValue>>;
	/** aws:SecureTransport is true only because the caller's request is taken to be sent over HTTPS: neither given nor documented. */
	readonly httpsAssumed?: true;
	/** Context keys left out because they are not known, and the read that settles each. */
	readonly settles?: Readonly<Record<string, string>>;
	/** Set when the key ARN is not known (the decision cannot be `allowed`): how to name it, never as a placeholder ARN, and what settles it. */
	readonly unknownKey?: UnknownKey;
	/** Needed only if a fact that is not known holds (the request goes in parts): its denial alone does not decide the request. */
	readonly onlyIf?: string;
};

const s3Service = 's3.amazonaws.com';

type Principal = Snapshot['principal'];

/**
 * Who makes a leg's requests, worked out once for the leg: the principal, the ARN of the role behind a session (path
 * included) where the snapshot says it (snapshot/session-role.ts), its principal tags as the request carries them
 * (principal-tags.ts), and what settles those of its keys that are not known.
 */
type Who = {readonly principal: Principal; readonly roleArn: string | undefined; readonly tags: Readonly<Record<string, ContextValue>>; readonly settles: Readonly<Record<string, string>>};

const whoOf = (snapshot: Snapshot, actor: Actor): Who => {
	const principal = principalOf(snapshot, actor);
	// A service principal has no role, tags or keys to settle: resource policies match its name.
	if (actor.kind === 'service') return {principal, roleArn: undefined, tags: {}, settles: {}};
	const roleArn = principal?.roleArn ?? sessionRoleArn(snapshot);
	const tags = principalTagsOf(snapshot, principal);
	return {principal, roleArn, tags: tags.context, settles: {...(principal && !roleArn ? principalArnSettledBy(principal.arn) : {}), ...tags.settles}};
};

const commonContext = ({principal, roleArn, tags}: Who): Record<string, ContextValue> => {
	const context: Record<string, ContextValue> = {'aws:SecureTransport': true};
	if (principal) {
		if (principal.organizationId !== undefined) context['aws:PrincipalOrgID'] = principal.organizationId;
		if (principal.userId) context['aws:userid'] = principal.userId;
		if (roleArn) context['aws:PrincipalArn'] = roleArn;
		Object.assign(context, tags);
	}
	return context;
};

const s3Context = (
	snapshot: Snapshot,
	who: Who,
	bucketAccount: string | undefined,
	region: string | undefined,
	sendsKeyHeaders: boolean,
	actor: Actor,
): Record<string, ContextValue> => {
	const named = snapshot.question.kmsKeyId;
	return {
		...commonContext(who),
		's3:signatureversion': 'AWS4-HMAC-SHA256',
		// A request that relies on the bucket's default encryption sends no SSE header at all.
		's3:x-amz-server-side-encryption': sendsKeyHeaders && named ? 'aws:kms' : null,
		's3:x-amz-server-side-encryption-aws-kms-key-id': sendsKeyHeaders && named ? named : null,
		// A role S3 assumes is a service role: IAM documents aws:ViaAWSService for it (false), no aws:CalledVia.
		...(actor.kind === 'assumed-role' ? serviceRoleOwnKeys : {'aws:ViaAWSService': false, 'aws:CalledVia': null}),
		...(bucketAccount ? {'aws:ResourceAccount': bucketAccount, 's3:ResourceAccount': bucketAccount} : {}),
		...(region ? {'aws:RequestedRegion': region} : {}),
		...operationModule(snapshot.question.operation).requestContext?.(snapshot, 's3'),
	};
};

/**
 * The encryption context's keys. A request that writes sends aws:s3:arn alone (the snapshot names no other pair); one
 * that reads a stored object sends the pairs its writer added too ("This value is stored as object metadata and
 * automatically gets passed on to AWS KMS for future GetObject operations", S3 API Reference, PutObject
 * x-amz-server-side-encryption-context), which HeadObject does not show: aws:s3:arn, and perhaps more.
 */
const encryptionContextKeys = (keyFrom: KeyFrom): readonly string[] => (keyFrom === 'object' ? atLeast(['aws:s3:arn']) as readonly string[] : ['aws:s3:arn']);

/** kms:ViaService where AWS documents its value in the Region; left out (unknown, viaServiceSettledBy says why) where not. */
const viaServiceOf = (region: string): Record<string, ContextValue> => {
	const via = s3ViaService(region);
	return 'value' in via ? {'kms:ViaService': via.value} : {};
};

const kmsContext = (
	snapshot: Snapshot,
	who: Who,
	key: ResolvedKey,
	callerAccount: string | undefined,
	region: string | undefined,
	encryptionContextArn: string | undefined,
	keyInfo: Snapshot['key'],
	side: Side,
	actor: Actor,
	keyFrom: KeyFrom,
): Record<string, ContextValue> => ({
	...commonContext(who),
	...(region ? {...viaServiceOf(region), 'aws:RequestedRegion': region} : {}),
	...(callerAccount ? {'kms:CallerAccount': callerAccount} : {}),
	...(encryptionContextArn === undefined ? {} : {'kms:EncryptionContext:aws:s3:arn': encryptionContextArn}),
	'kms:EncryptionContextKeys': encryptionContextKeys(keyFrom),
	// S3 calls KMS with the caller's credentials through a forward access session. A role S3 assumed is no forward
	// access session but a service role (aws:ViaAWSService false); AWS's replication policies test kms:ViaService only.
	...(actor.kind === 'assumed-role'
		? serviceRoleOwnKeys
		: {'aws:ViaAWSService': true, 'aws:CalledVia': [s3Service], 'aws:CalledViaFirst': s3Service, 'aws:CalledViaLast': s3Service}),
	'kms:GrantIsForAWSResource': null,
	...(key.account ? {'aws:ResourceAccount': key.account} : {}),
	...(keyInfo?.keySpec ? {'kms:KeySpec': keyInfo.keySpec} : {}),
	...(keyInfo?.keyManager ? {'kms:KeyManager': keyInfo.keyManager} : {}),
	...(keyInfo?.multiRegion === undefined ? {} : {'kms:MultiRegion': keyInfo.multiRegion}),
	...resourceAliases(snapshot, keyInfo, side),
	...operationModule(snapshot.question.operation).requestContext?.(snapshot, 'kms'),
});

/**
 * A service principal's KMS request: S3 decrypts for it with the leg's encryption context. AWS documents no
 * forward access session (kms:ViaService, aws:CalledVia) for it, so a condition on those keys stays unknown.
 */
const serviceKmsContext = (
	snapshot: Snapshot,
	key: ResolvedKey,
	region: string | undefined,
	encryptionContextArn: string | undefined,
	keyInfo: Snapshot['key'],
	side: Side,
	keyFrom: KeyFrom,
): Record<string, ContextValue> => ({
	'aws:SecureTransport': true,
	...(region ? {'aws:RequestedRegion': region} : {}),
	...(encryptionContextArn === undefined ? {} : {'kms:EncryptionContext:aws:s3:arn': encryptionContextArn}),
	'kms:EncryptionContextKeys': encryptionContextKeys(keyFrom),
	...(key.account ? {'aws:ResourceAccount': key.account} : {}),
	...resourceAliases(snapshot, keyInfo, side),
	...operationModule(snapshot.question.operation).requestContext?.(snapshot, 'kms'),
});


/** The resource a key not resolved to an ARN is evaluated as: in the request's partition, so a statement on arn:aws-cn:kms:… covers it there. */
const unknownKeyArn = ({key, region, partition}: LegPlace): string =>
	kmsKeyArn(partition, key.region ?? region ?? 'unknown-region', key.account ?? 'unknown-account', key.named && !key.named.includes('/') && !key.named.startsWith('arn:') ? key.named : 'unknown');


const kmsActionSpec = (
	snapshot: Snapshot,
	place: LegPlace,
	keyFrom: KeyFrom,
	who: Who,
	common: Omit<ActionSpec, 'resource' | 'context'>,
	{context, settles: notCarried, httpsAssumed}: Carried,
): ActionSpec => {
	const resource = place.key.arn ?? unknownKeyArn(place);
	const unknownKey = place.key.arn ? {} : {unknownKey: unknownKeyOf(place, keyFrom, snapshot)};
	const settles = {
		...aliasesSettledBy(snapshot, context, common.side, resource),
		...bucketKeySettledBy(place, context, keyFrom),
		...regionSettledBy(place, context, common.actor, common.side),
		...viaServiceSettledBy(place, context, common.actor),
		...storedContextSettledBy(keyFrom),
		...who.settles,
		...notCarried,
	};
	return {...common, resource, context, ...(Object.keys(settles).length > 0 ? {settles} : {}), ...unknownKey, ...(httpsAssumed ? {httpsAssumed} : {})};
};


/** Who makes a leg's requests, as the snapshot knows it. */
export const principalOf = (snapshot: Snapshot, actor: Actor): Principal => {
	switch (actor.kind) {
		// The role a service assumes is the snapshot's principal (replication: the rule's role), with its own policies.
		case 'caller':
		case 'assumed-role':
			return snapshot.principal;
		case 'service':
			// A service principal has no policies of its own: only its name, which resource policies match.
			return {arn: actor.service};
	}
};

/** Whether an action applies to this request: always, when it may go in parts, or when its object may use an S3 Bucket Key. */
const applies = (when: LegAction['when'], multipart: ResolvedFacts['question']['multipart'], key: ResolvedKey): boolean =>
	when === 'always' || (when === 'multipart' ? multipart !== 'no' : key.bucketKeyEnabled !== false);

/** A leg's actions: its S3 actions always, its KMS actions when its object uses a KMS key; multipart ones unless it surely goes in one request. */
const legActions = (snapshot: Snapshot, facts: ResolvedFacts, leg: Leg): ActionSpec[] => {
	const place = placeOf(snapshot, facts, leg.side);
	if (!place) return [];
	const {question} = facts;
	const who = whoOf(snapshot, leg.actor);
	const {principal} = who;
	const callerAccount = principal ? parseCaller(principal.arn).account : undefined;
	const usesKms = place.key.source !== 'none';
	const encryptionContextArn = place.key.bucketKeyEnabled === 'unknown' ? undefined : place.key.bucketKeyEnabled ? place.bucketArn : place.objectArn;
	const keyFrom: KeyFrom = leg.side === 'source' ? 'object' : leg.facts.key;
	return leg.actions
		.filter(action => applies(action.when, question.multipart, place.key))
		.filter(action => action.service === 's3' || usesKms)
		.map((action): ActionSpec => {
			const onlyIf = action.when === 'multipart' && question.multipart === 'unknown' ? 'it goes in parts' : undefined;
			const common = {id: actionId(action.action, leg.side), action: action.action, purpose: action.purpose(question), side: leg.side, actor: leg.actor, ...(onlyIf ? {onlyIf} : {})};
			if (action.service === 's3') {
				const {context, settles: notCarried, httpsAssumed} = carried(snapshot, 's3', leg.actor, s3Context(snapshot, who, place.bucketAccount, place.region, action.sendsKeyHeaders, leg.actor));
				const settles = {...who.settles, ...notCarried};
				return {...common, service: 's3', resource: action.on === 'bucket' ? place.bucketArn : place.objectArn, context, ...(Object.keys(settles).length > 0 ? {settles} : {}), ...(httpsAssumed ? {httpsAssumed} : {})};
			}
			return kmsActionSpec(
				snapshot,
				place,
				keyFrom,
				who,
				{...common, service: 'kms'},
				carried(
					snapshot,
					'kms',
					leg.actor,
					leg.actor.kind === 'service'
						? serviceKmsContext(snapshot, place.key, place.region, encryptionContextArn, place.keyInfo, leg.side, keyFrom)
						: kmsContext(snapshot, who, place.key, callerAccount, place.region, encryptionContextArn, place.keyInfo, leg.side, leg.actor, keyFrom),
				),
			);
		});
};

export const requiredActions = (snapshot: Snapshot, facts: ResolvedFacts): ActionSpec[] =>
	legsInRequestOrder(facts.question.operation).flatMap(leg => legActions(snapshot, facts, leg));
