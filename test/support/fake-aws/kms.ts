import {fail, notAuthorized, param, type FakeCall, type Handler, type World} from './call.js';
import {keyArn, type FakeKey} from './scenario.js';
import {jsonAnswer, type FakeResponse} from './wire.js';

const notFound = (call: FakeCall, keyId: string): FakeResponse =>
	fail(call, {status: 400, code: 'NotFoundException', message: `Invalid keyId '${keyId}'`});

const unknownOperation = (call: FakeCall): FakeResponse => fail(call, {status: 400, code: 'UnknownOperationException', message: `Unknown operation ${call.operation}`});

/**
 * Find a key as KMS does: an ARN names its account and Region; an alias name or a bare key ID resolves in the
 * caller's account and the Region the request was sent to. A key in another Region is not found.
 */
const resolveKey = (call: FakeCall, world: World, keyId: string): FakeKey | undefined => {
	const keys = world.scenario.keys ?? [];
	const arn = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/.exec(keyId);
	if (arn) {
		const [, region, account, kind, name] = arn;
		if (region !== call.region) return undefined;
		return keys.find(key => key.account === account && key.region === region && (kind === 'key' ? key.id === name : (key.aliases ?? []).includes(`alias/${name}`)));
	}
	const local = keys.filter(key => key.account === call.caller.account && key.region === call.region);
	if (keyId.startsWith('alias/')) return local.find(key => (key.aliases ?? []).includes(keyId));
	return local.find(key => key.id === keyId);
};

const metadata = (key: FakeKey) => ({
	AWSAccountId: key.account,
	KeyId: key.id,
	Arn: keyArn(key),
	CreationDate: 1_705_312_800,
	Enabled: (key.state ?? 'Enabled') === 'Enabled',
	Description: '',
	KeyUsage: key.usage ?? 'ENCRYPT_DECRYPT',
	KeyState: key.state ?? 'Enabled',
	Origin: 'AWS_KMS',
	KeyManager: key.manager ?? 'CUSTOMER',
	CustomerMasterKeySpec: key.spec ?? 'SYMMETRIC_DEFAULT',
	KeySpec: key.spec ?? 'SYMMETRIC_DEFAULT',
	EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
	MultiRegion: key.multiRegion ?? false,
});

/**
 * KMS's Limit, ListGrants and ListAliases alike: "If you include a value, it must be between 1 and 100, inclusive. If
 * you do not include a value, it defaults to 50." A Limit outside that range is refused, as KMS's validation does.
 */
const limitOf = (call: FakeCall): number | FakeResponse => {
	const limit = call.params.Limit;
	if (limit === undefined) return 50;
	if (typeof limit !== 'number' || !Number.isInteger(limit)) return fail(call, {status: 400, code: 'SerializationException', message: 'Limit is not an integer'});
	if (limit < 1 || limit > 100) {
		const constraint = limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 100';
		return fail(call, {status: 400, code: 'ValidationException', message: `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${constraint}`});
	}
	return limit;
};

/**
 * One page of at most the Limit sent; fewer when the scenario's `kmsPageSize` says ("it might return fewer"), so the
 * collector's Marker loop is exercised with a short list. An answer, or KMS's refusal of the Limit.
 */
const page = <T>(call: FakeCall, world: World, items: readonly T[], answer: (page: readonly T[], rest: {Truncated: boolean; NextMarker?: string}) => FakeResponse): FakeResponse => {
	const limit = limitOf(call);
	if (typeof limit !== 'number') return limit;
	const size = Math.min(limit, world.scenario.kmsPageSize ?? limit);
	const start = Number(param(call, 'Marker') ?? '0');
	const more = start + size < items.length;
	return answer(items.slice(start, start + size), {Truncated: more, ...(more ? {NextMarker: String(start + size)} : {})});
};

/** ListAliases: the caller's own account only ("Cross-account use: No."), one key's aliases with KeyId, else all of the Region's. */
const listAliases = (call: FakeCall, world: World, keyId: string | undefined, key: FakeKey | undefined): FakeResponse => {
	if (keyId && (!key || key.account !== call.caller.account)) return notFound(call, keyId);
	const owned = key ? [key] : (world.scenario.keys ?? []).filter(each => each.account === call.caller.account && each.region === call.region);
	const aliases = owned.flatMap(each =>
		(each.aliases ?? []).map(name => ({AliasName: name, AliasArn: `arn:aws:kms:${each.region}:${each.account}:${name}`, TargetKeyId: each.id, CreationDate: 1_705_312_800})),
	);
	return page(call, world, aliases, (items, rest) => jsonAnswer({Aliases: items, ...rest}));
};

/** KMS over JSON 1.1 (`X-Amz-Target: TrentService.*`): DescribeKey, GetKeyPolicy, ListGrants, and ListAliases when the scenario asks. */
export const handleKms: Handler = (call, world) => {
	const keyId = param(call, 'KeyId') ?? '';
	const key = resolveKey(call, world, keyId);
	switch (call.operation) {
		case 'DescribeKey':
			return key ? jsonAnswer({KeyMetadata: metadata(key)}) : notFound(call, keyId);
		case 'GetKeyPolicy':
			// GetKeyPolicy takes a key ID or key ARN, never an alias.
			if (!key || keyId.includes('alias/')) return notFound(call, keyId);
			// The key policy is account-local: no key policy statement can let another account read it.
			if (key.account !== call.caller.account) return fail(call, {status: 400, code: 'AccessDeniedException', message: notAuthorized(call, 'kms:GetKeyPolicy', keyArn(key))});
			return jsonAnswer({Policy: JSON.stringify(key.policy, null, 2), PolicyName: 'default'});
		case 'ListGrants': {
			if (!key || keyId.includes('alias/')) return notFound(call, keyId);
			const grants = (key.grants ?? []).map(grant => ({
				KeyId: keyArn(key),
				GrantId: grant.id,
				Name: grant.name ?? '',
				CreationDate: 1_705_312_800,
				GranteePrincipal: grant.grantee,
				...(grant.retiring ? {RetiringPrincipal: grant.retiring} : {}),
				IssuingAccount: `arn:aws:iam::${key.account}:root`,
				Operations: grant.operations,
				...(grant.constraints ? {Constraints: grant.constraints} : {}),
			}));
			return page(call, world, grants, (items, rest) => jsonAnswer({Grants: items, ...rest}));
		}
		case 'ListAliases':
			// Off unless the scenario asks: see FakeScenario.listAliases.
			return world.scenario.listAliases ? listAliases(call, world, param(call, 'KeyId'), key) : unknownOperation(call);
		default:
			return unknownOperation(call);
	}
};
