import {inText, isAccountId, isKeyId} from '../names/index.js';
import {createPlaceholders, type Kind, type Placeholders} from './redact-placeholders.js';
import type {Snapshot} from './snapshot.js';

/**
 * Replace account IDs, principal, bucket, object, key, alias, policy and replication rule names, unique IDs,
 * organization IDs and email addresses with placeholders, everywhere: fields, ARNs, policy documents (trust
 * policies too), condition values and notes.
 * The same input always gets the same placeholder, so the snapshot still makes sense (the account in a key
 * policy's Principal is still the caller's account, the bucket in a policy Resource is still the bucket asked
 * about). Placeholders are numbered in order of first appearance: nothing of the original can be recovered
 * from them (a hash of a 12-digit account ID could be).
 *
 * Kept as they are: Regions, AWS-owned names (`arn:aws:iam::aws:policy/…`, `alias/aws/s3`, `FullAWSAccess`),
 * IAM paths, policy grammar and condition keys, and wildcard patterns that do not contain a known name.
 */

/**
 * A known name is replaced in text only where it stands alone: not inside a longer word, not joined by a colon to a
 * word (`kms:Decrypt`, `aws:kms`: a service prefix, an action, a condition value), not as the first label of an AWS
 * service's host name (`s3.eu-west-1.amazonaws.com`, `athena.amazonaws.com`). A bucket's host name
 * (`bucket.s3.amazonaws.com`) still has its name replaced.
 */
const standaloneBefore = '(?<![A-Za-z0-9_-])(?<![A-Za-z0-9]:)';
const standaloneAfter = '(?![A-Za-z0-9_-])(?!:[A-Za-z0-9*])(?!\\.(?:[a-z]{2}(?:-[a-z]+)+-\\d\\.)?amazonaws\\.com)';

/** Values a policy's grammar gives whole (an Effect, a Bool): a name equal to one is never searched for in text. */
const policyWords: ReadonlySet<string> = new Set(['allow', 'deny', 'true', 'false']);

/** Fields of a policy statement whose values are AWS's words (an effect, a version, actions): never a user's names. */
const grammarFields: ReadonlySet<string> = new Set(['Effect', 'Version', 'Action', 'NotAction']);

