import type {Readable} from 'node:stream';
import {NodeHttpHandler} from '@smithy/node-http-handler';
import {boundedBody} from './bounded-body.js';

type Request = Parameters<NodeHttpHandler['handle']>[0];
type HandleOptions = Parameters<NodeHttpHandler['handle']>[1];
type Handled = Awaited<ReturnType<NodeHttpHandler['handle']>>;

/**
 * The SDK's own HTTP handler, with every answer's body bounded (bounded-body.ts): given as `requestHandler`
 * to every client we make and to the STS and SSO clients behind a profile's credentials.
 */
export class AwsHttpHandler extends NodeHttpHandler {
	override async handle(request: Request, options?: HandleOptions): Promise<Handled> {
		const {response} = await super.handle(request, options);
		response.body = boundedBody(response.body as Readable);
		return {response};
	}
}
