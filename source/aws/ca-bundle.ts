import {readFile} from 'node:fs/promises';
import {Agent} from 'node:https';
import {join} from 'node:path';
import {err, ok, type Result} from '../shared/result.js';
import type {IniSection} from './shared-files.js';

/**
 * The CA bundle the AWS CLI would trust: AWS_CA_BUNDLE, else the profile's `ca_bundle` (the variable wins,
 * as in the CLI). Behind a TLS-inspecting proxy it holds the proxy's CA; like the CLI, it replaces the
 * built-in roots. Every SDK client of the profile (and the STS/SSO clients behind its credentials) uses it.
 */

export type CaBundle = {readonly path: string; readonly namedBy: string; readonly pem: string};

/** A CA bundle is a few hundred kilobytes at most. */
const maxBundleBytes = 4 * 1024 * 1024;

export const caBundlePath = (env: NodeJS.ProcessEnv, section: IniSection | undefined, home: string): {path: string; namedBy: string} | undefined => {
	const expand = (path: string): string => (path.startsWith('~/') ? join(home, path.slice(2)) : path);
	if (env['AWS_CA_BUNDLE']) return {path: expand(env['AWS_CA_BUNDLE']), namedBy: 'AWS_CA_BUNDLE'};
	const fromProfile = section?.['ca_bundle'];
	return fromProfile ? {path: expand(fromProfile), namedBy: 'ca_bundle in the profile'} : undefined;
};

export const loadCaBundle = async (where: {path: string; namedBy: string}): Promise<Result<CaBundle, string>> => {
	let pem: string;
	try {
		const bytes = await readFile(where.path);
		if (bytes.length > maxBundleBytes) return err(`the CA bundle ${where.path} (${where.namedBy}) is over 4 MiB: is it the right file?`);
		pem = bytes.toString('utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return err(`cannot read the CA bundle ${where.path} (${where.namedBy}): ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`);
	}
	if (!pem.includes('-----BEGIN CERTIFICATE-----')) return err(`the CA bundle ${where.path} (${where.namedBy}) holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
	return ok({...where, pem});
};

const agents = new Map<string, Agent>();

/** The SDK's requestHandler options with an HTTPS agent that trusts the bundle (one agent per bundle). */
export const tlsOptions = (bundle: CaBundle | undefined): {readonly httpsAgent?: Agent} => {
	if (!bundle) return {};
	let agent = agents.get(bundle.pem);
	if (!agent) agents.set(bundle.pem, (agent = new Agent({keepAlive: true, ca: bundle.pem})));
	return {httpsAgent: agent};
};
