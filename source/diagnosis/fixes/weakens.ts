import type {StatementTrace} from '../../engine/evaluation.js';
import type {IamEntity} from './draft.js';

/**
 * What a narrowed Deny gives up, in one sentence a security reviewer reads before applying it: the caller
 * becomes exempt from the whole statement, so every protection its conditions stood for is lost for them.
 */

const quoted = (values: readonly string[]): string => values.map(value => `"${value}"`).join(' or ');

const verbOf = (actions: readonly string[]): string => {
	const phrases = actions.map(action => {
		switch (action.toLowerCase()) {
			case 's3:putobject':
				return 'upload objects';
			case 's3:getobject':
				return 'read objects';
			case 'kms:decrypt':
				return 'decrypt with the key';
			case 'kms:generatedatakey':
				return 'generate data keys with the key';
			default:
				return `call ${action}`;
		}
	});
	return [...new Set(phrases)].join(' and ');
};

/** What one condition of the Deny protected, as the exemption words it ("without SSE-KMS"). */
const lostProtection = (key: string, values: readonly string[]): string | undefined => {
	switch (key.toLowerCase()) {
		case 's3:x-amz-server-side-encryption':
			return values.some(value => value.toLowerCase().startsWith('aws:kms')) ? 'without SSE-KMS' : `without the encryption header ${quoted(values)}`;
		case 's3:x-amz-server-side-encryption-aws-kms-key-id':
			return `encrypted with a key other than ${quoted(values)}, or with none named`;
		case 'kms:encryptioncontext:aws:s3:arn':
			return `for any S3 object or bucket, not only ${quoted(values)}`;
		case 'kms:viaservice':
			return `outside ${quoted(values)}: directly, or through any other service`;
		case 'kms:calleraccount':
		case 'aws:principalaccount':
			return `from accounts other than ${quoted(values)}`;
		case 'aws:sourcevpce':
		case 'aws:sourcevpc':
			return `from outside ${quoted(values)}`;
		case 'aws:sourceip':
			return `from addresses outside ${quoted(values)}`;
		case 'aws:securetransport':
			return 'without TLS';
		case 'aws:requestedregion':
			return `in Regions other than ${quoted(values)}`;
		case 'aws:principalorgid':
			return `from outside the organization ${quoted(values)}`;
		default:
			return undefined;
	}
};

const whoOf = (caller: IamEntity): string => `${caller.kind} ${caller.name}`;

export const weakensOf = (trace: StatementTrace, caller: IamEntity, actions: readonly string[]): string => {
	const who = whoOf(caller);
	const held = trace.conditions.filter(condition => condition.result === 'yes');
	if (held.length === 0) return `${who} may then ${verbOf(actions)}, which ${trace.policy}, ${trace.label} denies to every principal it names.`;
	const known = held.map(condition => lostProtection(condition.clause.key, condition.clause.values));
	if (known.every((words): words is string => words !== undefined)) return `${who} may then ${verbOf(actions)} ${[...new Set(known)].join(' and ')}.`;
	const rules = held.map(condition => `${condition.clause.operator} ${condition.clause.key} ${quoted(condition.clause.values)}`);
	return `${who} is then exempt from ${trace.policy}, ${trace.label}: it may ${verbOf(actions)} even where ${rules.join(' and ')} would deny it.`;
};
