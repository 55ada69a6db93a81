import {accountIdSource, isAccountId} from './account-id.js';
import {notA, parsed, type NameError, type Parsed} from './name-error.js';
import {partitionSource} from './partition.js';
import {isRegion, regionSource} from './region.js';
import {shellQuote} from '../shared/shell.js';

/**
 * KMS Developer Guide, Key identifiers: a key ID such as "1234abcd-12ab-34cd-56ef-1234567890ab"; "The key IDs
 * of multi-Region keys begin with the mrk- prefix", as in "mrk-1234abcd12ab34cd56ef1234567890ab". KMS writes
 * them in lower case, and that is the form this tool compares.
 */
export const singleRegionKeyIdSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const multiRegionKeyIdSource = 'mrk-[0-9a-f]{32}';
export const keyIdSource = `(?:${singleRegionKeyIdSource}|${multiRegionKeyIdSource})`;

/** "arn:<partition>:kms:<region>:<account-id>:key/<key-id>" */
export const keyArnSource = `arn:${partitionSource}:kms:${regionSource}:${accountIdSource}:key/${keyIdSource}`;

/** A key's ARN from its parts: a key ID resolves in one Region and account, and its ARN is in that Region's partition. */
export const kmsKeyArn = (partition: string, region: string, account: string, keyId: string): string => `arn:${partition}:kms:${region}:${account}:key/${keyId}`;

/** "It can contain only alphanumeric characters, forward slashes (/), underscores (_), and dashes (-)." */
const aliasNameCharacters = /^alias\/[A-Za-z0-9/_-]+$/;
/** "The alias name is a string of up to 256 characters." */
const aliasNameLength = 256;

const keyId = new RegExp(`^${keyIdSource}$`);
const keyArn = new RegExp(`^${keyArnSource}$`);
const keyArnAnywhere = new RegExp(keyArnSource);
const kmsArnShape = new RegExp(`^arn:(${partitionSource}):kms:([^:]*):([^:]*):(.*)$`, 's');
const kmsArnStart = new RegExp(`^arn:${partitionSource}:kms:`);

export const isKeyId = (text: string): boolean => keyId.test(text);
export const isKeyArn = (text: string): boolean => keyArn.test(text);
export const isAliasName = (text: string): boolean => text.length <= aliasNameLength && aliasNameCharacters.test(text);

/** A key or alias ARN, split: `name` is the key ID, or the alias name without `alias/`. */
export type KmsArn = {readonly partition: string; readonly region: string; readonly account: string; readonly kind: 'key' | 'alias'; readonly name: string};

/** How a request, a bucket default or an object may name its KMS key. */
export type KeyReference =
	| {readonly kind: 'key-id'; readonly keyId: string}
	| {readonly kind: 'key-arn'; readonly arn: KmsArn}
	| {readonly kind: 'alias-name'; readonly aliasName: string}
	| {readonly kind: 'alias-arn'; readonly arn: KmsArn; readonly aliasName: string};

const anyReference = 'a KMS key ID, key ARN, alias name (alias/NAME) or alias ARN';
const keyIdExample = '1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits for a multi-Region key';

/** A key ID: the hint says what is wrong with one that nearly is. */
export const parseKeyId = (text: string): Parsed<string> => {
	if (isKeyId(text)) return parsed(text);
	if (isKeyId(text.toLowerCase())) return notA('a key ID', `KMS writes key IDs in lower case: ${text.toLowerCase()}`);
	return notA('a key ID', `a key ID reads ${keyIdExample}`);
};

const arnProblem = (arn: KmsArn | undefined): NameError | undefined => {
	if (!arn) return {expected: 'a KMS key ARN or alias ARN', hint: 'it reads arn:aws:kms:REGION:ACCOUNT:key/ID or arn:aws:kms:REGION:ACCOUNT:alias/NAME'};
	if (!isRegion(arn.region)) return {expected: 'a KMS key ARN or alias ARN', hint: `its Region "${arn.region}" is not a Region name such as eu-west-1`};
	if (!isAccountId(arn.account)) return {expected: 'a KMS key ARN or alias ARN', hint: `its account "${arn.account}" is not 12 digits`};
	if (arn.kind === 'key' && !isKeyId(arn.name)) {
		const id = parseKeyId(arn.name);
		return {expected: 'a KMS key ARN', hint: `its key ID "${arn.name}" is not one: ${id.ok ? '' : id.error.hint ?? ''}`};
	}
	if (arn.kind === 'alias' && !isAliasName(`alias/${arn.name}`)) return {expected: 'a KMS alias ARN', hint: `"alias/${arn.name}" is not an alias name`};
	return undefined;
};

