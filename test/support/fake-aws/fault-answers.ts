import type {FakeService} from './call.js';
import type {Fault} from './server.js';

/** What a broken or hostile endpoint answers in AWS's place, for a fault of kind `answer`: each test says only what differs. */

export type FakeAnswer = NonNullable<Fault['answer']>;

/** The call answered with exactly this, every time (or `times` times). */
export const answering = (service: FakeService, operation: string, answer: FakeAnswer, times?: number): Fault => ({
	service,
	operation,
	kind: 'answer',
	answer,
	...(times === undefined ? {} : {times}),
});

/** An HTML page where AWS's answer should be: a proxy's sign-in page, a gateway's error page. */
export const htmlPage = (body: string, status = 200): FakeAnswer => ({status, headers: {'content-type': 'text/html'}, body});

/** A proxy's sign-in page, with HTTP 200. */
export const signInPage = htmlPage('<html><body><h1>Sign in to continue</h1></body></html>');

/** A 200 in the JSON protocol of KMS and Organizations: `body` sent as it is, or as JSON when it is not a string. */
export const jsonAnswer = (body: unknown): FakeAnswer => ({
	status: 200,
	headers: {'content-type': 'application/x-amz-json-1.1'},
	body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A 200 in an XML protocol: the query protocol's `text/xml` (STS, IAM) unless another content type is given (S3's). */
export const xmlAnswer = (body: string, contentType = 'text/xml'): FakeAnswer => ({status: 200, headers: {'content-type': contentType}, body});

/** An answer that only sets headers (HEAD has no body). */
export const headersOnly = (status: number, headers: Readonly<Record<string, string>>): FakeAnswer => ({status, headers, body: ''});
