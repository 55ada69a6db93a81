import {spawn, type ChildProcessByStdio} from 'node:child_process';
import type {Readable} from 'node:stream';
import {formatSize} from '../shared/format-size.js';
import {err, ok, type Result} from '../shared/result.js';
import {shellWords} from '../shared/shell.js';
import type {Credentials} from './credential-identity.js';

/**
 * A profile's `credential_process`, run by us rather than the SDK (which has no way to stop it): one waiting for a
 * login or a prompt must end with the deadline or Ctrl+C, and never keep this process from exiting. It is run as the
 * AWS CLI runs it, split into words (AWS's documented syntax: double quotes around what holds a space, no variables,
 * no ~) with no shell in between, so that killing it reaches the program itself; its output is checked as the SDK checks it.
 */

/** The SDK reads the output with exec's default buffer; credentials are a few hundred bytes. */
const maxOutputBytes = 1024 * 1024;
/** Enough of standard error for its first line. */
const maxErrorBytes = 16 * 1024;

const collect = (stream: NodeJS.ReadableStream, limit: number, onOver: () => void): (() => string) => {
	const chunks: Buffer[] = [];
	let size = 0;
	stream.on('data', (chunk: Buffer) => {
		size += chunk.length;
		if (size > limit) onOver();
		else chunks.push(chunk);
	});
	return () => Buffer.concat(chunks).toString('utf8');
};

const firstLine = (text: string): string => {
	const line = (text.trim().split('\n')[0] ?? '').trim();
	return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** The output's fields, checked as the SDK checks them (Version 1, both keys, an Expiration not past). */
export const credentialsOfOutput = (stdout: string, accountOfProfile: string | undefined, now: Date): Result<Credentials, string> => {
	let data: Record<string, unknown>;
	try {
		const parsed: unknown = JSON.parse(stdout.trim());
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
		data = parsed as Record<string, unknown>;
	} catch {
		return err('did not print a JSON object');
	}
	if (data['Version'] !== 1) return err('did not print "Version": 1');
	const {AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId, CredentialScope} = data;
	if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') return err('printed no AccessKeyId and SecretAccessKey');
	const expiration = typeof Expiration === 'string' ? new Date(Expiration) : undefined;
	if (expiration && expiration.getTime() < now.getTime()) return err(`printed credentials that expired at ${Expiration as string}`);
	const accountId = typeof AccountId === 'string' ? AccountId : accountOfProfile;
	return ok({
		accessKeyId: AccessKeyId,
		secretAccessKey: SecretAccessKey,
		...(typeof SessionToken === 'string' ? {sessionToken: SessionToken} : {}),
		...(expiration ? {expiration} : {}),
		...(typeof CredentialScope === 'string' ? {credentialScope: CredentialScope} : {}),
		...(accountId ? {accountId} : {}),
	});
};

/**
 * Run `command` until it prints the credentials, fails, or `stop` aborts: then it is killed and its pipes are
 * closed (a child of its own may hold them), so nothing of it keeps the event loop alive. The error is the words
 * after "its credential_process …".
 */
export const runCredentialProcess = (command: string, accountOfProfile: string | undefined, stop: AbortSignal): Promise<Result<Credentials, string>> =>
	new Promise(resolve => {
		if (stop.aborted) return resolve(err('was not started: stopped'));
		// Windows runs a .cmd only through cmd.exe, as the SDK does everywhere; no standard input: nothing would answer a prompt.
		const words = process.platform === 'win32' ? ok([command]) : shellWords(command);
		if (!words.ok) return resolve(err(`cannot be read: ${words.error}`));
		const [program, ...args] = words.value;
		if (program === undefined || program === '') return resolve(err('is empty'));
		let child: ChildProcessByStdio<null, Readable, Readable>;
		try {
			child = spawn(program, args, {shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true});
		} catch (error) {
			// A word Node refuses (a NUL byte): refused before anything runs.
			return resolve(err(`cannot be run: ${error instanceof Error ? error.message : String(error)}`));
		}
		let settled = false;
		const finish = (result: Result<Credentials, string>): void => {
			if (settled) return;
			settled = true;
			stop.removeEventListener('abort', onStop);
			resolve(result);
		};
		const abandon = (why: string): void => {
			child.kill();
			child.stdout.destroy();
			child.stderr.destroy();
			child.unref();
			finish(err(why));
		};
		const onStop = (): void => abandon('was stopped');
		stop.addEventListener('abort', onStop, {once: true});
		const stdout = collect(child.stdout, maxOutputBytes, () => abandon(`printed more than ${formatSize(maxOutputBytes)}`));
		const stderr = collect(child.stderr, maxErrorBytes, () => {});
		child.once('error', error => {
			const code = (error as NodeJS.ErrnoException).code ?? error.message;
			finish(err(`could not be started (${code}): ${program} — it is run as the AWS CLI runs it, without a shell: name the program by its full path, with no ~ or variables`));
		});
		child.once('close', (code, signal) => {
			if (code !== 0) {
				const said = firstLine(stderr());
				return finish(err(`failed (${code === null ? `killed by ${signal}` : `exit code ${code}`})${said ? `: ${said}` : ''}`));
			}
			finish(credentialsOfOutput(stdout(), accountOfProfile, new Date()));
		});
	});
