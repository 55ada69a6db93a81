import type {Readable} from 'node:stream';
import {NodeHttpHandler, type NodeHttpHandlerOptions} from '@smithy/node-http-handler';
import {anySignal} from './any-signal.js';
import {boundedBody} from './bounded-body.js';

type Request = Parameters<NodeHttpHandler['handle']>[0];
type HandleOptions = NonNullable<Parameters<NodeHttpHandler['handle']>[1]>;
type Handled = Awaited<ReturnType<NodeHttpHandler['handle']>>;

/**
 * The SDK's own HTTP handler, with every answer's body bounded (bounded-body.ts): given as `requestHandler`
 * to every client we make and to the STS and SSO clients behind a profile's credentials. With `stop`, every
 * request is aborted when it aborts: the credential providers' clients take no abort signal of ours.
 */
export class AwsHttpHandler extends NodeHttpHandler {
	readonly #stop: AbortSignal | undefined;

	constructor(options: NodeHttpHandlerOptions, stop?: AbortSignal) {
		super(options);
		this.#stop = stop;
	}

	override async handle(request: Request, options: HandleOptions = {}): Promise<Handled> {
		if (!this.#stop) return this.#bounded(await super.handle(request, options));
		const given = options.abortSignal as AbortSignal | undefined;
		const either = anySignal(given ? [given, this.#stop] : [this.#stop]);
		try {
			const handled = this.#bounded(await super.handle(request, {...options, abortSignal: either.signal}));
			// Until the body is read or given up, an abort must still reach the request.
			(handled.response.body as Readable).once('close', either.dispose);
			return handled;
		} catch (error) {
			either.dispose();
			throw error;
		}
	}

	#bounded({response}: Handled): Handled {
		response.body = boundedBody(response.body as Readable);
		return {response};
	}
}
