/**
 * A copy's own words, in one place (with issue #9 they move into the copy operation's module): a copy
 * made in parts calls UploadPartCopy, not UploadPart, and reads a source object, not a file.
 */
export const copyPurposes = {
	multipartPut: (size: string, threshold: string): string =>
		`CreateMultipartUpload, UploadPartCopy and CompleteMultipartUpload write the destination object (${size}, copied in parts above ${threshold})`,
	multipartDecrypt: "UploadPartCopy and CompleteMultipartUpload: S3 decrypts the destination's upload data key to encrypt and assemble each part",
	maybeMultipartDecrypt: "needed if the copy is made in parts (the source object's size is not known; tools copy large objects with UploadPartCopy)",
} as const;

/** The finding that explains why large copies fail while small ones work. */
export const copyMultipartFinding = (size: string | undefined, threshold: string): string =>
	`${size === undefined ? 'Large objects are' : `A ${size} object is`} copied in parts (UploadPartCopy above ${threshold}), and a copy in parts to an SSE-KMS destination needs kms:Decrypt as well as kms:GenerateDataKey on the destination's key. That is why small objects copy but large ones fail with AccessDenied.`;
