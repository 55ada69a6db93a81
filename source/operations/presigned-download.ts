import {download} from './download.js';
import {presignedContext, settleSigner, signerNotNamed, sigV2CannotUseKms, temporaryCredentialsExpire} from './presigned-url.js';
import type {OperationModule} from './types.js';

/**
 * A download with a presigned URL: the download's legs and actions, made by the URL's signer (the snapshot's
 * principal) when the URL is used. Its own findings come from the URL: its signature version and its credentials.
 */
export const presignedDownload: OperationModule<'presigned-download'> = {
	...download,
	name: 'presigned-download',
	wording: {
		label: 'Download with a presigned URL',
		hint: 'GET, as the signer',
		phrase: 'presigned download of',
		doing: question => `Downloading s3://${question.bucket}/${question.objectKey} with a presigned URL`,
		request: question => `the presigned download of s3://${question.bucket}/${question.objectKey}`,
	},
	// An error from a presigned URL reads as a plain GetObject one: the download module claims it.
	recognition: {apiCalls: [], actions: [], cliTransfers: []},
	findings: [sigV2CannotUseKms, temporaryCredentialsExpire, signerNotNamed],
	requestContext: presignedContext,
	givenFact: 'presigned-url',
	settleCaller: settleSigner,
};
