import {describeNameError, parseDistributionArn} from '../names/index.js';
import {destinationLeg} from '../operations/registry.js';
import type {DistributionInfo, Snapshot} from '../snapshot/snapshot.js';
import {CliError} from './cli-error.js';

/**
 * The facts `check` is told rather than reads, for the operations that need them: the CloudFront distribution
 * (cloudfront-download). Nothing here is read from AWS: each flag is a given fact, and the report shows it.
 */

export type RequestFactOptions = {
	readonly distributionArn?: string;
	/** commander's choices: oac, oai, none. */
	readonly originAccess?: string;
	/** commander's choices: rest, website. */
	readonly originType?: string;
};

export const requestFactFlags = ['distributionArn', 'originAccess', 'originType'] as const;

const originAccessOf: Readonly<Record<string, DistributionInfo['originAccess']>> = {oac: 'origin-access-control', oai: 'origin-access-identity', none: 'none'};
const originTypeOf: Readonly<Record<string, DistributionInfo['originType']>> = {rest: 's3-rest', website: 's3-website'};

const distributionOf = (options: RequestFactOptions): DistributionInfo | undefined => {
	if (options.distributionArn === undefined && options.originAccess === undefined && options.originType === undefined) return undefined;
	let arn: string | undefined;
	if (options.distributionArn !== undefined) {
		const parsed = parseDistributionArn(options.distributionArn);
		if (!parsed.ok) throw new CliError(describeNameError(options.distributionArn, parsed.error, '--distribution-arn'));
		arn = parsed.value.arn;
	}
	const originAccess = options.originAccess === undefined ? undefined : originAccessOf[options.originAccess];
	const originType = options.originType === undefined ? undefined : originTypeOf[options.originType];
	return {...(arn ? {arn} : {}), ...(originAccess ? {originAccess} : {}), ...(originType ? {originType} : {})};
};

/** The question's operation decides which flags apply; a flag for another operation is refused, not ignored. */
export const checkRequestFactFlags = (operation: string | undefined, options: RequestFactOptions): void => {
	const given = requestFactFlags.filter(name => options[name] !== undefined);
	if (given.length > 0 && operation !== 'cloudfront-download') {
		throw new CliError(`--distribution-arn, --origin-access and --origin-type describe a CloudFront distribution: give them with --operation cloudfront-download`);
	}
};

/** The collected snapshot with the given facts; a service principal's request drops the profile's own principal. */
export const withRequestFacts = (snapshot: Snapshot, options: RequestFactOptions): Snapshot => {
	const distribution = distributionOf(options);
	const serviceActor = destinationLeg(snapshot.question.operation).actor.kind === 'service';
	const {principal: _principal, ...withoutPrincipal} = snapshot;
	return {
		...(serviceActor ? {...withoutPrincipal, unread: (snapshot.unread ?? []).filter(note => !note.path.startsWith('principal'))} : snapshot),
		...(distribution ? {distribution} : {}),
	};
};
