import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {keys} from './fake-aws/scenarios.js';

/**
 * A fake EC2 instance metadata service on 127.0.0.1 (point AWS_EC2_METADATA_SERVICE_ENDPOINT at `url`): each
 * `METHOD path` answers as `routes` says (else 404), and every request is kept in `seen`.
 */

export type Route = (request: IncomingMessage, response: ServerResponse) => void;
export type Seen = {readonly request: string; readonly ttl?: string; readonly token?: string};

export const imdsToken = 'AQAEAFakeImdsSessionToken==';
export const rolesPath = '/latest/meta-data/iam/security-credentials/';
/** The instance role's credentials: the fake AWS knows them as the uploader role's session. */
export const instanceCredentialsAnswer = {
	Code: 'Success',
	LastUpdated: '2026-12-01T00:00:00Z',
	Type: 'AWS-HMAC',
	AccessKeyId: keys.uploader.accessKeyId,
	SecretAccessKey: keys.uploader.secretAccessKey,
	Token: keys.uploader.sessionToken,
	Expiration: '2099-01-01T00:00:00Z',
};

export const answerWith =
	(status: number, body: unknown): Route =>
	(_request, response) => {
		response.writeHead(status, {'content-type': typeof body === 'string' ? 'text/plain' : 'application/json'});
		response.end(typeof body === 'string' ? body : JSON.stringify(body));
	};

/** Answers only a request that carries the session token, as an instance that requires IMDSv2 does. */
export const withToken =
	(route: Route): Route =>
	(request, response) =>
		request.headers['x-aws-ec2-metadata-token'] === imdsToken ? route(request, response) : answerWith(401, '')(request, response);

/** An instance with the role uploader, answering over IMDSv2 only. */
export const instanceWithRole = (): Record<string, Route> => ({
	'PUT /latest/api/token': answerWith(200, imdsToken),
	[`GET ${rolesPath}`]: withToken(answerWith(200, 'uploader')),
	[`GET ${rolesPath}uploader`]: withToken(answerWith(200, instanceCredentialsAnswer)),
});

/** An answer of 32 MiB, written as fast as the client reads it. */
export const flood: Route = (_request, response) => {
	response.writeHead(200, {'content-type': 'application/json'});
	const chunk = Buffer.alloc(1024 * 1024, 0x20);
	const write = (left: number): void => {
		if (left === 0 || response.destroyed) return void response.end();
		response.write(chunk, () => write(left - 1));
	};
	write(32);
};

/** An answer that never ends: a space every 100 ms for a minute, so no idle timeout ends it. `closed` is called when the client hangs up. */
export const trickle =
	(closed: () => void): Route =>
	(request, response) => {
		request.socket.once('close', closed);
		response.writeHead(200, {'content-type': 'application/json'});
		const timer = setInterval(() => response.write(' '), 100);
		const stop = setTimeout(() => response.end(), 60_000);
		response.once('close', () => {
			clearInterval(timer);
			clearTimeout(stop);
		});
	};

export type FakeImds = {
	readonly url: string;
	routes: Record<string, Route>;
	readonly seen: Seen[];
	readonly close: () => Promise<void>;
};

export const startFakeImds = async (): Promise<FakeImds> => {
	const seen: Seen[] = [];
	const imds = {routes: {} as Record<string, Route>, seen};
	const server = createServer((request, response) => {
		const ttl = request.headers['x-aws-ec2-metadata-token-ttl-seconds'];
		const sent = request.headers['x-aws-ec2-metadata-token'];
		seen.push({request: `${request.method} ${request.url}`, ...(typeof ttl === 'string' ? {ttl} : {}), ...(typeof sent === 'string' ? {token: sent} : {})});
		(imds.routes[`${request.method} ${request.url}`] ?? answerWith(404, ''))(request, response);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return Object.assign(imds, {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise(resolve => server.close(resolve));
		},
	});
};
