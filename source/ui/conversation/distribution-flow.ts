import {operationModule} from '../../operations/registry.js';
import type {DistributionInfo} from '../../snapshot/operation-facts.js';
import type {Operation, Snapshot} from '../../snapshot/snapshot.js';
import {ask} from './flow-steps.js';
import type {Ending, Flow} from './flow-types.js';
import * as questions from './distribution-questions.js';

/**
 * For an operation a service principal makes (CloudFront's read through origin access control): the distribution it
 * acts for, which nothing the wizard reads can tell. Asked after the target, before the reads or the pastes.
 */
export function* distributionFlow(operation: Operation): Flow<DistributionInfo | undefined> {
	if (operationModule(operation).givenFact !== 'distribution') return undefined;
	const arn = yield* ask(questions.distributionArnQuestion);
	const access = yield* ask(questions.originAccessQuestion);
	const origin: Pick<DistributionInfo, 'originAccess' | 'originType'> =
		access === 'oac'
			? {originAccess: 'origin-access-control', originType: 's3-rest'}
			: access === 'oai'
				? {originAccess: 'origin-access-identity', originType: 's3-rest'}
				: access === 'website'
					? {originAccess: 'none', originType: 's3-website'}
					: access === 'none'
						? {originAccess: 'none'}
						: {};
	return {...(arn ? {arn} : {}), ...origin};
}

/** The ending's snapshot with the distribution; the profile's own principal does not make this request. */
export const withDistribution = (ending: Ending, distribution: DistributionInfo | undefined): Ending => {
	if (!distribution) return ending;
	const {principal: _principal, ...snapshot}: Snapshot = ending.snapshot;
	return {...ending, snapshot: {...snapshot, distribution}};
};
