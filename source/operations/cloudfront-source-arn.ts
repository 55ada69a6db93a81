import {isObject} from '../shared/json.js';
import {parseDistributionArn, valueOf} from '../names/index.js';
import type {PolicyJson} from '../snapshot/snapshot.js';
import type {FindingInput, OperationFinding} from './types.js';

/**
 * The classic OAC mistake: a statement for cloudfront.amazonaws.com whose AWS:SourceArn names another distribution
 * (a copied policy, a recreated distribution). Read from the policies as written, so the finding names the ARNs.
 */

const cloudfront = 'cloudfront.amazonaws.com';

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const namesCloudFront = (statement: Record<string, unknown>): boolean => {
	const principal = statement['Principal'];
	return isObject(principal) && asList(principal['Service']).includes(cloudfront);
};

/** The AWS:SourceArn values an Allow statement's conditions accept, under any operator (keys are case-insensitive). */
const sourceArnsOf = (statement: Record<string, unknown>): string[] => {
	const condition = statement['Condition'];
	if (!isObject(condition)) return [];
	return Object.values(condition).flatMap(block =>
		isObject(block) ? Object.entries(block).filter(([key]) => key.toLowerCase() === 'aws:sourcearn').flatMap(([, values]) => asList(values).filter((value): value is string => typeof value === 'string')) : [],
	);
};

const otherDistributions = (document: PolicyJson | null | undefined, distributionArn: string): string[] =>
	asList(document?.['Statement'])
		.filter(isObject)
		.filter(statement => statement['Effect'] === 'Allow' && namesCloudFront(statement))
		.flatMap(sourceArnsOf)
		// A wildcard (ArnLike …/*) may match it: the engine decides those; only plain ARNs are named here.
		.filter(value => !value.includes('*') && !value.includes('?') && value !== distributionArn);

export const sourceArnNamesAnotherDistribution = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const distribution = valueOf(parseDistributionArn(snapshot.distribution?.arn ?? ''));
	if (!distribution) return undefined;
	const places = [
		{name: 'bucket policy', others: otherDistributions(snapshot.bucket?.policy, distribution.arn)},
		{name: 'key policy', others: otherDistributions(snapshot.key?.policy, distribution.arn)},
	].filter(place => place.others.length > 0);
	if (places.length === 0) return undefined;
	return {
		id: 'cloudfront-source-arn-other-distribution',
		severity: 'error',
		message: `${places.map(place => `The ${place.name} allows ${cloudfront} only for ${[...new Set(place.others)].join(', ')}`).join('; ')}; this distribution is ${distribution.arn}.`,
		remedy: `Name ${distribution.arn} in the AWS:SourceArn condition (or add it beside the other distribution).`,
	};
};