const splitKmsArn = (text: string): KmsArn | undefined => {
	const match = kmsArnShape.exec(text);
	if (!match) return undefined;
	const resource = /^(key|alias)\/(.+)$/s.exec(match[4]!);
	if (!resource) return undefined;
	return {partition: match[1]!, region: match[2]!, account: match[3]!, kind: resource[1] as 'key' | 'alias', name: resource[2]!};
};

/** A key ARN or an alias ARN. */
export const parseKmsArn = (text: string): Parsed<KmsArn> => {
	const arn = splitKmsArn(text);
	const problem = arnProblem(arn);
	return problem ? notA(problem.expected, problem.hint) : parsed(arn!);
};

/** A key ARN only: offline, or in a snapshot, nothing can resolve an alias or a bare key ID. */
export const parseKeyArn = (text: string): Parsed<KmsArn> => {
	const aliasHint = `it names an alias; give the key ARN it points to (aws kms describe-key --key-id ${shellQuote(text)} shows it)`;
	const arn = parseKmsArn(text);
	if (!arn.ok) {
		// Only a key ARN is taken here: the hint never offers the alias ARN it would then refuse.
		if (isAliasName(text)) return notA('a KMS key ARN', aliasHint);
		return notA('a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)', splitKmsArn(text) ? arn.error.hint : 'it reads arn:aws:kms:REGION:ACCOUNT:key/ID');
	}
	if (arn.value.kind === 'alias') return notA('a KMS key ARN', aliasHint);
	return arn;
};

/** `alias/NAME`, where NAME may start with `aws/` (the AWS managed keys' aliases, such as alias/aws/s3). */
export const parseAliasName = (text: string): Parsed<string> => {
	if (isAliasName(text)) return parsed(text);
	if (!text.startsWith('alias/')) return notA('an alias name', `an alias name starts with alias/, as in alias/${text}`);
	if (text.length > aliasNameLength) return notA('an alias name', `alias names have at most ${aliasNameLength} characters`);
	return notA('an alias name', 'alias names have letters, digits, slashes, underscores and hyphens');
};

/** `alias/NAME` from an alias name or alias ARN; undefined for a key ID, a key ARN or anything else. */
export const aliasNameOf = (reference: string): string | undefined => {
	const parsedReference = parseKeyReference(reference);
	if (!parsedReference.ok) return undefined;
	const {value} = parsedReference;
	return value.kind === 'alias-name' || value.kind === 'alias-arn' ? value.aliasName : undefined;
};

const looksLikeKeyId = /^(?:mrk-)?[0-9a-fA-F-]{8,}$/;

/** Any of the four ways to name a KMS key; the hint says which one the text nearly is. */
export const parseKeyReference = (text: string): Parsed<KeyReference> => {
	if (isKeyId(text)) return parsed({kind: 'key-id', keyId: text});
	if (text.startsWith('alias/')) {
		const alias = parseAliasName(text);
		return alias.ok ? parsed({kind: 'alias-name', aliasName: text}) : alias;
	}
	if (text.startsWith('arn:')) {
		const arn = parseKmsArn(text);
		if (!arn.ok) return arn;
		return arn.value.kind === 'key' ? parsed({kind: 'key-arn', arn: arn.value}) : parsed({kind: 'alias-arn', arn: arn.value, aliasName: `alias/${arn.value.name}`});
	}
	if (looksLikeKeyId.test(text)) {
		const id = parseKeyId(text);
		return id.ok ? parsed({kind: 'key-id', keyId: id.value}) : id;
	}
	// "When using an alias name, prefix it with alias/."
	if (isAliasName(`alias/${text}`)) return notA('a key ID', `an alias needs its prefix, as in alias/${text}`);
	return notA(anyReference);
};

/** The first key ARN in a sentence ("arn:aws:kms:…:key/… is disabled."). */
export const findKeyArn = (text: string): string | undefined => keyArnAnywhere.exec(text)?.[0];

/** Does the text start as a KMS ARN does (`arn:aws:kms:`)? For recognising sentences that begin with one. */
export const startsWithKmsArn = (text: string): boolean => kmsArnStart.test(text);
