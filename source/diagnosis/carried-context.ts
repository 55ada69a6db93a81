import type {ContextValue} from '../engine/context.js';
import {keysOnServiceRequest, kmsRequest, ownKeyNotSet, ownKeys, s3RequestOf, servicePrincipalOnlyKeys, type ServiceRequest} from '../operations/service-request-keys.js';
import {operationModule} from '../operations/registry.js';
import type {Actor} from '../operations/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/*
 * Of the snapshot's requestContext (the caller's own request), what each request the diagnosis evaluates carries: all of
 * it on the caller's own S3 request; on a request a service makes, what operations/service-request-keys.ts says.
 */

export type Carried = {readonly context: Record<string, ContextValue>; readonly settles: Readonly<Record<string, string>>; readonly httpsAssumed?: true};

const givesSecureTransport = (context: Readonly<Record<string, ContextValue>>): boolean => Object.keys(context).some(key => key.toLowerCase() === 'aws:securetransport');

/** The request a service makes for the actor, if this one is: every KMS request, and an S3 request not the caller's own. */
const serviceRequestOf = (snapshot: Snapshot, service: 's3' | 'kms', actor: Actor): ServiceRequest | undefined =>
	service === 'kms' ? kmsRequest(actor) : (s3RequestOf(actor) ?? operationModule(snapshot.question.operation).serviceRequest?.(snapshot));

// The caller's own request is made by a user, role or session, never a service principal: IAM puts these keys in no such request.
const absentOnOwnRequest: Readonly<Record<string, ContextValue>> = Object.fromEntries(servicePrincipalOnlyKeys.map(key => [key, null]));

/**
 * The context as the request really carries it: the caller's own request carries the snapshot's requestContext; a
 * request a service makes carries of it only what service-request-keys.ts says, and the keys it sets itself stay its own.
 */
export const carried = (snapshot: Snapshot, service: 's3' | 'kms', actor: Actor, own: Record<string, ContextValue>): Carried => {
	const request = serviceRequestOf(snapshot, service, actor);
	const callerContext = snapshot.requestContext ?? {};
	const httpsAssumed = givesSecureTransport(callerContext) ? {} : {httpsAssumed: true as const};
	if (!request) {
		// Where a service request may make it (a service not named), who makes it, and so what it carries, is not known.
		const madeByIdentity = operationModule(snapshot.question.operation).serviceRequest === undefined || snapshot.service !== undefined;
		// Keys are case-insensitive: a value the requestContext gives as aws:sourceaccount wins over the absence.
		const given = new Set(Object.keys(callerContext).map(key => key.toLowerCase()));
		const absent = madeByIdentity ? Object.fromEntries(Object.entries(absentOnOwnRequest).filter(([key]) => !given.has(key.toLowerCase()))) : {};
		return {context: {...own, ...absent, ...callerContext}, settles: {}, ...httpsAssumed};
	}
	const {context: fromCaller, notCarried, notOfResource} = keysOnServiceRequest(request, callerContext);
	// Condition keys are case-insensitive: a requestContext may write aws:sourcevpce.
	const dropped = new Set(Object.keys(notCarried).map(key => key.toLowerCase()));
	const context = Object.fromEntries(Object.entries({...own, ...fromCaller}).filter(([key]) => !dropped.has(key.toLowerCase())));
	const ownNotSet = Object.fromEntries(ownKeys.filter(key => context[key] === undefined).map(key => [key, ownKeyNotSet(request.request, key)]));
	// The caller's resource keys are not the request's; where it sets its own (the key's account), that one stands.
	const held = new Set(Object.keys(context).map(key => key.toLowerCase()));
	const resourceNotKnown = Object.fromEntries(Object.entries(notOfResource).filter(([key]) => !held.has(key.toLowerCase())));
	return {context, settles: {...notCarried, ...resourceNotKnown, ...ownNotSet}, ...(request.secureTransport.rule === 'carried' && context['aws:SecureTransport'] === true ? httpsAssumed : {})};
};
