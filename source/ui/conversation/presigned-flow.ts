import {parsePresignedUrl, type PresignedUrlFacts} from '../../inputs/presigned-url/parse-presigned-url.js';
import {operationModule} from '../../operations/registry.js';
import type {PresignedUrlInfo} from '../../snapshot/operation-facts.js';
import type {Operation} from '../../snapshot/snapshot.js';
import {ask} from './flow-steps.js';
import type {Ending, Flow} from './flow-types.js';
import {presignedUrlQuestion} from './presigned-questions.js';

/**
 * For a request made with a presigned URL: the URL, asked right after the operation, since it names the bucket and
 * the object (they are then not asked) and its signer's access key. Nothing of its credentials is kept.
 */
export function* presignedUrlFlow(operation: Operation): Flow<PresignedUrlFacts | undefined> {
	if (operationModule(operation).givenFact !== 'presigned-url') return undefined;
	const answer = yield* ask(presignedUrlQuestion);
	const parsed = answer === '' ? undefined : parsePresignedUrl(answer);
	return parsed?.ok ? parsed.value : undefined;
}

/**
 * The ending's snapshot with the URL's facts. A live read has already compared the signer with the profile; offline,
 * the principal was given in answer to "who signed the URL", so it is the signer.
 */
export const withPresignedUrl = (ending: Ending, url: PresignedUrlInfo | undefined): Ending => {
	if (!url) return ending;
	const {snapshot} = ending;
	const info = snapshot.presignedUrl ?? (ending.mode === 'manual' && snapshot.principal ? {...url, signedByPrincipal: true} : url);
	return {...ending, snapshot: {...snapshot, presignedUrl: info}};
};
