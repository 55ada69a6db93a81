import type {Evaluation} from '../engine/evaluation.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {AssumedFact} from './diagnosis.js';

/**
 * Every request is evaluated with aws:SecureTransport true: the AWS CLI, the SDKs and the console send HTTPS. It is
 * an assumption all the same (a client pointed at an http:// endpoint sends HTTP), so where a statement that bore on
 * the request tests the key, the report says it was assumed; a context that gives the key needs no assumption.
 */
export const assumedHttps = (snapshot: Snapshot, evaluations: readonly Evaluation[]): AssumedFact | undefined => {
	if (Object.keys(snapshot.requestContext ?? {}).some(key => key.toLowerCase() === 'aws:securetransport')) return undefined;
	const tested = evaluations.some(evaluation =>
		evaluation.layers.some(layer =>
			layer.policies.some(policy => policy.relevant.some(trace => trace.conditions.some(condition => condition.clause.key.toLowerCase() === 'aws:securetransport'))),
		),
	);
	if (!tested) return undefined;
	return {
		id: 'https',
		statement: 'the request is sent over HTTPS (aws:SecureTransport true), as the AWS CLI, the SDKs and the console send it unless pointed at an http:// endpoint',
	};
};
