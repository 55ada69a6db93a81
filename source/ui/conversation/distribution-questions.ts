import {describeNameError, parseDistributionArn} from '../../names/index.js';
import type {ChoiceQuestion, TextQuestion} from './question.js';

/** The questions distribution-flow.ts asks of a CloudFront download: which distribution, and how it reaches the bucket. */

export type DistributionQuestionId = 'distribution-arn' | 'origin-access';

export const distributionArnQuestion: TextQuestion = {
	kind: 'text',
	id: 'distribution-arn',
	keptForSaved: true,
	title: 'Distribution',
	prompt: 'Which CloudFront distribution reads the object? (its ARN: the AWS:SourceArn its requests carry; empty: not known)',
	placeholder: 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE',
	validate: text => {
		if (text === '') return undefined;
		const parsed = parseDistributionArn(text);
		return parsed.ok ? undefined : describeNameError(text, parsed.error);
	},
};

export const originAccessQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'origin-access',
	keptForSaved: true,
	title: 'Origin access',
	prompt: 'How does the distribution reach the bucket? (the origin in the CloudFront console)',
	options: [
		{value: 'oac', label: 'Origin access control (OAC)', hint: "the bucket's REST endpoint"},
		{value: 'oai', label: 'Legacy origin access identity (OAI)'},
		{value: 'website', label: "The bucket's website endpoint", hint: 's3-website…amazonaws.com'},
		{value: 'none', label: 'Neither: public requests'},
		{value: 'unknown', label: 'Not sure'},
	],
};
