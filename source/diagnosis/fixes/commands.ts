import type {PolicyJson} from '../../snapshot/snapshot.js';

/** The AWS CLI commands that write each kind of policy, one builder each, with the JSON inline and shell-quoted. */

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const compactJson = (value: unknown): string => JSON.stringify(value);

export const putKeyPolicyCommand = (keyArn: string, policy: PolicyJson): string =>
	`aws kms put-key-policy --key-id ${shellQuote(keyArn)} --policy-name default --policy ${shellQuote(compactJson(policy))}`;

export const putBucketPolicyCommand = (bucket: string, policy: PolicyJson): string =>
	`aws s3api put-bucket-policy --bucket ${shellQuote(bucket)} --policy ${shellQuote(compactJson(policy))}`;

export const newManagedPolicyVersionCommand = (policyArn: string, policy: PolicyJson): string =>
	`aws iam create-policy-version --policy-arn ${shellQuote(policyArn)} --set-as-default --policy-document ${shellQuote(compactJson(policy))}`;

export const putIdentityPolicyCommand = (entity: {readonly kind: 'role' | 'user'; readonly name: string}, policyName: string, policy: PolicyJson): string =>
	`aws iam put-${entity.kind}-policy --${entity.kind}-name ${shellQuote(entity.name)} --policy-name ${shellQuote(policyName)} --policy-document ${shellQuote(compactJson(policy))}`;