const hasWildcard = (text: string): boolean => /[*?]|\$\{/.test(text);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const emailPattern = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** The patterns found anywhere in text, in the order they are tried at each position. */
const patterns = [
	inText.arnInText,
	// A unique ID may carry the session after a colon (AROA…:alice).
	String.raw`${inText.uniqueIdInText}(:[^\s"',;()<>]+)?`,
	inText.singleRegionKeyIdInText,
	inText.multiRegionKeyIdInText,
	inText.customerAliasInText,
	inText.organizationIdInText,
	inText.organizationalUnitIdInText,
	inText.organizationRootIdInText,
	inText.organizationPolicyIdInText,
	// Anywhere a run of exactly 12 digits stands, also inside a word (a Sid such as AllowAcct123456789012Put).
	inText.accountIdAnywhereInText,
	String.raw`([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})`,
];

type Redactor = {
	readonly text: (value: string) => string;
	readonly bucket: (name: string) => string;
	readonly objectKey: (key: string) => string;
	readonly keyReference: (id: string) => string;
	readonly policyName: (name: string, arn: string | undefined) => string;
	readonly grantName: (name: string) => string;
	/** A replication rule's ID: a name its owner chose, like a policy's. */
	readonly ruleId: (id: string) => string;
	/** An AWS CLI profile's name (metadata.profiles): the user's own word for an account, which may name the customer. */
	readonly profile: (name: string) => string;
	/** Only the account IDs in a text: for object keys (tag keys, condition keys), whose grammar must stay. */
	readonly accounts: (text: string) => string;
};

const createRedactor = (names: Placeholders): Redactor => {
	const session = (name: string): string => (hasWildcard(name) ? name : emailPattern.test(name) ? names.of('email', name) : names.of('session', name));
	const segment = (kind: Kind, value: string): string => {
		if (value === '' || hasWildcard(value)) return value === '' ? value : knownOnly(value);
		// A key segment that is a name, unique ID or account elsewhere (what a policy variable such as
		// ${aws:username} resolves to) gets that name's placeholder, so the variable still matches.
		const asName = kind === 'path' ? names.lookup(value) : undefined;
		if (asName !== undefined) return asName;
		const asText = kind === 'path' ? redactText(value) : value;
		return asText !== value ? asText : names.of(kind, value);
	};
	const objectKey = (key: string): string => {
		const redacted = key.split('/').map(part => segment('path', part)).join('/');
		// A whole key, one segment (payroll.csv) or several, is also replaced where a title or note quotes it.
		if (!hasWildcard(key) && (key.includes('/') || key.length >= 4)) names.alsoInText(key, redacted);
		return redacted;
	};

	/** `role/path/Name`: the path is kept, the name replaced. */
	const lastSegment = (kind: Kind, resource: string): string => {
		const parts = resource.split('/');
		const name = parts.pop()!;
		return [...parts, segment(kind, name)].join('/');
	};

	const arn = (text: string): string => {
		// A sentence may end right after an ARN.
		const trailing = /\.+$/.exec(text)?.[0] ?? '';
		const body = trailing ? text.slice(0, -trailing.length) : text;
		const [, partition, service, region, account, ...rest] = body.split(':');
		const resource = rest.join(':');
		const redactedAccount = account && isAccountId(account) ? names.of('account', account) : (account ?? '');
		const redactedResource = ((): string => {
			if (service === 's3') {
				const slash = resource.indexOf('/');
				const bucket = slash === -1 ? resource : resource.slice(0, slash);
				return slash === -1 ? segment('bucket', bucket) : `${segment('bucket', bucket)}/${objectKey(resource.slice(slash + 1))}`;
			}
			if (service === 'iam') {
				const type = resource.split('/')[0];
				if (account === 'aws' || type === 'root') return resource;
				const kinds: Readonly<Record<string, Kind>> = {user: 'user', role: 'role', group: 'group', policy: 'policy'};
				const kind = type ? kinds[type] : undefined;
				return kind ? lastSegment(kind, resource) : knownOnly(resource);
			}
			if (service === 'sts') {
				const [type, name, ...sessionName] = resource.split('/');
				if (type === 'assumed-role' && name !== undefined) return `${type}/${segment('role', name)}${sessionName.length > 0 ? `/${session(sessionName.join('/'))}` : ''}`;
				if (type === 'federated-user' && name !== undefined) return `${type}/${segment('user', name)}`;
				return knownOnly(resource);
			}
			if (service === 'kms') {
				if (resource.startsWith('key/')) return `key/${keyId(resource.slice(4))}`;
				if (resource.startsWith('alias/')) return resource.startsWith('alias/aws/') ? resource : names.of('alias', resource);
			}
			return redactText(resource, false);
		})();
		return `arn:${partition}:${service}:${region}:${redactedAccount}:${redactedResource}${trailing}`;
	};

	const keyId = (id: string): string => (hasWildcard(id) ? id : id.startsWith('mrk-') ? names.of('mrk', id) : names.of('key', id));

	const expressions = new Map<string, RegExp>();
	/** One regular expression for the patterns and the names known so far (rebuilt only when a name is added). */
	const expressionFor = (withArns: boolean): RegExp => {
		const known = names.known();
		const cacheKey = `${withArns}:${known.length}`;
		const cached = expressions.get(cacheKey);
		if (cached) return cached;
		// Inside an ARN no ARN can start: a never-matching group keeps the groups' numbering.
		const alternatives = withArns ? [...patterns] : ['((?!))', ...patterns.slice(1)];
		const words = known
			.filter(name => name.length >= 2 && !policyWords.has(name.toLowerCase()))
			.sort((a, b) => b.length - a.length || a.localeCompare(b))
			.map(escapeRegExp);
		if (words.length > 0) alternatives.push(`${standaloneBefore}(${words.join('|')})${standaloneAfter}`);
		const made = new RegExp(alternatives.join('|'), 'g');
		expressions.set(cacheKey, made);
		return made;
	};

	/** Every pattern, then every name already known, in one pass (so a placeholder is never replaced again). */
	const redactText = (value: string, withArns = true): string =>
		value.replace(expressionFor(withArns), (match: string, ...groups: (string | undefined)[]) => {
			const [arnText, uniqueId, uniqueSuffix, uuid, mrk, alias, org, ou, root, orgPolicy, account, email, name] = groups;
			if (arnText !== undefined) return arn(arnText);
			if (uniqueId !== undefined) return `${names.of('uniqueId', uniqueId)}${uniqueSuffix === undefined ? '' : `:${session(uniqueSuffix.slice(1))}`}`;
			if (uuid !== undefined) return names.of('key', uuid);
			if (mrk !== undefined) return names.of('mrk', mrk);
			if (alias !== undefined) return names.of('alias', alias);
			if (org !== undefined) return names.of('org', org);
			if (ou !== undefined) return names.of('ou', ou);
			if (root !== undefined) return names.of('root', root);
			if (orgPolicy !== undefined) return names.of('orgPolicy', orgPolicy);
			if (account !== undefined) return names.of('account', account);
			if (email !== undefined) return names.of('email', email);
			if (name !== undefined) return names.lookup(name) ?? name;
			return match;
		});
	const knownOnly = (value: string): string => redactText(value, false);

	return {
		text: value => redactText(value),
		bucket: name => segment('bucket', name),
		objectKey,
		keyReference: id => {
			if (id.startsWith('arn:')) return arn(id);
			if (id.startsWith('alias/')) return id.startsWith('alias/aws/') ? id : names.of('alias', id);
			return isKeyId(id) ? keyId(id) : redactText(id);
		},
		policyName: (name, policyArn) => {
			const awsOwned = policyArn?.startsWith('arn:aws:iam::aws:') || /\/p-(RCP)?FullAWSAccess$/.test(policyArn ?? '') || name === 'FullAWSAccess' || name === 'RCPFullAWSAccess';
			return awsOwned ? name : names.of('policy', name);
		},
		grantName: name => (name === '' ? name : names.of('grant', name)),
		ruleId: id => (id === '' ? id : names.of('rule', id)),
		profile: name => names.of('profile', name),
		accounts: text => text.replace(new RegExp(inText.accountIdAnywhereInText, 'g'), account => names.of('account', account)),
	};
};

type Json = string | number | boolean | null | readonly Json[] | {readonly [key: string]: Json};

const isObject = (value: Json | undefined): value is {readonly [key: string]: Json} => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields whose values are the format's own words (states, enums, paths of notes), never a user's names. */
const verbatimFields = new Set(['format', 'operation', 'tool', 'algorithm', 'keyManager', 'keyState', 'keySpec', 'keyUsage', 'objectOwnership', 'region', 'collectedBy', 'createdAt', 'grantId', 'operations', 'roles']);

/** Under a numeric or date condition operator a number is a number (a size, a time), never an account. */
const underNumericOperator = (path: readonly string[]): boolean => {
	const condition = path.lastIndexOf('Condition');
	return condition !== -1 && /^(ForAnyValue:|ForAllValues:)?(Numeric|Date)/.test(path[condition + 1] ?? '');
};

const isAccountNumber = (value: number): boolean => Number.isInteger(value) && value >= 100_000_000_000 && value <= 999_999_999_999;

/** Field-aware walk: known fields by their meaning, everything else (policy documents included) as text. */
const walk = (value: Json, path: readonly string[], redactor: Redactor): Json => {
	// A role's trust policy is a policy document like the others: its account numbers and grammar are treated alike.
	const inDocument = path.includes('document') || path.includes('policy') || path.includes('sessionPolicy') || path.includes('trustPolicy') || path.includes('Condition');
	// An account ID written as a JSON number (`"aws:SourceAccount": 111122223333`) is one like any other:
	// it becomes the same placeholder, as the string the engine compares it as.
	if (typeof value === 'number') return inDocument && isAccountNumber(value) && !underNumericOperator(path) ? redactor.accounts(String(value)) : value;
	if (typeof value === 'string' && inDocument && /^\d+(\.\d+)?$/.test(value) && underNumericOperator(path)) return value;
	if (typeof value === 'string') {
		const field = path[path.length - 1];
		const parent = path[path.length - 2];
		const inPolicy = path.includes('document') || path.includes('policy') || path.includes('sessionPolicy') || path.includes('trustPolicy') || path[0] === 'requestContext';
		if (!inPolicy && ((field !== undefined && verbatimFields.has(field)) || (parent !== undefined && verbatimFields.has(parent)) || (path[0] === 'unread' && field === 'path'))) {
			return value;
		}
		if ((field === 'bucket' && parent === 'question') || (field === 'bucket' && parent === 'source' && path[0] === 'question') || (field === 'name' && (parent === 'bucketInfo' || parent === 'bucket'))) {
			return redactor.bucket(value);
		}
		if (field === 'objectKey') return redactor.objectKey(value);
		if (field === 'kmsKeyId') return redactor.keyReference(value);
		if (field === 'name' && path.includes('grants')) return redactor.grantName(value);
		if (field === 'ruleId' && parent === 'replication') return redactor.ruleId(value);
		if (field === 'name' && path[0] === 'metadata' && path[1] === 'profiles') return redactor.profile(value);
		if (inPolicy && ((field !== undefined && grammarFields.has(field)) || (parent !== undefined && /^\d+$/.test(field ?? '') && (parent === 'Action' || parent === 'NotAction')))) {
			return value;
		}
		return redactor.text(value);
	}
	if (Array.isArray(value)) return value.map((item: Json, index: number) => walk(item, [...path, String(index)], redactor));
	if (isObject(value)) {
		const isNamedPolicy = typeof value['name'] === 'string' && isObject(value['document']);
		const entries = Object.entries(value).map(([key, item]): [string, Json] => {
			if (isNamedPolicy && key === 'name') return [key, redactor.policyName(item as string, typeof value['arn'] === 'string' ? value['arn'] : undefined)];
			return [redactor.accounts(key), walk(item, [...path, key], redactor)];
		});
		return Object.fromEntries(entries);
	}
	return value;
};

export const redactSnapshot = (snapshot: Snapshot): Snapshot => {
	const names = createPlaceholders();
	const input = snapshot as unknown as Json;
	// First pass: meet every name, so the second can also find them where they stand alone in text.
	walk(input, [], createRedactor(names));
	const redacted = walk(input, [], createRedactor(names)) as unknown as Snapshot;
	return {...redacted, metadata: {...redacted.metadata, redacted: true}};
};
