import type {ContextValue} from '../engine/context.js';
import {parseCaller} from '../engine/principal.js';
import {parseAccessKeyId, valueOf} from '../names/index.js';
import {commandInAccount} from '../snapshot/profiles.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {CallerSettlement, FindingInput, OperationFinding} from './types.js';

/**
 * What presigned downloads and uploads share: a presigned request runs with the permissions of whoever signed it,
 * at the time it is used (S3 User Guide, "Download and upload objects with presigned URLs"), so the caller is the
 * signer. Its findings read only the URL's facts the snapshot keeps (never its signature or token).
 */

const presignedPage = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html';

/** A presigned request authenticates in the query string, with the URL's signature version. */
export const presignedContext = (snapshot: Snapshot, service: 's3' | 'kms'): Readonly<Record<string, ContextValue>> => {
	const url = snapshot.presignedUrl;
	if (service !== 's3' || !url) return service === 's3' ? {'s3:authType': 'REST-QUERY-STRING'} : {};
	return {'s3:authType': 'REST-QUERY-STRING', 's3:signatureversion': url.signatureVersion === 4 ? 'AWS4-HMAC-SHA256' : 'AWS'};
};

/** KMS needs Signature Version 4: a SigV2 URL fails on every SSE-KMS object, whatever the policies say. */
export const sigV2CannotUseKms = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.presignedUrl?.signatureVersion === 2
		? {
				id: 'presigned-url-sigv2',
				severity: 'error',
				message:
					'The URL is signed with Signature Version 2 (AWSAccessKeyId and Signature): requests for SSE-KMS objects need Signature Version 4, and S3 answers "Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4".',
				remedy: 'Sign the URL with Signature Version 4 (X-Amz-Algorithm=AWS4-HMAC-SHA256): e.g. boto3 Config(signature_version="s3v4"), or any current AWS SDK or aws s3 presign.',
			}
		: undefined;

/** Temporary credentials end the URL when they expire, whatever its X-Amz-Expires says. */
export const temporaryCredentialsExpire = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const url = snapshot.presignedUrl;
	const key = valueOf(parseAccessKeyId(url?.accessKeyId ?? ''));
	if (!url || key?.kind !== 'temporary') return undefined;
	return {
		id: 'presigned-url-temporary-credentials',
		severity: 'warning',
		message: `The URL was signed with temporary credentials (${key.id}): it stops working when they expire, even before its own expiry${url.expiresAt ? ` (${url.expiresAt})` : ''} (${presignedPage}). AccessDenied or ExpiredToken after some hours, with no policy changed, is this.`,
		remedy: 'Sign with credentials that outlive the URL (a role session as long as the URL must last, or an IAM user for up to 7 days), or sign a new URL when it is needed.',
	};
};

/** Who signed it is known only as an access key ID: the principal must still be named. */
export const signerNotNamed = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const url = snapshot.presignedUrl;
	const key = valueOf(parseAccessKeyId(url?.accessKeyId ?? ''));
	if (snapshot.principal || !key) return undefined;
	const credentials = key.kind === 'temporary' ? 'temporary credentials, a role session' : 'long-term credentials, an IAM user';
	return {
		id: 'presigned-url-signer-unknown',
		severity: 'info',
		message: url?.signerAccount
			? `The URL was signed with access key ${key.id} (${credentials}) of account ${url.signerAccount} (sts:GetAccessKeyInfo): the permissions checked are that principal's, and it is not in the snapshot.`
			: `The URL names only the signer's access key ID ${key.id} (${credentials}): the permissions checked are that principal's, and it is not in the snapshot.`,
		remedy: url?.signerAccount
			? `Run check with a profile of that principal in account ${url.signerAccount} (${commandInAccount(snapshot, 'aws iam list-access-keys --user-name NAME', url.signerAccount)} there shows which user holds ${key.id}).`
			: `Find its principal: aws sts get-access-key-info --access-key-id ${key.id} gives its account; then run check with that principal's profile.`,
	};
};

/**
 * The request is the signer's: the snapshot's principal counts as the signer when its own credentials use the URL's
 * access key; it is set aside when that key belongs to another account (sts:GetAccessKeyInfo); otherwise it is kept
 * as a named assumption, since an access key ID alone does not say which principal holds it.
 */
export const settleSigner = (snapshot: Snapshot): CallerSettlement => {
	const url = snapshot.presignedUrl;
	const principal = snapshot.principal;
	const key = valueOf(parseAccessKeyId(url?.accessKeyId ?? ''));
	if (!url || !principal || url.signedByPrincipal === true) return {snapshot};
	const principalAccount = parseCaller(principal.arn).account;
	if (url.signerAccount && principalAccount && url.signerAccount !== principalAccount) {
		const {principal: _notTheSigner, ...rest} = snapshot;
		const reason = `The URL was signed with access key ${key?.id ?? '(unnamed)'} of account ${url.signerAccount} (sts:GetAccessKeyInfo), not by ${principal.arn} of account ${principalAccount}: the signer's policies were not read.`;
		const resolveWith = `a profile of the signer in account ${url.signerAccount}`;
		const notes = ['principal.identityPolicies', 'principal.permissionsBoundary'].map(path => ({path, reason, resolveWith}));
		return {snapshot: {...rest, unread: [...(snapshot.unread ?? []).filter(unread => !unread.path.startsWith('principal')), ...notes]}};
	}
	const compared = url.signedByPrincipal === false ? `its access key ${key?.id ?? ''} is not the one ${principal.arn} uses now` : key ? `the URL names only the access key ${key.id}` : 'the URL names no access key';
	const account = url.signerAccount ? `; that key is of the same account, ${url.signerAccount} (sts:GetAccessKeyInfo)` : '';
	return {snapshot, assumed: {id: 'signer-is-principal', statement: `the URL was signed by ${principal.arn}`, because: `${compared}${account}`}};
};

const sseHeaders = ['x-amz-server-side-encryption', 'x-amz-server-side-encryption-aws-kms-key-id'];

/** An upload that sends SSE-KMS headers must have signed them; the URL's X-Amz-SignedHeaders says whether it did. */
export const uploadSignsSseHeaders = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const url = snapshot.presignedUrl;
	if (!url?.signedHeaders || url.signatureVersion !== 4 || !snapshot.question.kmsKeyId) return undefined;
	const unsigned = sseHeaders.filter(header => !url.signedHeaders!.includes(header));
	if (unsigned.length === 0) return undefined;
	return {
		id: 'presigned-upload-sse-headers-unsigned',
		severity: 'warning',
		message: `The upload names the key ${snapshot.question.kmsKeyId}, but the URL's X-Amz-SignedHeaders (${url.signedHeaders.join(';')}) does not include ${unsigned.join(', ')}: an upload that sends them anyway does not match its signature, and one that leaves them out gets the bucket's default encryption instead. AWS's documentation does not state which answer S3 gives; SDKs sign these headers for this reason.`,
		remedy: 'Presign the PutObject with ServerSideEncryption and SSEKMSKeyId set, and send exactly those headers with the upload.',
	};
};
