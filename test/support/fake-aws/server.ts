import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fail, protocols, type FakeCall, type FakeService, type Handler, type World} from './call.js';
import {handleIam} from './iam.js';
import {handleKms} from './kms.js';
import {handleOrganizations} from './organizations.js';
import {handleS3} from './s3.js';
import type {FakeScenario} from './scenario.js';
import {handleSts} from './sts.js';
import {errorAnswer, type ErrorSpec, type FakeResponse} from './wire.js';

export type FaultKind = 'denied' | 'throttle' | 'server-error' | 'method-not-allowed' | 'reset' | 'hang' | 'latency' | 'error' | 'flood' | 'answer';

/** Make matching calls fail (or slow down): by service, operation, account or access key; `times` then stop. */
export type Fault = {
	readonly service?: FakeService;
	readonly operation?: string;
	readonly account?: string;
	readonly accessKeyId?: string;
	readonly kind: FaultKind;
	readonly times?: number;
	readonly latencyMs?: number;
	/** For `error`: any error the protocol can carry, e.g. {status: 404, code: 'NoSuchBucketPolicy', …}. */
	readonly error?: ErrorSpec;
	/** For `flood`: how many bytes the answer's body runs to. */
	readonly bytes?: number;
	/** For `answer`: the exact answer sent (a broken or hostile endpoint's: a page that repeats its marker, a body that is not XML or JSON). */
	readonly answer?: {readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body: string};
};

export type CallRecord = {
	readonly service: FakeService | 'unknown';
	readonly operation: string;
	readonly account?: string;
	readonly accessKeyId?: string;
	readonly region?: string;
	readonly method: string;
	readonly url: string;
	readonly startedAt: number;
	finishedAt?: number;
	status?: number;
	fault?: FaultKind;
	/** The bytes of the body the client took before it finished or hung up (a flood's is what the client let in). */
	bodyBytesSent?: number;
	/** When the client gave up on a call that never answers (`hang`) and closed its connection. */
	abandonedAt?: number;
	/** Not a Get/List/Describe/Head read (AssumeRole and AssumeRoleWithWebIdentity by a profile's credential provider are expected). */
	readonly write: boolean;
};

export type FakeAws = {
	/** `http://127.0.0.1:PORT`, for AWS_ENDPOINT_URL or a profile's endpoint_url. */
	readonly url: string;
	readonly calls: readonly CallRecord[];
	readonly addFault: (fault: Fault) => void;
	readonly clearFaults: () => void;
	/** Added to every answer, to measure what runs in parallel. */
	readonly setLatency: (ms: number) => void;
	readonly resetCalls: () => void;
	readonly close: () => Promise<void>;
};

const handlers: Readonly<Record<FakeService, Handler>> = {sts: handleSts, iam: handleIam, kms: handleKms, s3: handleS3, organizations: handleOrganizations};

const faultErrors: Readonly<Record<'denied' | 'throttle' | 'server-error' | 'method-not-allowed', Readonly<Record<FakeService, ErrorSpec>>>> = {
	denied: {
		sts: {status: 403, code: 'AccessDenied', message: 'Access denied (injected)'},
		iam: {status: 403, code: 'AccessDenied', message: 'Access denied (injected)'},
		kms: {status: 400, code: 'AccessDeniedException', message: 'Access denied (injected)'},
		organizations: {status: 400, code: 'AccessDeniedException', message: "You don't have permissions to access this resource. (injected)"},
		s3: {status: 403, code: 'AccessDenied', message: 'Access Denied'},
	},
	throttle: {
		sts: {status: 400, code: 'Throttling', message: 'Rate exceeded'},
		iam: {status: 400, code: 'Throttling', message: 'Rate exceeded'},
		kms: {status: 400, code: 'ThrottlingException', message: 'Rate exceeded'},
		organizations: {status: 400, code: 'TooManyRequestsException', message: 'Rate exceeded'},
		s3: {status: 503, code: 'SlowDown', message: 'Please reduce your request rate.'},
	},
	'server-error': {
		sts: {status: 500, code: 'InternalFailure', message: 'Internal failure (injected)'},
		iam: {status: 500, code: 'ServiceFailure', message: 'Service failure (injected)'},
		kms: {status: 500, code: 'KMSInternalException', message: 'Internal error (injected)'},
		organizations: {status: 500, code: 'ServiceException', message: 'Service error (injected)'},
		s3: {status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.'},
	},
	'method-not-allowed': {
		sts: {status: 405, code: 'MethodNotAllowed', message: 'Method not allowed'},
		iam: {status: 405, code: 'MethodNotAllowed', message: 'Method not allowed'},
		kms: {status: 405, code: 'MethodNotAllowed', message: 'Method not allowed'},
		organizations: {status: 405, code: 'MethodNotAllowed', message: 'Method not allowed'},
		s3: {status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.'},
	},
};

const readBody = (request: IncomingMessage): Promise<string> =>
	new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});

