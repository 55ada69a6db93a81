import ipaddr from 'ipaddr.js';

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

/** `IpAddress`: is the request address inside the policy range? Anything unparsable matches nothing. */
export const ipInRange = (actual: string, expected: string): boolean => {
	const address = parseAddress(actual);
	const range = parseRange(expected);
	if (!address || !range) return false;
	if (address.kind() === range[0].kind()) return address.match(range);
	// An IPv4 request against a short IPv6 range that still covers the mapped block (e.g. `::/0`).
	return address.kind() === 'ipv4' && (address as ipaddr.IPv4).toIPv4MappedAddress().match(range);
};

export const ipProblem = (actual: string): string | undefined =>
	parseAddress(actual) === undefined ? 'is not an IP address' : undefined;
