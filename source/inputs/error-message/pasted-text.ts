import stripAnsi from 'strip-ansi';
import {isPrincipalArn, parseKmsArn} from '../../names/index.js';
import {decodeEntities, looksHtmlEscaped} from './entities.js';

/*
 * What a paste did to AWS's text before it reached us: a terminal's colours, a web page's HTML escaping, and the
 * line breaks a narrow terminal or mail client put inside an ARN. Undone here, before any pattern reads the text.
 */

/** A line that starts a message of its own, never the rest of an ARN cut at the end of the line before. */
const startsMessage = /^(?:An error occurred|A client error|(?:upload|download|copy|move|delete|remove) failed|User:|Access ?Denied|\$ |Traceback|botocore|[<{[])/i;

/** Is `text` an ARN with nothing missing at its end? Only kinds whose shape is known can be told incomplete. */
const isWholeArn = (text: string): boolean => {
	// A sentence or a quotation ends after it.
	if (/[.,;)"']$/.test(text)) return true;
	const parts = text.split(':');
	if (parts.length < 6 || text.endsWith(':') || text.endsWith('/')) return false;
	if (parts[2] === 'kms') return parseKmsArn(text).ok;
	if (parts[2] !== 'iam' && parts[2] !== 'sts') return true;
	// IAM and STS resources are `root` or `TYPE/NAME`: a word short of a slash was cut (`assumed-ro`).
	const resource = parts.slice(5).join(':');
	if (!resource.includes('/')) return resource === 'root';
	return /^(?:user|role|assumed-role|federated-user)\//.test(resource) ? isPrincipalArn(text) : true;
};

/** How much of a line's end is read for the ARN it ends in: an ARN is at most 2048 characters. */
const arnTail = 2048;

/** Space, tab, line breaks and the no-break space: what ends a word in a pasted line. */
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/** The ARN that is the last word of `text`, after any opening quote or bracket; undefined where the last word is none. */
const endingArn = (text: string): string | undefined => {
	if (!text.includes('arn:')) return undefined;
	let start = text.length;
	while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
	const word = text.slice(start).replace(/^["'(<“]+/, '');
	return word.startsWith('arn:') ? word : undefined;
};

// AWS writes these words after the caller's ARN and the resource's: a word before them on the next line is the ARN's end.
const wordThenAwsWords = /^\S+\s+(?:is\s+not\s+authorized\s+to\s+perform\b|because\s|with\s+an\s+explicit\s+deny\b)/;
// A line that starts with them goes on from an ARN that was whole, even one a customer redacted (`arn:aws:sts::<acct>:…`).
const startsAwsWords = /^(?:is\s+not\s+authorized\s+to\s+perform\b|on\s+resource\b|because\s+no\s|with\s+an\s+explicit\s+deny\b)/;

/** The width of a terminal's rows: the longest line's, where at least two lines before the last are that long. */
const rowWidth = (lines: readonly string[]): number | undefined => {
	let width = 0;
	let count = 0;
	for (const line of lines.slice(0, -1)) {
		if (line.length > width) [width, count] = [line.length, 1];
		else if (line.length === width) count++;
	}
	// A longer last line, or a short width, is not a terminal's row.
	return count >= 2 && width >= 40 && lines[lines.length - 1]!.length <= width ? width : undefined;
};

/**
 * Join a line to the one before it where a terminal's row ended, not the program's line: the line before is a full row
 * (the paste's row width), or ends in an ARN that is not whole or that the AWS words on this line go on from; and this
 * line starts no message of its own. Every other break is kept.
 */
export const rejoinCutArns = (text: string): string => {
	const lines = text.split(/\r?\n/);
	const width = rowWidth(lines);
	// Lines joined so far are kept apart, with the end of their text: reading a long joined string again and again is slow.
	const joined: string[][] = [[lines[0]!]];
	let tail = lines[0]!.slice(-arnTail);
	for (let index = 1; index < lines.length; index++) {
		const line = lines[index]!;
		const arn = endingArn(tail);
		const fullRow = lines[index - 1]!.length === width;
		const cutArn = arn !== undefined && /^\S/.test(line) && (!isWholeArn(arn) || wordThenAwsWords.test(line));
		if ((fullRow || cutArn) && !startsMessage.test(line) && !startsAwsWords.test(line)) {
			joined[joined.length - 1]!.push(line);
			tail = (tail + line).slice(-arnTail);
		} else {
			joined.push([line]);
			tail = line.slice(-arnTail);
		}
	}
	return joined.map(parts => parts.join('')).join('\n');
};

/** The pasted text as AWS wrote it: colours and other terminal sequences removed, cut ARNs joined. */
export const cleanPastedText = (text: string): string => rejoinCutArns(stripAnsi(text));

/** HTML-escaped text (`&quot;` …) decoded; any other text as it is, since an S3 key may hold `&amp;` itself. */
export const unescapeHtml = (text: string): string => (looksHtmlEscaped(text) ? decodeEntities(text) : text);