/** Write `bytes` of filler as fast as the client takes it; resolves with how many it took before it finished or hung up. */
const flood = (response: ServerResponse, bytes: number): Promise<number> =>
	new Promise(resolve => {
		const chunk = Buffer.alloc(64 * 1024, 'x');
		let sent = 0;
		let done = false;
		const finish = (): void => {
			if (done) return;
			done = true;
			resolve(sent);
		};
		response.on('close', finish);
		response.writeHead(200, {'content-type': 'application/xml'});
		const pump = (): void => {
			while (!done && sent < bytes) {
				const size = Math.min(chunk.length, bytes - sent);
				sent += size;
				if (!response.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
					response.once('drain', pump);
					return;
				}
			}
			if (!done) response.end(finish);
		};
		pump();
	});

/** `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, …` */
const credentialScope = (authorization: string | undefined) => {
	const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? '');
	return match ? {accessKeyId: match[1]!, region: match[2]!, service: match[3]!} : undefined;
};

const s3Operation = (method: string, url: URL): {operation: string; params: Record<string, string>} => {
	const path = url.pathname.slice(1);
	const slash = path.indexOf('/');
	const bucket = decodeURIComponent(slash === -1 ? path : path.slice(0, slash));
	const key = slash === -1 ? '' : path.slice(slash + 1).split('/').map(decodeURIComponent).join('/');
	const params: Record<string, string> = {Bucket: bucket, ...(key ? {Key: key} : {})};
	const has = (name: string): boolean => url.searchParams.has(name);
	if (method === 'HEAD') return {operation: key ? 'HeadObject' : 'HeadBucket', params};
	if (method === 'GET') {
		if (has('policy')) return {operation: 'GetBucketPolicy', params};
		if (has('encryption')) return {operation: 'GetBucketEncryption', params};
		if (has('ownershipControls')) return {operation: 'GetBucketOwnershipControls', params};
		if (has('location')) return {operation: 'GetBucketLocation', params};
		if (has('replication')) return {operation: 'GetBucketReplication', params};
		if (has('versioning')) return {operation: 'GetBucketVersioning', params};
		if (has('acl')) return {operation: key ? 'GetObjectAcl' : 'GetBucketAcl', params};
		return {operation: key ? 'GetObject' : 'ListObjects', params};
	}
	return {operation: `${method}:${url.search || '(object)'}`, params};
};

const isRead = (service: FakeService, operation: string, method: string): boolean =>
	service === 's3' ? method === 'GET' || method === 'HEAD' : /^(Get|List|Describe|Head)/.test(operation) || operation === 'AssumeRole' || operation === 'AssumeRoleWithWebIdentity';

const faultAnswer = (fault: Fault, call: FakeCall): FakeResponse | undefined => {
	switch (fault.kind) {
		case 'latency':
			return undefined;
		case 'reset':
			return {kind: 'reset'};
		case 'hang':
			return {kind: 'hang'};
		case 'flood':
			return {kind: 'flood', bytes: fault.bytes ?? 1024 ** 3};
		case 'answer':
			return {kind: 'answer', status: fault.answer?.status ?? 200, headers: fault.answer?.headers ?? {}, body: fault.answer?.body ?? ''};
		case 'error':
			return errorAnswer(protocols[call.service], fault.error ?? {status: 400, code: 'InjectedError', message: 'injected'}, {head: call.head});
		default:
			return fail(call, faultErrors[fault.kind][call.service]);
	}
};

