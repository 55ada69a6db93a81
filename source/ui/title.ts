/** The wizard's first line, shared by the splash (drawn before Ink loads) and the conversation. */
export const wizardTitle = 's3-kms-doctor · why S3 says AccessDenied on an SSE-KMS object';
