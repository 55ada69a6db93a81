import {accountOfArn} from '../../engine/arn.js';
import {parseCaller} from '../../engine/principal.js';
import {shellQuote} from '../../shared/shell.js';
import {bucketPolicyRead, keyPolicyRead} from '../../diagnosis/read-commands.js';

/**
 * Under each paste question: the AWS CLI command that prints what it asks for, filled in with what is
 * already known, and where it has to run. Where a read works only in one account, AWS documents it:
 * GetKeyPolicy "Cross-account use: No. You cannot perform this operation on a KMS key in a different
 * AWS account"; GetBucketPolicy: the caller must "belong to the bucket owner's account in order to use
 * this operation"; ListPoliciesForTarget runs in the management account or a delegated administrator.
 */

export type FetchHint = {
	/** One command a line; NAME and ARN stand for what the previous command lists. */
	readonly commands: readonly string[];
	/** Which account's credentials, and why. */
	readonly where: string;
};

const inAccount = (account: string | undefined, whose: string): string => (account ? `account ${account}, ${whose}` : whose);

export const keyPolicyHint = (keyArn: string | undefined): FetchHint => ({
	commands: [keyPolicyRead(keyArn ?? 'KEY_ARN')],
	where: `Run it with credentials of ${inAccount(keyArn ? accountOfArn(keyArn) : undefined, "the key's own account")}: a key policy can be read only from there.`,
});

export const bucketPolicyHint = (bucket: string, bucketAccount: string | undefined): FetchHint => ({
	commands: [bucketPolicyRead(bucket)],
	where: `Run it with credentials of ${inAccount(bucketAccount, "the bucket owner's account")}: only the owner can read a bucket policy (NoSuchBucketPolicy means there is none).`,
});

/** The caller's IAM user or role, which owns the identity policies and the boundary. */
const owner = (principalArn: string): {readonly kind: 'user' | 'role'; readonly name: string} | undefined => {
	const caller = parseCaller(principalArn);
	if (caller.kind === 'session' && caller.roleName) return {kind: 'role', name: caller.roleName};
	if ((caller.kind === 'role' || caller.kind === 'user') && caller.name) return {kind: caller.kind, name: caller.name};
	return undefined;
};

const managedPolicyCommandOf = (arn: string): string =>
	`aws iam get-policy-version --policy-arn ${arn} --version-id $(aws iam get-policy --policy-arn ${arn} --query Policy.DefaultVersionId --output text)`;
const managedPolicyCommand = managedPolicyCommandOf('ARN');

export const identityPoliciesHint = (principalArn: string): FetchHint => {
	const who = owner(principalArn);
	const kind = who?.kind ?? 'role';
	const flag = `--${kind}-name ${who?.name ?? 'NAME'}`;
	return {
		commands: [
			`aws iam list-${kind}-policies ${flag}`,
			// Its whole output names the policy (unwrap-aws-output.ts keeps the names): a Deny in it can then be narrowed in place.
			`aws iam get-${kind}-policy ${flag} --policy-name NAME   (paste all it prints: it names the policy a fix rewrites)`,
			`aws iam list-attached-${kind}-policies ${flag}`,
			managedPolicyCommand,
			...(kind === 'user' ? [`aws iam list-groups-for-user ${flag}   (each group's policies count too)`] : []),
		],
		where: `Run them with credentials of ${inAccount(accountOfArn(principalArn), "the caller's account")}, where the ${kind} is.`,
	};
};

/** `boundaryArn`: the boundary a read named (its document not read): only its document is left to print. */
export const boundaryHint = (principalArn: string, boundaryArn?: string): FetchHint => {
	if (boundaryArn !== undefined) {
		return {
			commands: [managedPolicyCommandOf(shellQuote(boundaryArn))],
			where: `Run it with credentials that may read IAM policies in ${inAccount(accountOfArn(principalArn), "the caller's account")} (iam:GetPolicy, iam:GetPolicyVersion).`,
		};
	}
	const who = owner(principalArn);
	const kind = who?.kind ?? 'role';
	const capitalised = kind === 'role' ? 'Role' : 'User';
	return {
		commands: [`aws iam get-${kind} --${kind}-name ${who?.name ?? 'NAME'} --query ${capitalised}.PermissionsBoundary.PermissionsBoundaryArn --output text`, managedPolicyCommand],
		where: `Run them with credentials of ${inAccount(accountOfArn(principalArn), "the caller's account")}; no ARN printed means no boundary.`,
	};
};

export const scpHint = (principalArn: string): FetchHint => {
	const account = accountOfArn(principalArn) ?? 'ACCOUNT';
	return {
		commands: [
			`aws organizations list-parents --child-id ${account}   (then each parent's parent, up to the root)`,
			'aws organizations list-policies-for-target --target-id ID --filter SERVICE_CONTROL_POLICY',
			'aws organizations describe-policy --policy-id POLICY_ID --query Policy.Content --output text',
		],
		where: "Run them in the organization's management account (or a delegated administrator): member accounts cannot read SCPs.",
	};
};

/** A CloudTrail event of the refused KMS call: S3 calls KMS on the caller's behalf, so the key's account records it. */
export const cloudTrailHint = (): FetchHint => ({
	commands: ['aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=Decrypt --max-results 5'],
	where: "Run it in the key's account and Region (GenerateDataKey instead of Decrypt for an upload); paste its whole output, or the error as the CLI or SDK printed it.",
});

/** The hint as the lines under a question: the commands, then where to run them. */
export const hintText = (hint: FetchHint): string => [...hint.commands.map(command => `$ ${command}`), hint.where].join('\n');
