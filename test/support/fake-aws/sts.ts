import {fail, param, type Handler} from './call.js';
import {queryAnswer} from './wire.js';

let sessionCounter = 0;

/**
 * STS over the query protocol: GetCallerIdentity, GetAccessKeyInfo, and AssumeRole for role profiles' source credentials;
 * AssumeRoleWithWebIdentity (unsigned, as AWS takes it) for web-identity profiles.
 */
export const handleSts: Handler = (call, world) => {
	if (call.operation === 'GetCallerIdentity') {
		return queryAnswer('sts', 'GetCallerIdentity', {Arn: call.caller.arn, UserId: call.caller.userId, Account: call.caller.account});
	}
	if (call.operation === 'GetAccessKeyInfo') {
		const id = param(call, 'AccessKeyId') ?? '';
		const account = world.credentials.get(id)?.account ?? world.scenario.foreignAccessKeys?.[id];
		if (!account) return fail(call, {status: 400, code: 'InvalidParameterValue', message: `The access key ID ${id} is not valid`});
		return queryAnswer('sts', 'GetAccessKeyInfo', {Account: account});
	}
	if (call.operation === 'AssumeRole' || call.operation === 'AssumeRoleWithWebIdentity') {
		const roleArn = param(call, 'RoleArn') ?? '';
		const sessionName = param(call, 'RoleSessionName') ?? 'session';
		const webIdentity = call.operation === 'AssumeRoleWithWebIdentity';
		// Unsigned: the token is the caller's only proof (any non-empty one is taken).
		if (webIdentity && !param(call, 'WebIdentityToken')) return fail(call, {status: 400, code: 'InvalidIdentityToken', message: 'The web identity token is missing'});
		const role = (world.scenario.roles ?? []).find(candidate => `arn:aws:iam::${candidate.account}:role${candidate.path ?? '/'}${candidate.name}` === roleArn);
		if (!role) {
			const who = webIdentity ? 'The web identity' : `User: ${call.caller.arn}`;
			return fail(call, {status: 403, code: 'AccessDenied', message: `${who} is not authorized to perform: sts:${call.operation} on resource: ${roleArn}`});
		}
		const accessKeyId = `ASIAFAKE${String(++sessionCounter).padStart(12, '0')}`;
		const credential = {
			accessKeyId,
			secretAccessKey: `secret-${accessKeyId}`,
			sessionToken: `token-${accessKeyId}`,
			arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
			userId: `${role.id}:${sessionName}`,
			account: role.account,
		};
		world.credentials.set(accessKeyId, credential);
		return queryAnswer('sts', call.operation, {
			Credentials: {
				AccessKeyId: accessKeyId,
				SecretAccessKey: credential.secretAccessKey,
				SessionToken: credential.sessionToken,
				Expiration: new Date(Date.now() + 3_600_000).toISOString(),
			},
			AssumedRoleUser: {Arn: credential.arn, AssumedRoleId: credential.userId},
		});
	}
	return fail(call, {status: 400, code: 'InvalidAction', message: `Could not find operation ${call.operation} for version 2011-06-15`});
};
