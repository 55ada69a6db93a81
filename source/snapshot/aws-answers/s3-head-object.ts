import type {ObjectInfo} from '../snapshot.js';
import {field} from './json-access.js';
import {encryptionOf} from './s3-encryption.js';

/** s3:HeadObject: the object's encryption, its key and Bucket Key flag; `null` when not encrypted in a way this tool knows. */
export const objectInfoOf = (answer: unknown): ObjectInfo => ({
	encryption: encryptionOf(field(answer, 'ServerSideEncryption'), field(answer, 'SSEKMSKeyId'), field(answer, 'BucketKeyEnabled')) ?? null,
});
