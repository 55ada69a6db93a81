import {parseCaller} from '../engine/principal.js';
import {parsePrincipalArn} from '../names/index.js';
import {isObject} from '../shared/json.js';
import type {PolicyJson, Snapshot} from './snapshot.js';

/**
 * The ARN of the role behind the snapshot's session, path included. IAM names a role
 * "arn:aws:iam::account:role/role-name-with-path" and a session "arn:aws:sts::account:assumed-role/role-name/role-session-name":
 * the session's ARN leaves the path out, so the role's ARN is known only where it was read or given (principal.roleArn),
 * or where a bucket or key policy's Principal names the role. AWS refuses a Principal naming a role that does not exist
 * ("Invalid principal in policy") and, once a role is deleted, shows its unique ID "because AWS can no longer map it back
 * to a valid ARN": a role ARN in a Principal, of the session's account and role name, is that role's.
 */
export const sessionRoleArn = (snapshot: Snapshot): string | undefined => {
	const principal = snapshot.principal;
	if (!principal) return undefined;
	const caller = parseCaller(principal.arn);
	if (caller.kind !== 'session') return undefined;
	if (principal.roleArn) return principal.roleArn;
	const named = new Set(resourcePolicies(snapshot).flatMap(document => awsPrincipals(document)).filter(arn => {
		const role = parsePrincipalArn(arn);
		return role.ok && role.value.kind === 'role' && role.value.account === caller.account && role.value.partition === caller.partition && role.value.name === caller.roleName;
	}));
	// Two ARNs for one role name cannot both be saved: read that way, the snapshot does not say which is the role's.
	return named.size === 1 ? [...named][0] : undefined;
};

/** The role behind the snapshot's session as words may name it: by its ARN where the snapshot says it, else by its name and account, never by an ARN the path is missing from. */
export const sessionRoleNamed = (snapshot: Snapshot): string | undefined => {
	const caller = snapshot.principal ? parseCaller(snapshot.principal.arn) : undefined;
	if (caller?.kind !== 'session' || !caller.roleName) return undefined;
	return sessionRoleArn(snapshot) ?? `role ${caller.roleName}${caller.account ? ` in account ${caller.account}` : ''}`;
};

/**
 * IAM: for a role, aws:PrincipalArn is "the ARN of the role", path included; a session's ARN names the role without its
 * path. Where the snapshot does not say the role's ARN (sessionRoleArn), a session's aws:PrincipalArn stays unknown, with
 * the read that settles it.
 */
export const principalArnSettledBy = (principalArn: string): Record<string, string> => {
	const caller = parseCaller(principalArn);
	if (caller.kind !== 'session') return {};
	return {'aws:PrincipalArn': `the ARN of role ${caller.roleName ?? ''}, with its path, which a session's ARN leaves out: iam:GetRole on role ${caller.roleName ?? ''}${caller.account ? ` in account ${caller.account}` : ''} (its Arn), or give it in principal.roleArn`};
};

const resourcePolicies = (snapshot: Snapshot): PolicyJson[] =>
	[snapshot.key?.policy, snapshot.bucket?.policy, snapshot.source?.keyInfo?.policy, snapshot.source?.bucketInfo?.policy].filter(
		(document): document is PolicyJson => isObject(document),
	);

const awsPrincipals = (document: PolicyJson): string[] => {
	const statement = document['Statement'];
	const statements = Array.isArray(statement) ? statement : [statement];
	return statements.flatMap(entry => {
		const principal = isObject(entry) ? entry['Principal'] : undefined;
		const aws = isObject(principal) ? principal['AWS'] : undefined;
		return (Array.isArray(aws) ? aws : [aws]).filter((value): value is string => typeof value === 'string');
	});
};