/** A fake AWS endpoint on 127.0.0.1 (port 0: the system picks) that speaks each service's wire protocol. */
export const startFakeAws = async (scenario: FakeScenario, options: {latencyMs?: number; checksS3Region?: boolean} = {}): Promise<FakeAws> => {
	const world: World = {scenario, credentials: new Map(scenario.credentials.map(credential => [credential.accessKeyId, credential])), checksS3Region: options.checksS3Region ?? false};
	const calls: CallRecord[] = [];
	let faults: {fault: Fault; left: number}[] = [];
	let latencyMs = options.latencyMs ?? 0;

	const takeFault = (call: FakeCall): Fault | undefined => {
		const entry = faults.find(
			({fault, left}) =>
				left > 0 &&
				(fault.service === undefined || fault.service === call.service) &&
				(fault.operation === undefined || fault.operation === call.operation) &&
				(fault.account === undefined || fault.account === call.caller.account) &&
				(fault.accessKeyId === undefined || fault.accessKeyId === call.caller.accessKeyId),
		);
		if (!entry) return undefined;
		entry.left--;
		return entry.fault;
	};

	const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const body = await readBody(request);
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const scope = credentialScope(request.headers.authorization);
		const target = request.headers['x-amz-target'];
		// The one STS call AWS takes unsigned that the SDK makes: a web-identity profile's (its token is the proof).
		const webIdentity = !scope && method === 'POST' && new URLSearchParams(body).get('Action') === 'AssumeRoleWithWebIdentity';
		const service = (webIdentity ? 'sts' : (scope?.service ?? '')) as FakeService;
		const known = service in handlers;
		let operation = 'unknown';
		let params: Record<string, unknown> = {};
		if (known && protocols[service] === 'query') {
			const form = new URLSearchParams(body);
			operation = form.get('Action') ?? 'unknown';
			params = Object.fromEntries(form.entries());
		} else if (known && protocols[service] === 'json') {
			operation = typeof target === 'string' ? (target.split('.').pop() ?? 'unknown') : 'unknown';
			params = body ? (JSON.parse(body) as Record<string, unknown>) : {};
		} else if (known) {
			({operation, params} = s3Operation(method, url));
			// S3 refuses a request whose x-amz-expected-bucket-owner is not the bucket's owner (the script's head-bucket sends it).
			const expectedOwner = request.headers['x-amz-expected-bucket-owner'];
			if (typeof expectedOwner === 'string') params = {...params, ExpectedBucketOwner: expectedOwner};
		}
		const caller = scope ? world.credentials.get(scope.accessKeyId) : undefined;
		const record: CallRecord = {
			service: known ? service : 'unknown',
			operation,
			method,
			url: url.pathname + url.search,
			startedAt: Date.now(),
			write: known ? !isRead(service, operation, method) : false,
			...(caller ? {account: caller.account} : {}),
			...(scope ? {accessKeyId: scope.accessKeyId, region: scope.region} : {}),
		};
		calls.push(record);
		let reply: FakeResponse;
		if (!known || (!scope && !webIdentity)) {
			reply = errorAnswer('rest-xml', {status: 403, code: 'MissingAuthenticationToken', message: 'Request is missing a SigV4 Authorization header'});
		} else {
			const call: FakeCall = {
				service,
				operation,
				region: scope?.region ?? '',
				caller: caller ?? {accessKeyId: scope?.accessKeyId ?? '', secretAccessKey: '', arn: '', userId: '', account: ''},
				params,
				head: method === 'HEAD',
			};
			const fault = caller || webIdentity ? takeFault(call) : undefined;
			if (fault) record.fault = fault.kind;
			const extraLatency = fault?.latencyMs ?? 0;
			if (latencyMs + extraLatency > 0) await new Promise(resolve => setTimeout(resolve, latencyMs + extraLatency));
			if (!caller && !webIdentity) {
				const code = service === 's3' ? 'InvalidAccessKeyId' : protocols[service] === 'json' ? 'UnrecognizedClientException' : 'InvalidClientTokenId';
				reply = fail(call, {status: protocols[service] === 'json' ? 400 : 403, code, message: 'The security token included in the request is invalid.'});
			} else {
				reply = (fault && faultAnswer(fault, call)) ?? handlers[service](call, world);
				// S3 sends the bucket's Region even with a 403 to HeadBucket.
				if (fault?.kind === 'denied' && service === 's3' && operation === 'HeadBucket' && reply.kind === 'answer') {
					const bucket = (scenario.buckets ?? []).find(candidate => candidate.name === params['Bucket']);
					if (bucket) reply = {...reply, headers: {...reply.headers, 'x-amz-bucket-region': bucket.region}};
				}
			}
		}
		if (reply.kind === 'hang') {
			request.socket.once('close', () => (record.abandonedAt = Date.now()));
			return;
		}
		if (reply.kind === 'flood') {
			record.status = 200;
			record.bodyBytesSent = await flood(response, reply.bytes);
			record.finishedAt = Date.now();
			return;
		}
		if (reply.kind === 'reset') {
			request.socket.destroy();
			record.finishedAt = Date.now();
			return;
		}
		response.writeHead(reply.status, {...reply.headers, 'content-length': Buffer.byteLength(reply.body)});
		response.end(reply.body);
		record.finishedAt = Date.now();
		record.status = reply.status;
	};

	const server = createServer((request, response) => {
		answer(request, response).catch((error: unknown) => {
			response.writeHead(500, {'content-type': 'text/plain'});
			response.end(`fake AWS failed: ${error instanceof Error ? error.message : String(error)}`);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		addFault: fault => faults.push({fault, left: fault.times ?? Number.POSITIVE_INFINITY}),
		clearFaults: () => {
			faults = [];
		},
		setLatency: ms => {
			latencyMs = ms;
		},
		resetCalls: () => {
			calls.length = 0;
		},
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
