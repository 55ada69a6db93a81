import {accountIdSource} from './account-id.js';
import {notA, parsed, type Parsed} from './name-error.js';

/**
 * CloudFront Developer Guide, bucket policy for OAC: `"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/<CloudFront
 * distribution ID>"`. A distribution is global: its ARN has no Region. IDs are upper-case letters and digits (E2QWRUHAPOMQZL).
 */
export const distributionArnSource = `arn:aws(-cn|-us-gov)?:cloudfront::${accountIdSource}:distribution/[A-Z0-9]{1,64}`;

const distributionArn = new RegExp(`^${distributionArnSource}$`);

export type DistributionArn = {readonly arn: string; readonly account: string; readonly id: string};

export const isDistributionArn = (text: string): boolean => distributionArn.test(text);

const expected = 'a CloudFront distribution ARN';

export const parseDistributionArn = (text: string): Parsed<DistributionArn> => {
	if (isDistributionArn(text)) {
		const [, , , , account, resource] = text.split(':');
		return parsed({arn: text, account: account!, id: resource!.slice('distribution/'.length)});
	}
	if (/^[A-Z0-9]{8,64}$/.test(text)) return notA(expected, `give the whole ARN: arn:aws:cloudfront::ACCOUNT:distribution/${text}`);
	return notA(expected, 'such as arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE');
};
