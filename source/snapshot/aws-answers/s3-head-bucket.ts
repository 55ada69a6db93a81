import {asString, field} from './json-access.js';

/** s3:HeadBucket: the bucket's Region, from the `x-amz-bucket-region` header (`BucketRegion` in the answer). */
export const regionOfHeadBucket = (answer: unknown): string | undefined => asString(field(answer, 'BucketRegion'));
