import {notA, parsed, type Parsed} from './name-error.js';

/**
 * IAM User Guide, "Unique identifier prefixes": AKIA is an access key, ASIA a temporary (AWS STS) access key.
 * An access key ID is 16 to 128 characters (IAM API Reference, AccessKeyMetadata).
 */
export const accessKeyIdSource = '(AKIA|ASIA)[A-Z0-9]{12,124}';

const accessKeyId = new RegExp(`^${accessKeyIdSource}$`);

export type AccessKeyKind = 'long-term' | 'temporary';

export type AccessKeyId = {readonly id: string; readonly kind: AccessKeyKind};

export const parseAccessKeyId = (text: string): Parsed<AccessKeyId> => {
	if (accessKeyId.test(text)) return parsed({id: text, kind: text.startsWith('ASIA') ? 'temporary' : 'long-term'});
	return notA('an access key ID', 'it starts with AKIA (long-term) or ASIA (temporary), such as AKIAIOSFODNN7EXAMPLE');
};
