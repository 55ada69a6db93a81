import {describeNameError, parsePrincipalArn} from '../../names/index.js';
import {awsServices, type AwsServiceFacts} from '../../operations/aws-services.js';
import {awsServiceNames} from '../../snapshot/service-names.js';
import type {ChoiceQuestion, TextQuestion} from './question.js';

/** The questions service-flow.ts asks of a service's read or write: which service, and the role it uses. */

export type ServiceQuestionId = 'aws-service' | 'service-role';

export const awsServiceQuestion: ChoiceQuestion = {
	kind: 'choice',
	id: 'aws-service',
	keptForSaved: true,
	title: 'AWS service',
	prompt: 'Which AWS service fails to read or write the data?',
	options: awsServiceNames.map(name => {
		const facts = awsServices[name];
		return {value: name, label: facts.label, hint: facts.family === 'forward-access-session' ? 'with your own credentials' : `with ${facts.roleWords}`};
	}),
};

/** `required`: with pasted policies the role is whose policies are pasted, so it must be named. */
export const serviceRoleQuestion = (facts: AwsServiceFacts, required: boolean): TextQuestion => ({
	kind: 'text',
	id: 'service-role',
	keptForSaved: true,
	title: 'Service role',
	prompt: `${facts.label} reads and writes with ${facts.roleWords}, not with your credentials. Which role is it? (its ARN${required ? '' : '; empty: not known'})`,
	placeholder: 'arn:aws:iam::111122223333:role/NAME',
	validate: text => {
		if (text === '') return required ? `name the role: its policies are the ones to paste (${facts.roleWords})` : undefined;
		const parsed = parsePrincipalArn(text);
		if (!parsed.ok) return describeNameError(text, parsed.error);
		return parsed.value.kind === 'role' ? undefined : `${text} is not an IAM role ARN: give the role ${facts.label} uses, such as arn:aws:iam::111122223333:role/NAME`;
	},
});
