import {fail, param, type FakeCall, type Handler} from './call.js';
import {canonicalIdOf, type FakeEncryption, type FakeReplicationRule} from './scenario.js';
import {escapeXml, requestId, restAnswer, type FakeResponse} from './wire.js';

const encryptionHeaders = (encryption: FakeEncryption | null): Record<string, string> => {
	if (!encryption) return {};
	return {
		'x-amz-server-side-encryption': encryption.algorithm,
		...(encryption.kmsKeyId ? {'x-amz-server-side-encryption-aws-kms-key-id': encryption.kmsKeyId} : {}),
		...(encryption.bucketKey ? {'x-amz-server-side-encryption-bucket-key-enabled': 'true'} : {}),
	};
};

const xml = (body: string): FakeResponse => restAnswer(200, {'content-type': 'application/xml'}, `<?xml version="1.0" encoding="UTF-8"?>${body}`);

const ruleXml = (rule: FakeReplicationRule): string =>
	`<Rule><ID>${escapeXml(rule.id)}</ID>${rule.priority === undefined ? '' : `<Priority>${rule.priority}</Priority>`}<Status>${rule.status}</Status>` +
	`<Filter><Prefix>${escapeXml(rule.prefix ?? '')}</Prefix></Filter>` +
	(rule.sseKmsEncryptedObjects ? `<SourceSelectionCriteria><SseKmsEncryptedObjects><Status>${rule.sseKmsEncryptedObjects}</Status></SseKmsEncryptedObjects></SourceSelectionCriteria>` : '') +
	`<Destination><Bucket>arn:aws:s3:::${escapeXml(rule.destinationBucket)}</Bucket>${rule.destinationAccount ? `<Account>${rule.destinationAccount}</Account>` : ''}` +
	(rule.replicaKmsKeyId ? `<EncryptionConfiguration><ReplicaKmsKeyID>${escapeXml(rule.replicaKmsKeyId)}</ReplicaKmsKeyID></EncryptionConfiguration>` : '') +
	`</Destination><DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>`;

/** An ACL with its owner's FULL_CONTROL grant (S3 no longer sends DisplayName). */
const aclXml = (ownerAccount: string): FakeResponse => {
	const owner = canonicalIdOf(ownerAccount);
	return xml(
		`<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner}</ID></Owner><AccessControlList><Grant>` +
			`<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${owner}</ID></Grantee><Permission>FULL_CONTROL</Permission>` +
			`</Grant></AccessControlList></AccessControlPolicy>`,
	);
};

const noSuchBucket = (call: FakeCall, bucket: string): FakeResponse =>
	fail(call, {status: 404, code: 'NoSuchBucket', message: `The specified bucket does not exist: ${bucket}`});

const wrongRegion = (call: FakeCall, region: string): FakeResponse => {
	if (call.head) return restAnswer(400, {'x-amz-bucket-region': region});
	const message = `The authorization header is malformed; the region '${call.region}' is wrong; expecting '${region}'`;
	return restAnswer(
		400,
		{'content-type': 'application/xml'},
		`<?xml version="1.0" encoding="UTF-8"?><Error><Code>AuthorizationHeaderMalformed</Code><Message>${escapeXml(message)}</Message><Region>${region}</Region><RequestId>${requestId()}</RequestId><HostId>fake</HostId></Error>`,
	);
};

