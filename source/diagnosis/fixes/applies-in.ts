import {accountOfArn} from '../../engine/arn.js';
import {isAccountId} from '../../names/index.js';
import {profileOfAccount} from '../../snapshot/profiles.js';
import type {ProfileRole} from '../../snapshot/provenance.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
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

/** The profile that applies a fix (profileOfAccount): the changed request is sent as the caller itself, so only its own. */
export const applyingProfile = (snapshot: Snapshot, applies: AppliesIn): string | undefined =>
	profileOfAccount(snapshot, applies.account, applies.role === 'requester' ? 'principal' : givenFor[applies.role]);
