import {micromark} from 'micromark';
import {gfm, gfmHtml} from 'micromark-extension-gfm';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, buildSnapshot, deny, fullIdentityPolicy, keyArn, named, policy, sameAccountDownload, without} from '../diagnosis/support/build-snapshot.js';
import {rawControls} from './hostile-snapshot.js';

/**
 * The markdown report of snapshots whose every customer-written string (policy names, Sids, role and session names,
 * the object key, condition keys and values, AWS's error messages) is written to become markup, read back as GitHub
 * reads it (micromark with GFM): none of it may become an element, a link, a heading or a broken table, and all of it
 * must still be there to read, escaped.
 */

const html = (markdown: string): string => micromark(markdown, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]});

const longRun = 'W'.repeat(400);
/** Every markdown and terminal trick in one string, labelled so each field's copy can be found. */
const hostile = (label: string): string =>
	[
		`${label}|cell|`,
		'`tick` ```\n```js',
		'<script>alert(1)</script> <b>bold</b> &amp; &#x41;',
		'[link](javascript:alert(1)) ![img](http://x/i.png) <http://auto.example>',
		'\r\n# Heading\n> quote\n- item\n1. item\n',
		'\u001b[31mred\u001b[0m zero\u200bwidth \u202Eevil',
		longRun,
	].join(' ');

/** Names IAM itself accepts (letters, digits and `+=,.@_-`) that GFM would still turn into links. */
const legalRole = 'ops_www.evil.example';
const legalSession = 'dev_https';

const hostileUpload: Snapshot = buildSnapshot({
	question: {objectKey: hostile('key')},
	principal: {
		arn: `arn:aws:sts::111122223333:assumed-role/${legalRole}/${legalSession}`,
		identityPolicies: [
			named(
				hostile('inline'),
				policy(
					allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Sid: hostile('sid'), Condition: {StringEquals: {[`aws:PrincipalTag/${hostile('tag')}`]: hostile('tagvalue')}}}),
					allow('kms:GenerateDataKey', keyArn, {Sid: hostile('kmsSid'), Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': hostile('context')}}}),
				),
			),
			// A managed policy's Deny is narrowed by a fix that names the policy.
			named(hostile('managed'), policy(deny('s3:PutObject', '*', {Sid: hostile('denySid'), Condition: {StringEquals: {'aws:RequestedRegion': 'eu-west-1'}}})), 'arn:aws:iam::111122223333:policy/Guard'),
		],
		tags: {},
	},
	bucket: {
		policy: policy(deny('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Principal: '*', Sid: hostile('bucketSid'), Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': [hostile('keyValue'), '', ' spaced ', '']}}})),
	},
});

/** A bucket name S3 still serves in us-east-1 (capitals and underscores were allowed there): GFM would link its `www.`. */
const legacyBucket = 'Legacy_www.evil.example';

const download = sameAccountDownload({
	principal: {identityPolicies: [fullIdentityPolicy([keyArn], [legacyBucket])]},
	// AWS's error messages as a read recorded them.
	unread: [
		{path: 'key.policy', reason: hostile('keyPolicyError'), resolveWith: hostile('resolve')},
		{path: 'bucket.policy', reason: `AccessDenied: ${hostile('bucketError')}`},
	],
	evidence: [{deniedBy: 'identity', action: 's3:GetObject', deny: 'explicit', policyArn: 'arn:aws:iam::111122223333:policy/Guard'}],
});
// The bucket and key are set after the helper, which sets the question's operation and so its whole question.
const hostileDownload: Snapshot = without({...download, question: {...download.question, bucket: legacyBucket, objectKey: `${legalRole}/${hostile('object')}`}}, 'key.policy', 'bucket.policy');

/** The text a reader sees: tags removed, entities decoded. */
const readable = (rendered: string): string =>
	rendered
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