/** S3 over REST/XML, path-style (`/bucket?policy`, `HEAD /bucket/key`). Reads only. */
export const handleS3: Handler = (call, world) => {
	const bucketName = param(call, 'Bucket') ?? '';
	const bucket = (world.scenario.buckets ?? []).find(candidate => candidate.name === bucketName);
	const regionHeader = bucket ? {'x-amz-bucket-region': bucket.region} : undefined;
	if (!bucket) return call.operation === 'HeadObject' || call.operation === 'HeadBucket' ? fail(call, {status: 404, code: 'NotFound', message: 'Not Found'}) : noSuchBucket(call, bucketName);
	// S3 answers a request signed for another Region with the bucket's own: in a header to HEAD (which has no body), in the error's Region element to the rest.
	if (world.checksS3Region && call.region !== bucket.region) return wrongRegion(call, bucket.region);
	const owner = bucket.account === call.caller.account;
	const expectedOwner = param(call, 'ExpectedBucketOwner');
	if (expectedOwner !== undefined && expectedOwner !== bucket.account) return fail(call, {status: 403, code: 'AccessDenied', message: 'Access Denied'}, regionHeader);
	switch (call.operation) {
		case 'HeadBucket':
			return restAnswer(200, {...regionHeader!, 'x-amz-access-point-alias': 'false'});
		case 'GetBucketLocation':
			return xml(`<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${bucket.region === 'us-east-1' ? '' : bucket.region}</LocationConstraint>`);
		case 'GetBucketPolicy':
			// S3 shows a bucket policy only to the owner's account, even to a principal its policy allows.
			if (!owner) {
				return fail(call, {status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.'});
			}
			if (!bucket.policy) return fail(call, {status: 404, code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist'});
			return restAnswer(200, {'content-type': 'application/json'}, JSON.stringify(bucket.policy));
		case 'GetBucketEncryption': {
			const encryption = bucket.encryption;
			if (!encryption) {
				return fail(call, {status: 404, code: 'ServerSideEncryptionConfigurationNotFoundError', message: 'The server side encryption configuration was not found'});
			}
			const keyId = encryption.kmsKeyId ? `<KMSMasterKeyID>${escapeXml(encryption.kmsKeyId)}</KMSMasterKeyID>` : '';
			const bucketKey = encryption.bucketKey === undefined ? '' : `<BucketKeyEnabled>${encryption.bucketKey}</BucketKeyEnabled>`;
			return xml(
				`<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${encryption.algorithm}</SSEAlgorithm>${keyId}</ApplyServerSideEncryptionByDefault>${bucketKey}</Rule></ServerSideEncryptionConfiguration>`,
			);
		}
		case 'GetBucketOwnershipControls':
			if (!bucket.ownership) return fail(call, {status: 404, code: 'OwnershipControlsNotFoundError', message: 'The bucket ownership controls were not found'});
			return xml(`<OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ObjectOwnership>${bucket.ownership}</ObjectOwnership></Rule></OwnershipControls>`);
		case 'GetBucketVersioning':
			// A bucket whose versioning was never set answers with no Status.
			return xml(`<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${bucket.versioning ? `<Status>${bucket.versioning}</Status>` : ''}</VersioningConfiguration>`);
		case 'GetBucketReplication':
			if (!owner) return fail(call, {status: 403, code: 'AccessDenied', message: 'Access Denied'});
			if (!bucket.replication) return fail(call, {status: 404, code: 'ReplicationConfigurationNotFoundError', message: 'The replication configuration was not found'});
			return xml(`<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Role>${escapeXml(bucket.replication.role)}</Role>${bucket.replication.rules.map(ruleXml).join('')}</ReplicationConfiguration>`);
		case 'GetBucketAcl':
			// READ_ACP on the bucket: its owner's (the fake models no grant to others).
			if (!owner) return fail(call, {status: 403, code: 'AccessDenied', message: 'Access Denied'});
			return aclXml(bucket.account);
		case 'GetObjectAcl': {
			const key = param(call, 'Key') ?? '';
			const object = (world.scenario.objects ?? []).find(candidate => candidate.bucket === bucket.name && candidate.key === key);
			if (!object) return fail(call, {status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.'});
			const objectOwner = object.owner ?? bucket.account;
			// READ_ACP on the object: its owner's, and the bucket owner's (as with bucket-owner-full-control, the usual upload).
			if (call.caller.account !== objectOwner && !owner) return fail(call, {status: 403, code: 'AccessDenied', message: 'Access Denied'});
			return aclXml(objectOwner);
		}
		case 'HeadObject': {
			const key = param(call, 'Key') ?? '';
			const object = (world.scenario.objects ?? []).find(candidate => candidate.bucket === bucket.name && candidate.key === key);
			if (!object) return fail(call, {status: 404, code: 'NotFound', message: 'Not Found'});
			return restAnswer(200, {
				'content-length': '1024',
				'content-type': 'application/octet-stream',
				etag: '"0123456789abcdef0123456789abcdef"',
				'last-modified': 'Mon, 15 Jan 2024 10:00:00 GMT',
				...encryptionHeaders(object.encryption),
			});
		}
		default:
			return fail(call, {status: 501, code: 'NotImplemented', message: `The fake does not implement ${call.operation}`});
	}
};
