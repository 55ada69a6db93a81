import {GetAccessKeyInfoCommand} from '@aws-sdk/client-sts';
import {accessKeyAccountOf} from '../snapshot/aws-answers/index.js';
import type {PresignedUrlInfo} from '../snapshot/operation-facts.js';
import type {Reader} from './reader.js';
import {sessionLabel, type Session} from './session.js';

/**
 * Who signed a presigned URL, as far as it can be told without a secret: whether the caller's own credentials use the
 * URL's access key (compared here, no call), else the key's account (sts:GetAccessKeyInfo, a read). The URL's facts
 * come back with what was learnt; a read that fails leaves the account out, and its note says which permission would tell it.
 */
export const readSigner = async (reader: Reader, caller: Session, url: PresignedUrlInfo): Promise<PresignedUrlInfo> => {
	const accessKeyId = url.accessKeyId;
	if (!accessKeyId) return url;
	if (caller.accessKeyId === accessKeyId) return {...url, signedByPrincipal: true};
	const outcome = await reader.call(`${caller.name}:sts:GetAccessKeyInfo`, `sts:GetAccessKeyInfo (${sessionLabel(caller)})`, signal =>
		caller.clients.sts().send(new GetAccessKeyInfoCommand({AccessKeyId: accessKeyId}), {abortSignal: signal}),
	);
	const signerAccount = outcome.ok ? accessKeyAccountOf(outcome.value) : undefined;
	if (!signerAccount) {
		reader.note(
			'presignedUrl.signerAccount',
			`which account the URL's access key ${accessKeyId} belongs to${outcome.ok ? ': AWS named none' : `: ${reader.explain(outcome.failure)}`}`,
			`sts:GetAccessKeyInfo for ${accessKeyId} (aws sts get-access-key-info --access-key-id ${accessKeyId})`,
		);
	}
	return {...url, signedByPrincipal: false, ...(signerAccount ? {signerAccount} : {})};
};
