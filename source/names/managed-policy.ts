/**
 * An AWS managed policy (`arn:aws:iam::aws:policy/…`): AWS writes its versions, so no account can change it; a fix
 * can only leave it alone or attach another policy.
 */
export const isAwsManagedPolicyArn = (arn: string | undefined): boolean => arn !== undefined && /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
