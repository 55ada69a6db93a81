import {parseArn} from '../../engine/arn.js';
import {shellQuote} from '../../shared/shell.js';
import {withProfile} from '../../snapshot/profiles.js';
import type {Question} from '../../snapshot/question.js';
import type {KeyGrant, PolicyJson} from '../../snapshot/snapshot.js';

/** The AWS CLI commands that write each kind of policy, one builder each, with the JSON inline and shell-quoted. */

export const compactJson = (value: unknown): string => JSON.stringify(value);

/** KMS answers a key's calls only in the key's Region, whatever the profile's default Region: the key ARN's, as `--region`. */
export const keyRegionOption = (keyArn: string): string => {
	const region = parseArn(keyArn)?.region;
	return region ? ` --region ${shellQuote(region)}` : '';
};

/** A disabled key's remedy, run by its owner: KMS re-enables it in the key's Region. */
export const enableKeyCommand = (keyArn: string): string => `aws kms enable-key --key-id ${shellQuote(keyArn)}${keyRegionOption(keyArn)}`;

/** A key pending deletion's first remedy (it leaves the key disabled, so enable-key follows). */
export const cancelKeyDeletionCommand = (keyArn: string): string => `aws kms cancel-key-deletion --key-id ${shellQuote(keyArn)}${keyRegionOption(keyArn)}`;

export const putKeyPolicyCommand = (keyArn: string, policy: PolicyJson): string =>
	`aws kms put-key-policy --key-id ${shellQuote(keyArn)}${keyRegionOption(keyArn)} --policy-name default --policy ${shellQuote(compactJson(policy))}`;

export const putBucketPolicyCommand = (bucket: string, policy: PolicyJson): string =>
	`aws s3api put-bucket-policy --bucket ${shellQuote(bucket)} --policy ${shellQuote(compactJson(policy))}`;

export const newManagedPolicyVersionCommand = (policyArn: string, policy: PolicyJson): string =>
	`aws iam create-policy-version --policy-arn ${shellQuote(policyArn)} --set-as-default --policy-document ${shellQuote(compactJson(policy))}`;

/**
 * IAM refuses a sixth version of a managed policy, and no read tells how many it has: what settles it, in one clause, the
 * read run with the profile of the account that writes the new version.
 */
export const managedPolicyVersionsUnknown = (policyArn: string, profile: string | undefined): string =>
	`IAM keeps at most five versions of a managed policy and refuses another while there are five, and how many this one has is not known: ${withProfile(`aws iam list-policy-versions --policy-arn ${shellQuote(policyArn)}`, profile)} lists them, and aws iam delete-policy-version removes one that is not the default`;

export const putIdentityPolicyCommand = (entity: {readonly kind: 'role' | 'user' | 'group'; readonly name: string}, policyName: string, policy: PolicyJson): string =>
	`aws iam put-${entity.kind}-policy --${entity.kind}-name ${shellQuote(entity.name)} --policy-name ${shellQuote(policyName)} --policy-document ${shellQuote(compactJson(policy))}`;

/** The request itself, changed: `aws s3 cp` naming the key, so S3 gets both SSE-KMS headers. */
export const changedUploadCommand = (question: Question, keyArn: string): string => {
	const destination = `s3://${question.bucket}/${question.objectKey}`;
	const source = question.operation === 'copy' && question.source ? `s3://${question.source.bucket}/${question.source.objectKey}` : question.objectKey.split('/').pop() || 'FILE';
	return `aws s3 cp ${shellQuote(source)} ${shellQuote(destination)} --sse aws:kms --sse-kms-key-id ${shellQuote(keyArn)}`;
};

/** A KMS grant for the caller, its encryption-context constraint in the JSON the CLI takes. */
export const createGrantCommand = (keyArn: string, grant: KeyGrant): string => {
	const constraints = grant.constraints?.encryptionContextSubset
		? {EncryptionContextSubset: grant.constraints.encryptionContextSubset}
		: grant.constraints?.encryptionContextEquals
			? {EncryptionContextEquals: grant.constraints.encryptionContextEquals}
			: undefined;
	return `aws kms create-grant --key-id ${shellQuote(keyArn)}${keyRegionOption(keyArn)} --grantee-principal ${shellQuote(grant.granteePrincipal)} --operations ${grant.operations.join(' ')}${constraints ? ` --constraints ${shellQuote(compactJson(constraints))}` : ''}${grant.name ? ` --name ${shellQuote(grant.name)}` : ''}`;
};
