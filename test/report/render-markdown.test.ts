import {describe, expect, it} from 'vitest';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderMarkdown} from '../../source/report/render-markdown.js';
import {allowedDownload, deniedMultipartUpload, unknownCopy} from './fixtures.js';
import {fencedBlocks, section, tableCells, tableUnder} from './report-helpers.js';

const report = renderMarkdown(deniedMultipartUpload);

/** Row of a table whose action cell is `action`. */
const row = (rows: string[][], action: string): string[] => {
	const found = rows.find(cells => cells[1] === `\`${action}\``);
	if (!found) throw new Error(`no row for ${action}`);
	return found;
};

describe('renderMarkdown', () => {
	it('titles the report with the verdict and the object', () => {
		expect(report.split('\n')[0]).toBe('# ✘ Denied: upload to `s3://dest-bucket/reports/2025|q1.csv`');
		expect(renderMarkdown(allowedDownload).split('\n')[0]).toBe('# ✔ Allowed: download of `s3://shared-data/exports/2025.parquet`');
		expect(renderMarkdown(unknownCopy).split('\n')[0]).toBe('# ? Unknown: copy to `s3://dest-bucket/copy.csv`');
	});

	it('states the question: principal, key, multipart and why, same or cross account', () => {
		const question = section(report, 'The question');
		expect(question).toContain('| **Principal** | `arn:aws:sts::111122223333:assumed-role/uploader/ci-run-42` |');
		expect(question).toContain('| **Size** | 12 MiB (12,582,912 bytes) |');
		expect(question).toMatch(/\| \*\*Multipart\*\* \| yes: 12 MiB is at or above the 8 MiB multipart threshold/);
		expect(question).toContain("| **Bucket account** | account 111122223333, the principal's own |");
		const download = section(renderMarkdown(allowedDownload), 'The question');
		expect(download).toContain("| **Key account** | account 444455556666, not the principal's (111122223333): cross-account |");
		expect(section(renderMarkdown(unknownCopy), 'The question')).toMatch(/\| \*\*Multipart\*\* \| unknown: the size is not known/);
	});

	it('groups requirements by place: key policy, IAM, bucket policy, then the guardrails', () => {
		const headings = section(report, 'Requirements')
			.split('\n')
			.filter(line => line.startsWith('### '));
		expect(headings).toEqual(['### Key policy', '### IAM identity policies', '### Bucket policy', '### Permissions boundary', '### Service control policies']);
		const copyHeadings = section(renderMarkdown(unknownCopy), 'Requirements')
			.split('\n')
			.filter(line => line.startsWith('### '));
		expect(copyHeadings).toEqual(['### Key policy', '### KMS grants', '### Resource control policies']);
	});

	it('marks each requirement row with its status, action, deciding statement and why', () => {
		const keyPolicy = tableUnder(report, 'Key policy');
		expect(row(keyPolicy, 'kms:GenerateDataKey').slice(0, 4)).toEqual(['✔', '`kms:GenerateDataKey`', 'ok', 'key policy, Sid "AllowUploaderEncrypt"']);
		expect(row(keyPolicy, 'kms:Decrypt').slice(0, 4)).toEqual(['✘', '`kms:Decrypt`', 'missing', '—']);
		expect(row(tableUnder(report, 'Bucket policy'), 's3:PutObject').slice(0, 4)).toEqual(['⛔', '`s3:PutObject`', 'denied', 'bucket policy, Sid "DenyOtherKeys"']);
		const boundary = row(tableUnder(report, 'Permissions boundary'), 'kms:Decrypt');
		expect(boundary[0]).toBe('?');
		expect(boundary[4]).toContain('Resolve with: iam:GetRole on arn:aws:iam::111122223333:role/uploader');
		expect(row(tableUnder(report, 'IAM identity policies'), 'kms:GenerateDataKey').slice(0, 1)).toEqual(['–']);
	});

	it('names the resource once per place when every row shares it, and per row when they differ', () => {
		expect(report).toContain('### Key policy\n\nResource: `arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`\n');
		expect(tableUnder(report, 'IAM identity policies')[0]).toEqual(['', 'Action', 'Resource', 'Status', 'Decided by', 'Why']);
		const copyKeyPolicy = tableUnder(renderMarkdown(unknownCopy), 'Key policy');
		expect(copyKeyPolicy[0]).toContain('Resource');
		expect(copyKeyPolicy.slice(2).map(cells => cells[2])).toEqual([
			'`arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`',
			'`arn:aws:kms:eu-west-1:444455556666:key/source`',
		]);
	});

	it('escapes pipes in table cells, so every row has as many cells as its header', () => {
		const tables = report.split('\n\n').filter(block => block.startsWith('|'));
		expect(tables.length).toBeGreaterThan(5);
		for (const table of tables) {
			const [header, ...rows] = table.split('\n');
			for (const line of rows) expect(tableCells(line), line).toHaveLength(tableCells(header!).length);
		}
		expect(report).toContain('| **Object** | `s3://dest-bucket/reports/2025\\|q1.csv` |');
		expect(report).toContain('key other than key/other \\| legacy.');
	});

	it('shows the conditions that decided, expected against actual', () => {
		const conditions = section(report, 'Conditions that decided');
		expect(conditions).toContain('### ⛔ s3:PutObject, bucket policy, Sid "DenyOtherKeys"');
		const rows = tableUnder(conditions, '⛔ s3:PutObject, bucket policy, Sid "DenyOtherKeys"');
		expect(rows[0]).toEqual(['', 'Operator', 'Key', 'Expected', 'Actual', 'Why']);
		expect(rows[2]!.slice(0, 5)).toEqual([
			'⛔ matches — this is what denies',
			'`StringNotEquals`',
			'`s3:x-amz-server-side-encryption-aws-kms-key-id`',
			'`arn:aws:kms:eu-west-1:111122223333:key/other`',
			'`arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`',
		]);
		expect(rows[3]!.slice(0, 5)).toEqual(['✘ fails', '`Bool`', '`aws:SecureTransport`', '`true`', '*(absent)*']);
		expect(renderMarkdown(allowedDownload)).not.toContain('## Conditions');
	});

	it('gives each fix as the statement, the whole merged policy (valid JSON) and the command', () => {
		const blocks = fencedBlocks(section(report, 'Fixes'));
		expect(blocks.map(block => block.language)).toEqual(['json', 'json', 'sh', 'json', 'json', 'sh']);
		const [keyFix, bucketFix] = deniedMultipartUpload.fixes;
		expect(JSON.parse(blocks[0]!.content)).toEqual(keyFix!.statement);
		expect(JSON.parse(blocks[1]!.content)).toEqual(keyFix!.policy);
		expect(blocks[2]!.content).toBe(keyFix!.command);
		expect(JSON.parse(blocks[3]!.content)).toEqual(bucketFix!.statement);
		expect(blocks[5]!.content).toBe(bucketFix!.command);
	});

	it('says which fixes are proven and which are not, and what kind each is', () => {
		const fixes = section(report, 'Fixes');
		expect(fixes).toContain('### 1. Key policy: add an allow (✔ proven)');
		expect(fixes).toMatch(/### 2\. Bucket policy: narrow the deny \(\*\*not proven\*\*/);
		expect(fixes).toContain('The denying statement, narrowed so it no longer denies this request:');
		// Each fix labelled with its account; a narrowed Deny with what it gives up, beside it.
		expect(fixes).toContain("Who applies it: account 111122223333 (the key's owner)");
		expect(fixes).toContain("Who applies it: the bucket's owner (account not known)");
		expect(fixes).toContain(`> ⚠ **What it gives up:** ${deniedMultipartUpload.fixes[1]!.weakens}`);
		expect(section(renderMarkdown(allowedDownload), 'Fixes')).toContain('None needed.');
	});

	it('ends with a "who must act" table that groups the fixes by account', () => {
		const lines = report.trimEnd().split('\n');
		const heading = lines.indexOf('## Who must act');
		expect(heading).toBeGreaterThan(lines.indexOf('## Unknowns'));
		expect(lines.slice(heading)).toEqual(
			expect.arrayContaining(["| account 111122223333 (the key's owner) | 1 |", "| the bucket's owner (account not known) | 2 |"]),
		);
		// Nothing but the footer after it.
		expect(lines.slice(heading + 1).some(line => line.startsWith('## '))).toBe(false);
		expect(renderMarkdown(allowedDownload)).not.toContain('## Who must act');
	});

	it('lists findings with severity, and unknowns with what would resolve them', () => {
		const findings = section(report, 'Findings');
		expect(findings).toContain('- ! **warning** `multipart-requires-decrypt`: 12 MiB is above the 8 MiB multipart threshold');
		expect(findings).toContain('  - Remedy: `aws s3 cp big.bin');
		const unknowns = section(report, 'Unknowns');
		expect(unknowns).toContain('- ? **the permissions boundary of role uploader**: iam:GetRole was denied');
		expect(unknowns).toContain('  - Resolve with: iam:GetRole on arn:aws:iam::111122223333:role/uploader');
	});

	it('keeps text from policies inert: no raw HTML, emphasis, broken fences or line breaks of a value', () => {
		const hostile: Diagnosis = {
			...deniedMultipartUpload,
			summary: 'Denied by <script>alert(1)</script> and *everything*.',
			fixes: [{...deniedMultipartUpload.fixes[0]!, command: "aws kms put-key-policy --policy '```'\n```\necho escaped"}],
		};
		const text = renderMarkdown(hostile);
		expect(text).toContain('Denied by &lt;script&gt;alert(1)&lt;/script&gt; and \\*everything\\*.');
		// A line break inside a value would be shown as \n, which a shell reads as another value: no command is fenced to
		// paste, and the sentence in its place holds no line break that could end a block.
		expect(fencedBlocks(text).find(block => block.language === 'sh')).toBeUndefined();
		expect(text).toMatch(/^> ⚠ Not shown ready to paste: a value in this command holds a line break.*check --format json, which keeps every character exact\.$/m);
	});

	it('is deterministic, and dates the report only when told to', () => {
		expect(renderMarkdown(deniedMultipartUpload)).toBe(report);
		expect(report.trimEnd().split('\n').at(-1)).toBe('*Generated by s3-kms-doctor.*');
		const dated = renderMarkdown(deniedMultipartUpload, {generatedAt: '2025-01-31T10:00:00Z', toolVersion: '0.1.0'});
		expect(dated.trimEnd().split('\n').at(-1)).toBe('*Generated by s3-kms-doctor 0.1.0 on 2025-01-31T10:00:00Z.*');
	});
});
