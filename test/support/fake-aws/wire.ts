/** The bits of each AWS wire protocol the fake speaks: query/XML (STS, IAM), JSON 1.1 (KMS, Organizations), REST/XML (S3). */

export type Protocol = 'query' | 'json' | 'rest-xml';

export type FakeResponse =
	| {readonly kind: 'answer'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string}
	/** Close the connection without an answer (a network fault). */
	| {readonly kind: 'reset'}
	/** Never answer (a timeout). */
	| {readonly kind: 'hang'}
	/** A 200 whose body goes on for `bytes` bytes, as fast as the client reads it (a hostile or broken endpoint). */
	| {readonly kind: 'flood'; readonly bytes: number};

export const escapeXml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A value of an XML tree: text, nested elements, or a list written as `<member>` items (query protocol). */
export type XmlValue = string | number | boolean | undefined | XmlTree | readonly XmlValue[];
export type XmlTree = {readonly [name: string]: XmlValue};

const isTree = (value: XmlValue): value is XmlTree => typeof value === 'object' && value !== null && !Array.isArray(value);

export const toXml = (tree: XmlTree): string =>
	Object.entries(tree)
		.map(([name, value]) => element(name, value))
		.join('');

const element = (name: string, value: XmlValue): string => {
	if (value === undefined) return '';
	if (Array.isArray(value)) return `<${name}>${value.map(item => element('member', item)).join('')}</${name}>`;
	if (isTree(value as XmlValue)) return `<${name}>${toXml(value as XmlTree)}</${name}>`;
	return `<${name}>${escapeXml(String(value))}</${name}>`;
};

let requestCounter = 0;
export const requestId = (): string => `fake-${(++requestCounter).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

const namespaces = {sts: 'https://sts.amazonaws.com/doc/2011-06-15/', iam: 'https://iam.amazonaws.com/doc/2010-05-08/'} as const;

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` */
export const queryAnswer = (service: 'sts' | 'iam', action: string, result: XmlTree): FakeResponse => ({
	kind: 'answer',
	status: 200,
	headers: {'content-type': 'text/xml', 'x-amzn-requestid': requestId()},
	body: `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${namespaces[service]}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`,
});

export const jsonAnswer = (value: unknown): FakeResponse => ({
	kind: 'answer',
	status: 200,
	headers: {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId()},
	body: JSON.stringify(value),
});

export const restAnswer = (status: number, headers: Readonly<Record<string, string>>, body = ''): FakeResponse => ({
	kind: 'answer',
	status,
	headers: {'x-amz-request-id': requestId(), ...headers},
	body,
});

export type ErrorSpec = {readonly status: number; readonly code: string; readonly message: string};

/** An error as the protocol writes it; HEAD answers carry no body, so S3 clients only see the status. */
export const errorAnswer = (protocol: Protocol, spec: ErrorSpec, options: {head?: boolean; headers?: Readonly<Record<string, string>>} = {}): FakeResponse => {
	const id = requestId();
	const extra = options.headers ?? {};
	if (protocol === 'json') {
		return {
			kind: 'answer',
			status: spec.status,
			headers: {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': id, 'x-amzn-errortype': spec.code, ...extra},
			body: JSON.stringify({__type: spec.code, message: spec.message}),
		};
	}
	if (protocol === 'query') {
		const type = spec.status >= 500 ? 'Receiver' : 'Sender';
		return {
			kind: 'answer',
			status: spec.status,
			headers: {'content-type': 'text/xml', 'x-amzn-requestid': id, ...extra},
			body: `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Type>${type}</Type><Code>${escapeXml(spec.code)}</Code><Message>${escapeXml(spec.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
		};
	}
	if (options.head) return {kind: 'answer', status: spec.status, headers: {'x-amz-request-id': id, ...extra}, body: ''};
	return {
		kind: 'answer',
		status: spec.status,
		headers: {'content-type': 'application/xml', 'x-amz-request-id': id, ...extra},
		body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${escapeXml(spec.code)}</Code><Message>${escapeXml(spec.message)}</Message><RequestId>${id}</RequestId><HostId>fake</HostId></Error>`,
	};
};
