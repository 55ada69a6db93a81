import {accountOfArn} from '../engine/arn.js';
import {isProfileName} from '../names/index.js';
import {shellQuote} from '../shared/shell.js';
import type {ProfileRole} from './provenance.js';
import type {Snapshot} from './snapshot.js';

/**
 * The profile a live collection read `account` with, for a pasted command's `--profile`: without it the command runs
 * with the default credentials, often another account's. Of several in the account, the one given as `part`; as
 * `principal`, only the one whose identity is the snapshot's principal (a request sent as the caller itself). Never a
 * guess: no account, or no profile of it, is none; nor a name a shell or terminal could misread (a snapshot built in
 * code skips the schema that refuses one).
 */
export const profileOfAccount = (snapshot: Snapshot, account: string | null | undefined, part: ProfileRole | 'principal' | undefined): string | undefined => {
	const inAccount = (snapshot.metadata?.profiles ?? []).filter(profile => Boolean(account) && accountOfArn(profile.arn) === account && isProfileName(profile.name));
	if (part === 'principal') return inAccount.find(profile => profile.arn === snapshot.principal?.arn)?.name;
	return (inAccount.find(profile => part !== undefined && profile.roles.includes(part)) ?? inAccount[0])?.name;
};

/** `--profile NAME` after an AWS CLI command; text that is not one (a comment standing for a command) is left as it is. */
export const withProfile = (command: string, profile: string | undefined): string =>
	profile !== undefined && command.startsWith('aws ') ? `${command} --profile ${shellQuote(profile)}` : command;

/**
 * An AWS CLI command the report tells the user to run, a read or a change, in `account`, the one that owns what it reads
 * or changes: with that account's profile (profileOfAccount), or none where the account or its profile is not known.
 */
export const commandInAccount = (snapshot: Snapshot, command: string, account: string | null | undefined, part?: ProfileRole | 'principal'): string =>
	withProfile(command, profileOfAccount(snapshot, account, part));
