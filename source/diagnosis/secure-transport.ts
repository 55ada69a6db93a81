import type {Evaluation} from '../engine/evaluation.js';
import type {AssumedFact} from './diagnosis.js';
import type {ActionSpec} from './required-actions.js';

/**
 * Every request is evaluated with aws:SecureTransport true: the AWS CLI, the SDKs and the console send HTTPS. It is
 * an assumption all the same (a client pointed at an http:// endpoint sends HTTP), so where a statement that bore on
 * such a request tests the key, the report says it was assumed. A context that gives the key needs no assumption, nor a
 * request whose value AWS documents (S3's to KMS, which takes TLS only: operations/service-request-keys.ts).
 */
export const assumedHttps = (actions: readonly {readonly spec: ActionSpec; readonly evaluation: Evaluation}[]): AssumedFact | undefined => {
	const evaluations = actions.filter(action => action.spec.httpsAssumed).map(action => action.evaluation);
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