describe.each([
	['an upload whose policies, Sids, conditions, key and role are hostile', hostileUpload, ['key', 'inline', 'kmsSid', 'tag', 'context', 'managed', 'denySid', 'bucketSid', 'keyValue']],
	['a download whose object key and read errors are hostile', hostileDownload, ['object', 'keyPolicyError', 'resolve', 'bucketError']],
])('the markdown report of %s', (_title, snapshot, labels) => {
	const markdown = renderMarkdown(diagnose(snapshot));
	const rendered = html(markdown);

	it('holds no raw control, bidi or zero-width character', () => {
		expect(rawControls(markdown)).toEqual([]);
	});

	it('makes no element of customer text: no link, image, HTML, list item or heading of theirs', () => {
		expect(rendered).not.toMatch(/<(a|img|script|b|del|input|h[4-6])[\s>]/i);
		// The only headings are the report's own.
		for (const heading of rendered.match(/<h[1-3]>[^]*?<\/h[1-3]>/g) ?? []) {
			expect(heading, heading.slice(0, 80)).toMatch(/^<h1>[✔✘?] (Allowed|Denied|Unknown): |^<h2>[A-Z][a-z ]+<\/h2>$|^<h3>/);
		}
		expect((rendered.match(/<h1>/g) ?? []).length).toBe(1);
		// Fenced blocks are the report's own, each closed where it opened.
		for (const block of rendered.match(/<pre><code[^>]*>/g) ?? []) expect(block).toMatch(/language-(json|sh)/);
		expect(readable(rendered)).not.toMatch(/^`{3,}/m);
	});

	it('keeps every table row as wide as its header', () => {
		for (const table of rendered.split('<table>').slice(1)) {
			const body = table.slice(0, table.indexOf('</table>'));
			const columns = (body.match(/<th[ >]/g) ?? []).length;
			for (const row of body.split('<tr>').slice(2)) expect((row.match(/<td[ >]/g) ?? []).length, row.slice(0, 200)).toBe(columns);
		}
	});

	it('still shows each hostile value, escaped, for a reader', () => {
		const text = readable(rendered);
		for (const label of labels) {
			expect(text, label).toContain(`${label}|cell|`);
		}
		expect(text).toContain('<script>alert(1)</script> <b>bold</b> &amp; &#x41;');
		expect(text).toContain('[link](javascript:alert(1)) ![img](http://x/i.png) <http://auto.example>');
		expect(text).toContain(String.raw`\r\n# Heading\n> quote\n- item\n1. item\n`);
		expect(text).toContain(String.raw`\u001b[31mred\u001b[0m zero\u200bwidth \u202eevil`);
		expect(text).toContain(longRun);
	});
});

describe('condition values that are empty or edged with spaces', () => {
	it('each stays its own value, spaces kept, an empty one said to be empty', () => {
		const rendered = html(renderMarkdown(diagnose(hostileUpload)));
		const cell = /<td>(<code>keyValue[^]*?)<\/td>/.exec(rendered)?.[1];
		// Four values, four items, spaces kept: an empty value's fences never pair with the next value's.
		expect(cell).toMatch(/W<\/code>, <em>\(empty\)<\/em>, <code> spaced <\/code>, <em>\(empty\)<\/em>$/);
	});
});

describe('names AWS accepts that GFM reads as links', () => {
	it('a legacy bucket name holding www. stays text', () => {
		const plain = sameAccountDownload({principal: {identityPolicies: [fullIdentityPolicy([keyArn], [legacyBucket])]}});
		const rendered = html(renderMarkdown(diagnose({...plain, question: {...plain.question, bucket: legacyBucket}})));
		expect(rendered).not.toMatch(/<a[\s>]/);
		expect(readable(rendered)).toContain(`Downloading s3://${legacyBucket}/`);
	});

	it('a role or session name holding www. or https stays text', () => {
		const rendered = html(renderMarkdown(diagnose(hostileUpload)));
		expect(rendered).not.toMatch(/<a[\s>]/);
		expect(readable(rendered)).toContain(legalRole);
	});
});
