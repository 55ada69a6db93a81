import ipaddr from 'ipaddr.js';
import {boundedMemo} from '../memo.js';
import {quote} from './wording.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is the IPv4 address it carries. */
const unmap = (address: Address): Address =>
	address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
		? (address as ipaddr.IPv6).toIPv4Address()
		: address;

/** A single address: dotted-quad IPv4 or IPv6. Shorthand IPv4 forms (`10.1`, `0x0a…`) are refused. */
export const parseAddress = (text: string): Address | undefined => {
	if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
	if (ipaddr.IPv6.isValid(text)) return unmap(ipaddr.IPv6.parse(text));
	return undefined;
};

/** A CIDR range, or a bare address meaning `/32` (IPv4) or `/128` (IPv6). */
export const parseRange = (text: string): [Address, number] | undefined => {
	const slash = text.indexOf('/');
	if (slash === -1) {
		const address = parseAddress(text);
		return address && [address, address.kind() === 'ipv4' ? 32 : 128];
	}
	const addressText = text.slice(0, slash);
	const prefixText = text.slice(slash + 1);
	if (!/^\d{1,3}$/.test(prefixText)) return undefined;
	const prefix = Number(prefixText);
	if (ipaddr.IPv4.isValidFourPartDecimal(addressText)) {
		return prefix > 32 ? undefined : [ipaddr.IPv4.parse(addressText), prefix];
	}
	if (!ipaddr.IPv6.isValid(addressText) || prefix > 128) return undefined;
	const address = ipaddr.IPv6.parse(addressText);
	// `::ffff:203.0.113.0/120` is the IPv4 range 203.0.113.0/24.
	if (address.isIPv4MappedAddress() && prefix >= 96) return [address.toIPv4Address(), prefix - 96];
	return [address, prefix];
};

/** A request address as matching needs it: parsed once per distinct text, with its IPv4-mapped IPv6 form. */
type KnownAddress = {readonly address: Address; readonly kind: 'ipv4' | 'ipv6'; readonly mapped?: ipaddr.IPv6};

// Requests repeat the same few source addresses: parse each once.
const knownAddress = boundedMemo((text: string): KnownAddress | undefined => {
	const address = parseAddress(text);
	if (!address) return undefined;
	return address.kind() === 'ipv4' ? {address, kind: 'ipv4', mapped: (address as ipaddr.IPv4).toIPv4MappedAddress()} : {address, kind: 'ipv6'};
});

/**
 * `wide`: for an IPv6 address written without a prefix, the range IAM's documented default (`/32`) would make of it,
 * where `range` is the one address (`/128`): AWS wrote that default for every address, so which it applies is not known.
 */
type Range = {readonly range: [Address, number]; readonly kind: 'ipv4' | 'ipv6'; readonly wide?: [Address, number]};

const rangeOf = (text: string): Range | undefined => {
	const range = parseRange(text);
	if (!range) return undefined;
	const kind = range[0].kind();
	return kind === 'ipv6' && !text.includes('/') ? {range, kind, wide: [range[0], 32]} : {range, kind};
};

const inRange = (known: KnownAddress | undefined, range: Range | undefined): boolean => {
	if (!known || !range) return false;
	if (known.kind === range.kind) return known.address.match(range.range);
	// An IPv4 request against a short IPv6 range that still covers the mapped block (e.g. `::/0`).
	return known.mapped !== undefined && known.mapped.match(range.range);
};

/** `IpAddress`: is the request address inside the policy range? Anything unparsable matches nothing. */
export const ipInRange = (actual: string, expected: string): boolean => inRange(knownAddress(actual), rangeOf(expected));

/** `ipInRange` with the policy's range parsed once. */
export const ipRangeTest = (expected: string): ((actual: string) => boolean) => {
	const range = rangeOf(expected);
	return actual => inRange(knownAddress(actual), range);
};

export const ipProblem = (actual: string): string | undefined =>
	knownAddress(actual) === undefined ? 'is not an IP address' : undefined;

export const ipRangeProblem = (expected: string): string | undefined =>
	rangeOf(expected) === undefined ? 'is not an IP address or CIDR range' : undefined;

/** Why a request address is not known to be in a bare IPv6 policy address: inside its `/32`, yet not that address. */
export const ipUndecided = (actual: string, expected: string): string | undefined => {
	// On the hot path of every non-match: only a bare policy address and an IPv6 request address are parsed.
	if (expected.includes('/') || !actual.includes(':')) return undefined;
	const range = rangeOf(expected);
	const known = knownAddress(actual);
	if (!range?.wide || known?.kind !== 'ipv6' || inRange(known, range) || !known.address.match(range.wide)) return undefined;
	return `${quote(expected)} has no prefix, and IAM's default of /32 makes it every address in its /32, not that one address alone`;
};
