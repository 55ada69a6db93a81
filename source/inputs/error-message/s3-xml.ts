import {decodeEntities} from './entities.js';

/** The S3 REST error body: `<Error><Code>AccessDenied</Code><Message>…</Message><RequestId>…</RequestId>…</Error>`. */
export type S3XmlError = {
	readonly code?: string;
	readonly message?: string;
	readonly requestId?: string;
	readonly resource?: string;
};

const element = (xml: string, name: string): string | undefined => {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	return match ? decodeEntities(match[1]!).trim() : undefined;
};

/** Undefined when the text holds no `<Error>` element. */
export const parseS3XmlError = (text: string): S3XmlError | undefined => {
	// The last <Error> opened before the first one closes: PHP's SDK prints a cut copy of the body before the whole one.
	const body = /<Error>((?:(?!<Error>)[\s\S])*?)<\/Error>/.exec(text)?.[1];
	if (body === undefined) return undefined;
	const fields = {
		code: element(body, 'Code'),
		message: element(body, 'Message'),
		requestId: element(body, 'RequestId'),
		resource: element(body, 'Resource'),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as S3XmlError;
};
