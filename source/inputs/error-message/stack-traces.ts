/*
 * What a program printed around AWS's message: a Python traceback before it, the stack under it (JavaScript, Java,
 * .NET), .NET's inner exceptions, the JavaScript SDK's error object. None of it is AWS's words, so a stretch of it
 * ends the message above it; what follows it is read on its own.
 */

/** Text between stack traces, with the trace printed under it (where the JavaScript SDK prints `$metadata`). */
export type PastedStretch = {readonly text: string; readonly trace: string};

// A frame names a function and a place: `at f (file.js:1:2)`, `at a.B.c(C.java:104)`, `at A.B() in File.cs:line 9`.
const traceLine = new RegExp(
	[
		String.raw`\s+at\s+\S.*(?:\(|:\d)`,
		String.raw`Traceback \(most recent call last\):`,
		String.raw`\s*File "[^"]*", line \d+`,
		String.raw`\s*--->\s`,
		String.raw`\s*--- End of (?:inner exception )?stack trace`,
		'During handling of the above exception',
		'The above exception was the direct cause',
		String.raw`\s*\.\.\. \d+ (?:more|common frames omitted)`,
	]
		.map(pattern => `^${pattern}`)
		.join('|'),
);
// Inside a trace, indented and blank lines and the braces closing a printed object go on; any other line is text again.
const goesOnTrace = /^(?:\s|[}\])]+[,;]?\s*$|$)/;

/** The text in stretches split where a trace begins; a text with none is one stretch. */
export const splitAtTraces = (text: string): readonly PastedStretch[] => {
	const stretches: Array<{text: string[]; trace: string[]}> = [{text: [], trace: []}];
	let inTrace = false;
	for (const line of text.split(/\r?\n/)) {
		const current = stretches[stretches.length - 1]!;
		if (traceLine.test(line) || (inTrace && goesOnTrace.test(line))) {
			current.trace.push(line);
			inTrace = true;
		} else if (inTrace) {
			stretches.push({text: [line], trace: []});
			inTrace = false;
		} else current.text.push(line);
	}
	return stretches
		.map(stretch => ({text: stretch.text.join('\n'), trace: stretch.trace.join('\n')}))
		.filter(stretch => stretch.text.trim() !== '');
};

/** What the JavaScript SDK's printed error says of the response: `$metadata: { httpStatusCode: 403, requestId: '…' }`. */
export const responseOfTrace = (trace: string): {statusCode?: number; requestId?: string} => {
	const status = /\bhttpStatusCode['"]?:\s*(\d{3})\b/.exec(trace)?.[1];
	const requestId = /\brequestId['"]?:\s*['"]([^'"\s]+)['"]/.exec(trace)?.[1];
	return {...(status ? {statusCode: Number(status)} : {}), ...(requestId ? {requestId} : {})};
};
