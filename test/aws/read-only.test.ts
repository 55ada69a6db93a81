import {readdir, readFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

/**
 * Read-only by construction: source/aws may only name SDK commands that read (Get*, List*, Describe*, Head*,
 * and sts:GetCallerIdentity), and may not import the aggregated clients (`new S3()` has every method,
 * writes included) or a whole client package at once (which would hide what is used). Credentials come from the few
 * credential providers a profile needs, named one by one: they start sessions and change nothing.
 */

const root = join(import.meta.dirname, '..', '..', 'source', 'aws');

const sourceFiles = async (directory: string): Promise<string[]> => {
	const entries = await readdir(directory, {withFileTypes: true});
	const nested = await Promise.all(
		entries.map(entry => (entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : Promise.resolve(/\.tsx?$/.test(entry.name) ? [join(directory, entry.name)] : []))),
	);
	return nested.flat();
};

const readCommand = /^(Get|List|Describe|Head)[A-Za-z0-9]*Command$/;
/** The providers the profiles need: a profile's own kinds (fromIni), web identity, and a role assumed with the credentials of its credential_source or of a source profile's credential_process. */
const sessionProviders: ReadonlySet<string> = new Set(['fromIni', 'fromWebToken', 'fromTemporaryCredentials']);

/** The names a file imports as values (not types) from modules matching `module`, each with its module. */
const valueImports = (text: string, module: RegExp): Array<{name: string; module: string}> => {
	const imports: Array<{name: string; module: string}> = [];
	for (const match of text.matchAll(new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'(${module.source})'`, 'g'))) {
		const [, typeOnly, names, from] = match;
		if (typeOnly) continue;
		for (const raw of names!.split(',')) {
			const specifier = raw.trim();
			if (specifier !== '' && !specifier.startsWith('type ')) imports.push({name: specifier.split(/\s+as\s+/)[0]!.trim(), module: from!});
		}
	}
	return imports;
};

/** Every problem in one file's text; empty when it only reads. */
export const writeProblems = (text: string): string[] => {
	const problems: string[] = [];
	for (const match of text.matchAll(/\b([A-Z][A-Za-z0-9]*Command)\b/g)) {
		const name = match[1]!;
		if (!readCommand.test(name)) problems.push(`names ${name}, which is not a read`);
	}
	for (const {name, module} of valueImports(text, /@aws-sdk\/client-[a-z0-9-]+/)) {
		if (!name.endsWith('Client') && !readCommand.test(name)) problems.push(`imports ${name} from ${module}: only clients and read commands`);
		if (name.endsWith('Client') && !/^(STS|IAM|KMS|S3|Organizations)Client$/.test(name)) problems.push(`imports ${name} from ${module}`);
	}
	// Credential providers start sessions (sts:AssumeRole, AssumeRoleWithWebIdentity, SSO's GetRoleCredentials) and change
	// nothing in the account; only the ones the profiles need, by name, so a new one is a decision, not an accident.
	for (const {name, module} of valueImports(text, /@aws-sdk\/credential-provider[a-z0-9-]*/)) {
		if (!sessionProviders.has(name)) problems.push(`imports ${name} from ${module}: only ${[...sessionProviders].join(', ')}`);
	}
	if (/import\s+\*\s+as\s+\w+\s+from\s+'@aws-sdk\/(client|credential-provider)/.test(text)) problems.push('imports a whole client package');
	if (/require\(\s*'@aws-sdk\/client-/.test(text) || /import\(\s*'@aws-sdk\/client-/.test(text)) problems.push('loads a client package dynamically');
	// A command by another name: `new (X as any)(…)`, or an aggregated client's method (`s3.putObject(…)`).
	if (/\.\s*(put|delete|create|update|attach|detach|tag|untag|enable|disable|schedule|cancel|revoke|retire|encrypt|decrypt|generate|sign|replicate|restore|copy|upload|complete|abort|assume)[A-Z][A-Za-z]*\s*\(/.test(text)) {
		problems.push('calls a method named like a write');
	}
	return [...new Set(problems)];
};

describe('source/aws is read-only by construction', () => {
	it('names only Get/List/Describe/Head commands and imports only client classes and such commands', async () => {
		const files = await sourceFiles(root);
		expect(files.length).toBeGreaterThan(5);
		const problems: string[] = [];
		for (const file of files) {
			for (const problem of writeProblems(await readFile(file, 'utf8'))) problems.push(`${relative(root, file)}: ${problem}`);
		}
		expect(problems).toEqual([]);
	});

	it('uses the read commands it needs (the scan sees the real imports)', async () => {
		const texts = await Promise.all((await sourceFiles(root)).map(file => readFile(file, 'utf8')));
		const named = new Set(texts.flatMap(text => [...text.matchAll(/\b([A-Z][A-Za-z0-9]*Command)\b/g)].map(match => match[1]!)));
		// GetBucketAcl and GetObjectAcl read only the owners' canonical IDs; the scan above proves they are reads, not PutObjectAcl.
		for (const command of ['GetCallerIdentityCommand', 'GetKeyPolicyCommand', 'GetBucketPolicyCommand', 'HeadObjectCommand', 'GetPolicyVersionCommand', 'ListParentsCommand', 'GetBucketAclCommand', 'GetObjectAclCommand']) {
			expect(named).toContain(command);
		}
	});

	it('catches a write command, an aggregated client and a namespace import', () => {
		expect(writeProblems("import {PutBucketPolicyCommand} from '@aws-sdk/client-s3';\nclient.send(new PutBucketPolicyCommand({}));")).toEqual([
			'names PutBucketPolicyCommand, which is not a read',
			'imports PutBucketPolicyCommand from @aws-sdk/client-s3: only clients and read commands',
		]);
		expect(writeProblems("import {S3} from '@aws-sdk/client-s3';\nawait new S3({}).putBucketPolicy({});")).toEqual([
			'imports S3 from @aws-sdk/client-s3: only clients and read commands',
			'calls a method named like a write',
		]);
		expect(writeProblems("import * as kms from '@aws-sdk/client-kms';")).toEqual(['imports a whole client package']);
		expect(writeProblems("import {CreateGrantCommand as Grant} from '@aws-sdk/client-kms';")).toEqual([
			'names CreateGrantCommand, which is not a read',
			'imports CreateGrantCommand from @aws-sdk/client-kms: only clients and read commands',
		]);
		expect(writeProblems("import {GetKeyPolicyCommand, KMSClient, type GrantListEntry} from '@aws-sdk/client-kms';")).toEqual([]);
	});

	it('imports only the credential providers that start sessions for a profile, by name', () => {
		expect(writeProblems("import {fromTemporaryCredentials, fromWebToken, type fromIni} from '@aws-sdk/credential-providers';")).toEqual([]);
		expect(writeProblems("import {fromCognitoIdentityPool} from '@aws-sdk/credential-providers';")).toEqual([
			'imports fromCognitoIdentityPool from @aws-sdk/credential-providers: only fromIni, fromWebToken, fromTemporaryCredentials',
		]);
		expect(writeProblems("import * as providers from '@aws-sdk/credential-providers';")).toEqual(['imports a whole client package']);
	});
});
