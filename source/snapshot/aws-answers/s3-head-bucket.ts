import {isRegion} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asString, field} from './json-access.js';

/**
 * The `x-amz-bucket-region` header, when there is one. A value that is not a Region name is a problem, never taken: it
 * would name the Region of every call and fix (and kms:ViaService), and the snapshot would not load.
 */
export const regionOfHeader = (header: string | undefined): Mapped<string> | undefined => {
	if (header === undefined || header === '') return undefined;
	return isRegion(header) ? ok(header) : shapeProblem('the answer\'s x-amz-bucket-region header is not a Region name such as eu-west-1');
};

/** s3:HeadBucket: the bucket's Region, from the `x-amz-bucket-region` header (`BucketRegion` in the answer). */
export const regionOfHeadBucket = (answer: unknown): Mapped<string> | undefined => regionOfHeader(asString(field(answer, 'BucketRegion')));
