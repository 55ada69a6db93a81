import {request as httpRequest, type Agent, type IncomingMessage} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {boundedBody} from './bounded-body.js';

/** What an endpoint answered: its status and its body as text. */
export type LocalAnswer = {readonly status: number; readonly body: string};

export type LocalRequest = {
	readonly method: 'GET' | 'PUT';
	readonly headers: Readonly<Record<string, string>>;
	/** Without a byte for this long the request fails with code ETIMEDOUT. */
	readonly timeoutMs: number;
	/** The deadline or Ctrl+C: aborts the request, its answer included. */
	readonly stop: AbortSignal;
	readonly agent?: Agent;
};

/**
 * One request to a credentials endpoint on the machine or its host (a container's, an instance's metadata service),
 * which the SDK's clients do not make for us: its answer read bounded (bounded-body.ts, failing with AnswerTooLarge),
 * timed, and stopped with `stop`.
 */
export const localRequest = (url: URL, options: LocalRequest): Promise<LocalAnswer> =>
	new Promise((resolve, reject) => {
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const {method, headers, timeoutMs, stop, agent} = options;
		const request = send(url, {method, headers, signal: stop, timeout: timeoutMs, ...(agent ? {agent} : {})}, (response: IncomingMessage) => {
			const chunks: Buffer[] = [];
			const body = boundedBody(response);
			body.on('data', (chunk: Buffer) => chunks.push(chunk));
			body.on('error', reject);
			body.on('end', () => resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}));
		});
		request.on('timeout', () => request.destroy(Object.assign(new Error('no answer'), {code: 'ETIMEDOUT'})));
		request.on('error', reject);
		request.end();
	});
