import {pipeline, Transform, type Readable} from 'node:stream';
import {formatSize} from '../shared/format-size.js';

/**
 * The most one AWS answer may hold. The largest thing read is a policy (a key policy is at most 32 KiB) or a
 * page of a list (KMS grants, 100 at most): tens of kilobytes. 4 MiB is generous, and small enough that an
 * endpoint sending without end costs a failed read, not the process's memory.
 */
export const maxAnswerBytes = 4 * 1024 * 1024;

/** The error name a read fails with when its answer is over the limit (aws-error.ts words it). */
export const answerTooLargeName = 'AnswerTooLarge';

export const answerTooLargeText = `its answer was over ${formatSize(maxAnswerBytes)}, the most one answer may hold, so it was not read`;

/**
 * `body` as it arrives, failing with AnswerTooLarge once more than `limit` bytes have: the response (and its
 * socket) is destroyed then, so nothing more is read. Counted as it streams, whatever Content-Length says.
 */
export const boundedBody = (body: Readable, limit: number = maxAnswerBytes): Readable => {
	let received = 0;
	const counted = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			received += chunk.length;
			if (received > limit) callback(Object.assign(new Error(answerTooLargeText), {name: answerTooLargeName}));
			else callback(null, chunk);
		},
	});
	// The SDK reads the error from `counted`; pipeline destroys `body` with it.
	pipeline(body, counted, () => {});
	return counted;
};
