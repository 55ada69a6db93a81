/** An answer (written as the CLI prints it), a failure (`{error: 'Code: message'}`) or raw text of a file. */
export type BundleCall = Record<string, unknown> | {readonly error: string; readonly exit?: number} | {readonly raw: string};

/** The question of the bundles bundleFiles makes; a test asking another sets its own question.json. */
export const bundleQuestion = {format: 's3-kms-doctor/bundle@1', operation: 'upload', bucket: 'amzn-s3-demo-bucket', objectKey: 'backups/db.tar'};

/** A bundle as the script lays it out: STEM.json, STEM.stderr, STEM.exit, and a manifest. */
export const bundleFiles = (
	calls: Readonly<Record<string, BundleCall>>,
	extra: Readonly<Record<string, string>> = {},
	options: {manifest?: boolean; exits?: boolean} = {},
): Map<string, string> => {
	const files = new Map<string, string>([['question.json', JSON.stringify(bundleQuestion)]]);
	const rows = ['# s3-kms-doctor/bundle@1', '# collected-at\t2024-06-01T09:30:00Z', '# file\texit\tpermission\tcommand'];
	for (const [stem, call] of Object.entries(calls)) {
		if ('error' in call && typeof call.error === 'string') {
			const [code, ...message] = call.error.split(': ');
			files.set(`${stem}.json`, '');
			files.set(`${stem}.stderr`, `\nAn error occurred (${code}) when calling the X operation: ${message.join(': ')}\n`);
			if (options.exits !== false) files.set(`${stem}.exit`, `${call.exit ?? 254}\n`);
			rows.push(`${stem}\t${call.exit ?? 254}\tperm\taws x`);
		} else {
			files.set(`${stem}.json`, 'raw' in call && typeof call.raw === 'string' ? call.raw : `${JSON.stringify(call, null, 4)}\n`);
			files.set(`${stem}.stderr`, '');
			if (options.exits !== false) files.set(`${stem}.exit`, '0\n');
			rows.push(`${stem}\t0\tperm\taws x`);
		}
	}
	if (options.manifest !== false) files.set('manifest.tsv', `${rows.join('\n')}\n`);
	for (const [name, content] of Object.entries(extra)) files.set(name, content);
	return files;
};
