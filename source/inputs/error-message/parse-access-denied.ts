import {parseJson} from '../../engine/json.js';
import {err, ok, type Result} from '../../shared/result.js';
import type {ParseFailure, ParsedDenial} from './parsed-denial.js';
import {cloudTrailEventsOf, denialFromEvent, isDeniedEvent, isFailedEvent} from './cloudtrail.js';
import {denialFromEnvelope} from './denial-from-message.js';
import {unwrapEnvelope} from './envelope.js';
import {parseS3XmlError} from './s3-xml.js';
import {isObject} from '../../shared/json.js';
import {cleanPastedText, unescapeHtml} from './pasted-text.js';
import {splitErrors} from './split-errors.js';
import {responseOfTrace, splitAtTraces} from './stack-traces.js';

export const expectedErrorForms =
	'an AWS error such as "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based policy allows the ACTION action", ' +
	'an "An error occurred (AccessDenied) when calling the OPERATION operation: …" line from the AWS CLI or an SDK, ' +
	'an S3 XML <Error> body, an Amazon Athena error ("Permission denied on S3 path: s3://…"), or a CloudTrail event as JSON (one event, or {"Records": [...]})';

/** More than this many other denials in one CloudTrail file or pasted text are counted, not kept. */
const maxAlsoDenied = 20;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const failure = (message: string): Result<never, ParseFailure> => err({message, expected: expectedErrorForms});


/** A KMS JSON error body (`{"__type": "AccessDeniedException", "message": …}`) or an SDK's `{"Error": {"Code", "Message"}}`. */
const jsonErrorBody = (value: unknown): {code: string; message: string} | undefined => {
	if (!isObject(value)) return undefined;
	const error = isObject(value['Error']) ? value['Error'] : value;
	const code = error['__type'] ?? error['Code'] ?? error['code'];
	const message = error['message'] ?? error['Message'];
	if (typeof code !== 'string' || typeof message !== 'string') return undefined;
	return {code: code.replace(/^.*#/, ''), message};
};

const fromJsonDocument = (document: unknown): Result<ParsedDenial, ParseFailure> => {
	const events = cloudTrailEventsOf(document);
	if (events) {
		const denied = events.filter(isDeniedEvent);
		const chosen = denied.length > 0 ? denied : events.filter(isFailedEvent);
		if (chosen.length === 0) {
			return failure(
				`the CloudTrail ${events.length === 1 ? 'event records' : `file holds ${events.length} events and each records`} a call that succeeded (no errorCode); pick the denied event (errorCode AccessDenied)`,
			);
		}
		return ok(withOthers(leadingFirst(chosen.map(denialFromEvent))));
	}
	const body = jsonErrorBody(document);
	if (body) {
		const denial = denialFromEnvelope({form: 'kms-json', errorCode: body.code, message: collapse(body.message)});
		if (denial) return ok(denial);
	}
	const quoted = fromQuotedText(document);
	if (quoted) return ok(quoted);
	return failure('the JSON is neither a CloudTrail event (eventSource, eventName, errorCode) nor an AWS error body, and none of its text is an AWS error');
};

/** At most this many strings of a JSON document are read as error text. */
const maxQuotedStrings = 200;

/** The strings of a JSON document, depth first, at most `maxQuotedStrings`. */
const stringsOf = (value: unknown, found: string[] = []): string[] => {
	if (found.length >= maxQuotedStrings) return found;
	if (typeof value === 'string') found.push(value);
	else if (Array.isArray(value)) for (const item of value) stringsOf(item, found);
	else if (isObject(value)) for (const item of Object.values(value)) stringsOf(item, found);
	return found;
};

/**
 * An error a program logged inside JSON of its own: a Step Functions failure's "cause", a structured log line's "error".
 * The string that names the caller leads; else the first that is an AWS error.
 */
const fromQuotedText = (document: unknown): ParsedDenial | undefined => {
	const denials = stringsOf(document)
		.map(text => fromText(text))
		.filter((denial): denial is ParsedDenial => denial !== undefined);
	return denials.find(denial => denial.principal !== undefined) ?? denials[0];
};

/**
 * Reads an AccessDenied (or a look-alike KMS failure) in any of the forms of domain.md §5: a bare
 * message, the CLI/boto, Java, Go, JS and .NET SDK wrappings (their stack traces left out), an S3 XML body, a KMS JSON
 * body, or CloudTrail.
 */
export const parseAccessDenied = (text: string): Result<ParsedDenial, ParseFailure> => {
	const trimmed = cleanPastedText(text).trim();
	if (trimmed === '') return failure('the text is empty');
	if (/^[[{]/.test(trimmed)) {
		const json = parseJson(trimmed);
		if (json.ok) return fromJsonDocument(json.value);
		// JSON that went through a web page: its quotes came back as &quot;.
		const unescaped = unescapeHtml(trimmed);
		const decoded = unescaped === trimmed ? undefined : parseJson(unescaped);
		if (decoded?.ok) return fromJsonDocument(decoded.value);
		const asText = fromText(unescaped);
		if (asText) return ok(asText);
		return failure(`the text starts like JSON but is not valid JSON (${json.error.message})`);
	}
	const xml = parseS3XmlError(trimmed);
	if (xml) {
		const denial = denialFromEnvelope({
			form: 's3-xml',
			service: 's3',
			message: collapse(xml.message ?? ''),
			...(xml.code ? {errorCode: xml.code} : {}),
			...(xml.requestId ? {requestId: xml.requestId} : {}),
		});
		if (denial) return ok(denial);
		return failure('the XML <Error> body has neither a <Code> nor a <Message> this tool knows');
	}
	const denial = fromText(unescapeHtml(trimmed));
	if (denial) return ok(denial);
	return failure('not recognised: the text holds no AWS error message');
};

/** Each error of a pasted text, without the traces around it; the last of a stretch with what its trace says of the response. */
const errorsOf = (text: string): ReadonlyArray<{readonly error: string; readonly response: ReturnType<typeof responseOfTrace>}> =>
	splitAtTraces(text).flatMap(stretch => {
		const errors = splitErrors(collapse(stretch.text));
		return errors.map((error, index) => ({error, response: index === errors.length - 1 ? responseOfTrace(stretch.trace) : {}}));
	});

/** Every error in a pasted text (several CLI errors, one after another), the first leading; undefined when none is one. */
const fromText = (text: string): ParsedDenial | undefined => {
	// Read no more errors than are kept: a pasted log of thousands costs no more than one of a few.
	const denials = errorsOf(text)
		.slice(0, maxAlsoDenied + 1)
		.map(({error, response}) => denialFromEnvelope({...response, ...unwrapEnvelope(error)}))
		.filter((denial): denial is ParsedDenial => denial !== undefined);
	return denials.length === 0 ? undefined : withOthers(denials);
};

/** The first denial, with the others (at most `maxAlsoDenied`) beside it. */
const withOthers = ([first, ...others]: readonly ParsedDenial[]): ParsedDenial =>
	others.length > 0 ? {...first!, alsoDenied: others.slice(0, maxAlsoDenied)} : first!;

/** A denial that says why it was refused leads one that does not (S3's bare "Access Denied" beside KMS's reason). */
const leadingFirst = (denials: readonly ParsedDenial[]): readonly ParsedDenial[] => {
	const says = (denial: ParsedDenial): boolean => denial.denial !== undefined || denial.policyType !== undefined || denial.cause !== undefined;
	return [...denials.filter(says), ...denials.filter(denial => !says(denial))];
};
