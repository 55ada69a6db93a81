import {describe, expect, it} from 'vitest';
import {ipInRange, parseRange} from '../../../source/engine/conditions/ip-address.js';
import {check, result} from './helpers.js';

describe('IpAddress', () => {
	// IAM guide: "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}.
	it('matches an address inside the CIDR range, including its ends', () => {
		for (const ip of ['203.0.113.0', '203.0.113.7', '203.0.113.255']) {
			expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {'aws:SourceIp': ip}), ip).toBe('yes');
		}
	});

	it('does not match an address outside it', () => {
		const trace = check('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {'aws:SourceIp': '203.0.114.1'});
		expect(trace.result).toBe('no');
		expect(trace.reason).toBe('aws:SourceIp is "203.0.114.1", which is not in "203.0.113.0/24"');
	});

	// IAM guide: mixing IPv4 and IPv6, ["203.0.113.0/24", "2001:DB8:1234:5678::/64"].
	const mixed = ['203.0.113.0/24', '2001:DB8:1234:5678::/64'];

	it('matches IPv4 and IPv6 ranges side by side', () => {
		expect(result('IpAddress', 'aws:SourceIp', mixed, {'aws:SourceIp': '203.0.113.9'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', mixed, {'aws:SourceIp': '2001:db8:1234:5678::1'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', mixed, {'aws:SourceIp': '2001:db8:1234:5678:ffff:ffff:ffff:ffff'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', mixed, {'aws:SourceIp': '2001:db8:1234:5679::1'})).toBe('no');
		expect(check('IpAddress', 'aws:SourceIp', mixed, {'aws:SourceIp': '198.51.100.1'}).reason).toBe(
			'aws:SourceIp is "198.51.100.1", which is not in any of "203.0.113.0/24", "2001:DB8:1234:5678::/64"',
		);
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (IP address condition operators).
	const defaultPrefix = 'If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32.';

	it(`reads a bare IPv4 address as /32: "${defaultPrefix}"`, () => {
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.5', {'aws:SourceIp': '203.0.113.5'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.5', {'aws:SourceIp': '203.0.113.6'})).toBe('no');
	});

	it(`is unknown for an address in a bare IPv6 address's /32 but not that address, as the default may be /32 or /128: "${defaultPrefix}"`, () => {
		expect(result('IpAddress', 'aws:SourceIp', '2001:db8::1', {'aws:SourceIp': '2001:DB8:0:0::1'})).toBe('yes');
		const trace = check('IpAddress', 'aws:SourceIp', '2001:db8::1', {'aws:SourceIp': '2001:db8::2'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe(
			'aws:SourceIp is "2001:db8::2", but whether it is in "2001:db8::1" is not known: "2001:db8::1" has no prefix, and IAM\'s default of /32 makes it every address in its /32, not that one address alone',
		);
		expect(result('NotIpAddress', 'aws:SourceIp', '2001:db8::1', {'aws:SourceIp': '2001:db8::2'})).toBe('unknown');
		// Outside the /32 both readings agree.
		expect(result('IpAddress', 'aws:SourceIp', '2001:db8::1', {'aws:SourceIp': '2001:db9::1'})).toBe('no');
		expect(result('NotIpAddress', 'aws:SourceIp', '2001:db8::1', {'aws:SourceIp': '2001:db9::1'})).toBe('yes');
		// Another range that holds the address decides it.
		expect(result('IpAddress', 'aws:SourceIp', ['2001:db8::1', '2001:db8::/64'], {'aws:SourceIp': '2001:db8::2'})).toBe('yes');
	});

	it('matches an IPv4-mapped IPv6 address against IPv4 ranges, and the other way round', () => {
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {'aws:SourceIp': '::ffff:203.0.113.7'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {'aws:SourceIp': '::ffff:cb00:7107'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {'aws:SourceIp': '::ffff:198.51.100.1'})).toBe('no');
		expect(result('IpAddress', 'aws:SourceIp', '::ffff:203.0.113.0/120', {'aws:SourceIp': '203.0.113.7'})).toBe('yes');
		expect(result('IpAddress', 'aws:SourceIp', '::ffff:203.0.113.0/120', {'aws:SourceIp': '203.0.114.7'})).toBe('no');
	});

	it('does not mix IPv4 and unrelated IPv6', () => {
		expect(result('IpAddress', 'aws:SourceIp', '2001:db8::/32', {'aws:SourceIp': '203.0.113.7'})).toBe('no');
		expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', {'aws:SourceIp': '2001:db8::1'})).toBe('no');
		expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', {'aws:SourceIp': '198.51.100.1'})).toBe('yes');
	});

	// IAM User Guide, "IAM JSON policy elements: Condition operators" (IP address condition operators).
	const cidr = 'The value must be in the standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64).';

	it(`is unknown for an address or range it cannot read, which AWS does not say how it reads: "${cidr}"`, () => {
		const trace = check('IpAddress', 'aws:SourceIp', '0.0.0.0/0', {'aws:SourceIp': 'localhost'});
		expect(trace.result).toBe('unknown');
		expect(trace.unknownKeys).toBeUndefined();
		expect(trace.reason).toBe('aws:SourceIp is "localhost", which is not an IP address, so whether it is in "0.0.0.0/0" is not known');
		expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', {'aws:SourceIp': '10.1'})).toBe('unknown');
		for (const range of ['203.0.113.0/33', '203.0.113.0/', 'vpc-1234']) {
			expect(result('IpAddress', 'aws:SourceIp', range, {'aws:SourceIp': '203.0.113.1'}), range).toBe('unknown');
			expect(result('NotIpAddress', 'aws:SourceIp', range, {'aws:SourceIp': '203.0.113.1'}), range).toBe('unknown');
		}
		expect(check('NotIpAddress', 'aws:SourceIp', 'vpc-1234', {'aws:SourceIp': '203.0.113.1'}).reason).toBe(
			'aws:SourceIp is "203.0.113.1", but whether it is in "vpc-1234" is not known: "vpc-1234" is not an IP address or CIDR range, so NotIpAddress may or may not match',
		);
		// A readable range the address is in decides both operators.
		expect(result('IpAddress', 'aws:SourceIp', ['vpc-1234', '203.0.113.0/24'], {'aws:SourceIp': '203.0.113.1'})).toBe('yes');
		expect(result('NotIpAddress', 'aws:SourceIp', ['vpc-1234', '203.0.113.0/24'], {'aws:SourceIp': '203.0.113.1'})).toBe('no');
	});

	it('fails when aws:SourceIp is missing (a request through a VPC endpoint)', () => {
		expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', {})).toBe('no');
		expect(result('IpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24', {})).toBe('yes');
	});
});

describe('NotIpAddress', () => {
	it('holds outside every range, fails inside one', () => {
		expect(result('NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], {'aws:SourceIp': '198.51.100.1'})).toBe('yes');
		expect(result('NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], {'aws:SourceIp': '2001:db8:1234:5678::9'})).toBe('no');
	});

	it('holds when aws:SourceIp is missing, as negated operators do', () => {
		expect(result('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', {})).toBe('yes');
	});

	it('is unknown when the source address is unknown', () => {
		const trace = check('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', {}, 'unknown');
		expect(trace.result).toBe('unknown');
		expect(trace.reason).toBe('aws:SourceIp is not known for this request');
	});
});

describe('parseRange and ipInRange', () => {
	it('parse ranges', () => {
		expect(parseRange('203.0.113.0/24')?.[1]).toBe(24);
		expect(parseRange('203.0.113.9')?.[1]).toBe(32);
		expect(parseRange('::1')?.[1]).toBe(128);
		expect(parseRange('::ffff:0:0/96')?.[0].kind()).toBe('ipv4');
		expect(parseRange('2001:db8::/129')).toBeUndefined();
		expect(parseRange('203.0.113.0/-1')).toBeUndefined();
	});

	it('test one address against one range', () => {
		expect(ipInRange('10.0.0.1', '10.0.0.0/8')).toBe(true);
		expect(ipInRange('11.0.0.1', '10.0.0.0/8')).toBe(false);
		expect(ipInRange('10.0.0.1', '10.0.0.5/8')).toBe(true);
	});
});
