import type {Place} from './diagnosis.js';

/** Each place as a sentence names it: "the key policy", "the service control policies". Shared with the reports. */
export const placeWords: Readonly<Record<Place, string>> = {
	'key-policy': 'key policy',
	'key-grant': 'KMS grants',
	'identity-policy': 'IAM identity policies',
	'bucket-policy': 'bucket policy',
	'permissions-boundary': 'permissions boundary',
	'session-policy': 'session policy',
	scp: 'service control policies',
	rcp: 'resource control policies',
};
