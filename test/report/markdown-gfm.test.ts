import {micromark} from 'micromark';
import {gfm, gfmHtml} from 'micromark-extension-gfm';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {allow, buildSnapshot, named, policy} from '../diagnosis/support/build-snapshot.js';

/**
 * The markdown report as a GFM renderer reads it (micromark with its GFM extension, which follows GitHub's
 * cmark-gfm): customer text — an object key, a policy name — becomes text in its own cell, never an element or a link.
 */

const html = (markdown: string): string => micromark(markdown, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]});

const hostile = buildSnapshot({
	// Both are legal: S3 keys may hold a backslash and a pipe, IAM policy names an @.
	question: {objectKey: 'dir/a\\|<img src=x onerror=alert(1)>'},
	principal: {identityPolicies: [named('ops@evil.example.com', policy(allow('s3:GetObject', '*', {Sid: 'Reads'})))]},
});

describe('the markdown report, rendered by a GFM parser', () => {
	const rendered = html(renderMarkdown(diagnose(hostile)));

	it('an object key with a backslash before a pipe stays in its cell: no <img> element appears', () => {
		expect(rendered).not.toMatch(/<img/i);
		expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
		// Every table row has as many cells as its header.
		for (const table of rendered.split('<table>').slice(1)) {
			const body = table.slice(0, table.indexOf('</table>'));
			const columns = (body.match(/<th[ >]/g) ?? []).length;
			for (const row of body.split('<tr>').slice(2)) expect((row.match(/<td[ >]/g) ?? []).length, row).toBe(columns);
		}
	});

	it('a policy named like an email address is not a mailto: link', () => {
		expect(rendered).toContain('ops@evil.example.com');
		expect(rendered).not.toMatch(/<a /i);
	});
});
