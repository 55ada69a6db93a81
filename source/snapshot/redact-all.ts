import {inText} from '../names/index.js';
import ipaddr from 'ipaddr.js';
import {redactSnapshot} from './redact.js';
import type {Snapshot} from './snapshot.js';

/**
 * `--redact all`: the default redaction (redact.ts), then also Sids, policy `Id`s, tag keys and values,
 * VPC endpoint and VPC IDs, IP addresses and CIDRs, and canonical user IDs, each original to one
 * placeholder everywhere. Exact values stay consistent (a tag value and the condition naming it get
 * the same placeholder), but a CIDR range and an address are replaced one by one, and a wildcard
 * pattern cannot follow the value it matched: the caveats say when the snapshot holds either.
 */

export type RedactAllResult = {
	readonly snapshot: Snapshot;
	/** Why a re-diagnosis of this snapshot may decide differently from the original, when it may. */
	readonly caveats: readonly string[];
};

type Json = string | number | boolean | null | readonly Json[] | {readonly [key: string]: Json};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const tagKeyPrefix = /^(aws:PrincipalTag|aws:ResourceTag|aws:RequestTag|s3:ExistingObjectTag|s3:RequestObjectTag)\/(.+)$/;
const testNets = ['192.0.2', '198.51.100', '203.0.113'];
const ipv4 = String.raw`(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?(?![\d.])`;
const valueSource = `${inText.vpcEndpointIdInText}|${inText.vpcIdInText}|${inText.canonicalUserIdInText}|${ipv4}`;
const valuePattern = new RegExp(valueSource, 'g');
const holdsValue = new RegExp(valueSource);
/** IPv6 only as a whole value (an aws:SourceIp condition or context value): inside text it looks like too much else. */
const wholeIpv6 = /^([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(\/\d{1,3})?$/;

const createMore = () => {
	const maps = new Map<string, Map<string, string>>();
	const of = (kind: string, original: string, make: (n: number) => string): string => {
		let map = maps.get(kind);
		if (!map) maps.set(kind, (map = new Map()));
		const existing = map.get(original);
		if (existing !== undefined) return existing;
		const made = make(map.size + 1);
		map.set(original, made);
		return made;
	};
	let sawRange = false;
	let sawPattern = false;
	const address = (text: string, prefix: string | undefined, version: 4 | 6): string => {
		if (!ipaddr.isValid(text)) return `${text}${prefix ?? ''}`;
		if (prefix !== undefined) sawRange = true;
		const made = of(`ip${version}`, text, n => (version === 4 ? `${testNets[Math.floor((n - 1) / 254) % 3]}.${((n - 1) % 254) + 1}` : `2001:db8::${n.toString(16)}`));
		return `${made}${prefix ?? ''}`;
	};
	const values = (text: string): string =>
		text.replace(valuePattern, (match, vpce?: string, vpc?: string, canonical?: string, v4?: string, v4prefix?: string) => {
			if (vpce !== undefined) return of('vpce', vpce, n => `vpce-${pad(n, 17)}`);
			if (vpc !== undefined) return of('vpc', vpc, n => `vpc-${pad(n, 17)}`);
			if (canonical !== undefined) return of('canonical', canonical, n => pad(n, 64));
			if (v4 !== undefined) return address(v4, v4prefix, 4);
			return match;
		});
	const tagKey = (key: string): string => of('tagKey', key, n => `tag-key-${n}`);
	const tagValue = (value: string): string => {
		if (/[*?]|\$\{/.test(value)) {
			sawPattern = true;
			return value;
		}
		return of('tagValue', value, n => `tag-value-${n}`);
	};
	const objectKey = (key: string): string => {
		const tag = tagKeyPrefix.exec(key);
		return tag ? `${tag[1]}/${tagKey(tag[2]!)}` : key;
	};
	const walk = (value: Json, path: readonly string[]): Json => {
		const field = path[path.length - 1];
		if (typeof value === 'string') {
			if (field === 'grantId') return value;
			if (field === 'Sid') return of('sid', value, n => `sid-${n}`);
			if (field === 'Id' && path.includes('policy')) return of('id', value, n => `id-${n}`);
			const inTags = path[path.length - 2] === 'tags' || path[path.length - 2] === 'sessionTags';
			const conditionKey = path.includes('Condition') ? path.find(segment => tagKeyPrefix.test(segment)) : undefined;
			const contextKey = path[0] === 'requestContext' && field !== undefined && tagKeyPrefix.test(field);
			if (inTags || conditionKey !== undefined || contextKey) return tagValue(value);
			const v6 = wholeIpv6.exec(value);
			if (v6 && ipaddr.IPv6.isValid(v6[1]!)) return address(v6[1]!, v6[2], 6);
			if (/[*?]/.test(value) && holdsValue.test(value.replace(/[*?]/g, '0'))) sawPattern = true;
			return values(value);
		}
		if (Array.isArray(value)) return value.map((item: Json, index: number) => walk(item, [...path, String(index)]));
		if (typeof value === 'object' && value !== null) {
			const inTags = field === 'tags' || field === 'sessionTags';
			return Object.fromEntries(Object.entries(value).map(([key, item]) => [inTags ? tagKey(key) : objectKey(key), walk(item, [...path, key])]));
		}
		return value;
	};
	return {walk, caveats: () => ({sawRange, sawPattern})};
};

/** The default redaction, then Sids, `Id`s, tags, VPC endpoint IDs, IP addresses and canonical IDs too. */
export const redactAll = (snapshot: Snapshot): RedactAllResult => {
	const named = redactSnapshot(snapshot);
	const more = createMore();
	const redacted = more.walk(named as unknown as Json, []) as unknown as Snapshot;
	const {sawRange, sawPattern} = more.caveats();
	const caveats = [
		...(sawRange ? ['IP ranges (CIDRs) and addresses were replaced one by one, so an address may no longer fall in its range'] : []),
		...(sawPattern ? ['wildcard patterns are kept as written, so one that matched a replaced tag, ID or address may no longer match'] : []),
	];
	return {snapshot: redacted, caveats};
};
