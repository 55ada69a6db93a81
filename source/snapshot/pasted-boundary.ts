import type {NamedPolicy, PolicyJson} from './snapshot.js';

/**
 * A permissions boundary pasted, not read, is named so (no IAM policy name holds a space or a parenthesis, so none read
 * is): the rows and fixes show it as pasted, and the diagnosis words what the snapshot holds of it as given, never read.
 */

const unnamed = 'pasted permissions boundary';
const suffix = ' (pasted)';

/**
 * A permissions boundary as pasted: its text, and no ARN (a pasted document names none); or, where a read named the
 * boundary's ARN but could not get its document, the pasted text as that policy's, named as pasted.
 */
export const pastedBoundary = (document: PolicyJson, arn?: string): NamedPolicy =>
	arn === undefined ? {name: unnamed, document} : {name: `${arn.slice(arn.lastIndexOf('/') + 1)}${suffix}`, arn, document};

export const isPastedBoundary = (boundary: NamedPolicy | null | undefined): boolean =>
	boundary !== undefined && boundary !== null && (boundary.name === unnamed || boundary.name.endsWith(suffix));
