import {accountOfArn} from '../../engine/arn.js';
import {isAccountId} from '../../names/index.js';
import type {ProfileRole, Snapshot} from '../../snapshot/snapshot.js';
import type {ActingRole, AppliesIn} from '../diagnosis.js';

/** Who must apply a fix: the account (when the ARN or snapshot names one) and its part in the request. */
export const appliesIn = (role: ActingRole, accountOrArn: string | undefined | null): AppliesIn => {
	const account = accountOrArn && isAccountId(accountOrArn) ? accountOrArn : accountOrArn ? accountOfArn(accountOrArn) : undefined;
	return {account: account && isAccountId(account) ? account : null, role};
};

/** The profile given for each part, preferred where several profiles read the account that must apply the fix. */
const givenFor: Readonly<Record<Exclude<ActingRole, 'requester'>, ProfileRole | undefined>> = {
	'caller-account': 'caller',
	'key-owner': 'key',
	'bucket-owner': 'bucket',
	'organization-management': undefined,
};

/**
 * The profile a live collection read the applying account with, for the fix's `--profile`: without it a pasted command
 * runs with the default credentials, often another account's. Never a guess: no account, or no profile of it, is none.
 * The changed request is sent as the caller itself, so only the profile whose identity is the snapshot's principal.
 */
export const applyingProfile = (snapshot: Snapshot, applies: AppliesIn): string | undefined => {
	const inAccount = (snapshot.metadata?.profiles ?? []).filter(profile => applies.account !== null && accountOfArn(profile.arn) === applies.account);
	if (applies.role === 'requester') return inAccount.find(profile => profile.arn === snapshot.principal?.arn)?.name;
	const part = givenFor[applies.role];
	return (inAccount.find(profile => part !== undefined && profile.roles.includes(part)) ?? inAccount[0])?.name;
};
