import {describeNameError, parseDistributionArn} from '../../names/index.js';
import {err, ok, type Result} from '../../shared/result.js';
import type {DistributionInfo} from '../../snapshot/operation-facts.js';

/**
 * A CloudFront distribution as the command line gives it (`--distribution-arn`, `--origin-access oac|oai|none`,
 * `--origin-type rest|website`), for `check` and `collect-script` alike: nothing reads these, so each is a given fact.
 */

export type DistributionFlags = {
	readonly distributionArn?: string;
	readonly originAccess?: string;
	readonly originType?: string;
};

export const originAccessChoices = ['oac', 'oai', 'none'] as const;
export const originTypeChoices = ['rest', 'website'] as const;

const originAccessOf: Readonly<Record<string, DistributionInfo['originAccess']>> = {oac: 'origin-access-control', oai: 'origin-access-identity', none: 'none'};
const originTypeOf: Readonly<Record<string, DistributionInfo['originType']>> = {rest: 's3-rest', website: 's3-website'};

/** The distribution, `undefined` when no flag gives any of it, or the one line that names the bad flag. */
export const distributionOfFlags = (flags: DistributionFlags): Result<DistributionInfo | undefined, string> => {
	if (flags.distributionArn === undefined && flags.originAccess === undefined && flags.originType === undefined) return ok(undefined);
	let arn: string | undefined;
	if (flags.distributionArn !== undefined) {
		const parsed = parseDistributionArn(flags.distributionArn);
		if (!parsed.ok) return err(describeNameError(flags.distributionArn, parsed.error, '--distribution-arn'));
		arn = parsed.value.arn;
	}
	const originAccess = flags.originAccess === undefined ? undefined : originAccessOf[flags.originAccess];
	if (flags.originAccess !== undefined && !originAccess) return err(`--origin-access "${flags.originAccess}" is not one of ${originAccessChoices.join(', ')}`);
	const originType = flags.originType === undefined ? undefined : originTypeOf[flags.originType];
	if (flags.originType !== undefined && !originType) return err(`--origin-type "${flags.originType}" is not one of ${originTypeChoices.join(', ')}`);
	return ok({...(arn ? {arn} : {}), ...(originAccess ? {originAccess} : {}), ...(originType ? {originType} : {})});
};

/** A distribution read back from a file someone could have edited (question.json): the same rules, by the snapshot's names. */
export const readDistribution = (value: unknown): Result<DistributionInfo, string> => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('expected an object');
	const {arn, originAccess, originType} = value as Record<string, unknown>;
	if (arn !== undefined) {
		const parsed = typeof arn === 'string' ? parseDistributionArn(arn) : undefined;
		if (!parsed?.ok) return err('"arn" is not a CloudFront distribution ARN');
	}
	const accesses: readonly unknown[] = Object.values(originAccessOf);
	const types: readonly unknown[] = Object.values(originTypeOf);
	if (originAccess !== undefined && !accesses.includes(originAccess)) return err(`"originAccess" is not one of ${accesses.join(', ')}`);
	if (originType !== undefined && !types.includes(originType)) return err(`"originType" is not one of ${types.join(', ')}`);
	return ok({
		...(typeof arn === 'string' ? {arn} : {}),
		...(originAccess !== undefined ? {originAccess: originAccess as DistributionInfo['originAccess']} : {}),
		...(originType !== undefined ? {originType: originType as DistributionInfo['originType']} : {}),
	});
};
