import type {ContextValue} from '../engine/context.js';
import {globMatch, globOf} from '../engine/glob.js';
import {isObject} from '../shared/json.js';
import {awsServiceNames} from '../snapshot/service-names.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../snapshot/snapshot.js';
import {serviceFacts, type AwsServiceFacts} from './aws-services.js';
import {athenaOverTls, iamDenyIpExample, networkKeys, type ServiceRequest} from './service-request-keys.js';
import type {FindingInput, OperationFinding} from './types.js';

/**
 * What service-read and service-write share: whose credentials the service uses (aws-services.ts says, per service)
 * and so the request context. Through a forward access session the caller's request is the service's: IAM, "Forward
 * access sessions": the aws:CalledVia, aws:CalledViaFirst and aws:CalledViaLast keys are populated with the service
 * principal of the service that initiated the FAS call, and aws:ViaAWSService is true. The network keys are then the
 * service's, not the caller's (Athena: "requests to Amazon S3 come from a private IPv4 address for Athena").
 */

const s3Principal = 's3.amazonaws.com';

const factsOf = (snapshot: Snapshot): AwsServiceFacts | undefined => (snapshot.service ? serviceFacts(snapshot.service.name) : undefined);

const viaService = (facts: AwsServiceFacts | undefined): string | undefined => (facts?.family === 'forward-access-session' ? facts.calledVia : undefined);

/** The service's S3 request, and S3's KMS request after it, each made through the one before: the chain aws:CalledVia lists. */
export const serviceContext = (snapshot: Snapshot, service: 's3' | 'kms'): Readonly<Record<string, ContextValue>> => {
	const via = viaService(factsOf(snapshot));
	if (!via) return {};
	const chain = service === 's3' ? [via] : [via, s3Principal];
	return {'aws:ViaAWSService': true, 'aws:CalledVia': chain, 'aws:CalledViaFirst': chain[0]!, 'aws:CalledViaLast': chain.at(-1)!};
};

const athenaNetworkSays =
	'requests to Amazon S3 come from a private IPv4 address for Athena, not the source IP specified in aws:SourceIp. For this reason, you cannot use the aws:SourceIp condition to deny access to Amazon S3 actions in a given IAM policy. You also cannot restrict or allow access to Amazon S3 resources based on the aws:SourceVpc or aws:SourceVpce condition keys.';
const athenaNetworkSentence = `"${athenaNetworkSays}"`;

// AWS's pages disagree on which address a forward access session carries: IAM's example says the requester's.
const iamExampleSentence = `"${iamDenyIpExample.says}"`;
const iamExamplePage = iamDenyIpExample.page;

/**
 * The service's S3 request for the caller (service-request-keys.ts, with Athena's page beside IAM's): not the caller's
 * network, over TLS as Athena says. S3's KMS request after it is S3's, which required-actions.ts treats as every KMS request S3 makes.
 */
export const serviceS3Request = (snapshot: Snapshot): ServiceRequest | undefined => {
	const facts = factsOf(snapshot);
	if (viaService(facts) === undefined) return undefined;
	const page = [{says: athenaNetworkSays, page: facts!.page}];
	return {
		request: `${facts!.label}'s request to S3`,
		forwardAccess: true,
		pages: {'aws:SourceIp': page, 'aws:SourceVpc': page, 'aws:SourceVpce': page},
		settleWith: 'exempting requests made through AWS services (aws:ViaAWSService)',
		secureTransport: {rule: 'set', value: true, says: athenaOverTls},
	};
};

/** No service named: who makes the request is not known. */
export const serviceNotNamed = ({snapshot}: FindingInput): OperationFinding | undefined =>
	snapshot.service
		? undefined
		: {
				id: 'service-not-named',
				severity: 'warning',
				message: "The AWS service is not named, so whose credentials reach S3 is not known: Athena uses the caller's own; Glue, EMR, Lambda, Redshift Spectrum, SageMaker AI, Firehose and Lake Formation a role of theirs. The verdict below is the principal's in the snapshot, made directly.",
				remedy: `Name the service: check --service ${awsServiceNames.join('|')} (and --service-role ARN for a service that uses its own role).`,
			};

/** A service that uses its own role: it is that role's permissions S3 and KMS check, so the role must be named. */
export const serviceRoleNotNamed = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const facts = factsOf(snapshot);
	if (facts?.family !== 'service-role') return undefined;
	const role = snapshot.service?.roleArn;
	if (role && snapshot.principal) return undefined;
	return {
		id: 'service-role-not-named',
		severity: 'warning',
		message: role
			? `${facts.label} reads and writes S3 with ${facts.roleWords}, ${role}, whose policies are not in the snapshot ("${facts.says}", ${facts.page}).`
			: `${facts.label} reads and writes S3 with ${facts.roleWords}, not with your own credentials ("${facts.says}", ${facts.page}): which role is not known, so its permissions cannot be checked.`,
		remedy: `Name the role: check --service ${snapshot.service!.name} --service-role arn:aws:iam::ACCOUNT:role/NAME (its policies are read with the profile, which must be in the role's account).`,
	};
};

type Place = {readonly name: string; readonly document: PolicyJson | null | undefined};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const named = (entry: PolicyJson | NamedPolicy, fallback: string): Place =>
	isObject((entry as NamedPolicy).document) && typeof (entry as NamedPolicy).name === 'string'
		? {name: `${fallback} "${(entry as NamedPolicy).name}"`, document: (entry as NamedPolicy).document}
		: {name: fallback, document: entry as PolicyJson};

/** Every policy the request is checked against that the snapshot holds. */
const placesOf = (snapshot: Snapshot): Place[] => [
	{name: 'the bucket policy', document: snapshot.bucket?.policy},
	{name: 'the key policy', document: snapshot.key?.policy},
	...(snapshot.principal?.identityPolicies ?? []).map(policy => named(policy, 'IAM policy')),
	...(snapshot.principal?.permissionsBoundary ? [named(snapshot.principal.permissionsBoundary, 'the permissions boundary')] : []),
	...(snapshot.organization?.serviceControlPolicies ?? []).flat().map(policy => named(policy, 'SCP')),
	...(snapshot.organization?.resourceControlPolicies ?? []).flat().map(policy => named(policy, 'RCP')),
];

const lowerNetworkKeys = new Set(networkKeys.map(key => key.toLowerCase()));

/** The network keys a statement's conditions test (condition keys are case-insensitive). */
const networkKeysOf = (statement: Record<string, unknown>): string[] => {
	const condition = statement['Condition'];
	if (!isObject(condition)) return [];
	return [...new Set(Object.values(condition).flatMap(block => (isObject(block) ? Object.keys(block).filter(key => lowerNetworkKeys.has(key.toLowerCase())) : [])))];
};

/** Whether the statement already lets requests made through AWS services past (aws:ViaAWSService or aws:CalledVia). */
const exemptsServices = (statement: Record<string, unknown>): boolean => {
	const condition = statement['Condition'];
	if (!isObject(condition)) return false;
	return Object.values(condition).some(block => isObject(block) && Object.keys(block).some(key => ['aws:viaawsservice', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast'].includes(key.toLowerCase())));
};

type NetworkStatement = {readonly place: string; readonly label: string; readonly effect: 'Allow' | 'Deny'; readonly keys: readonly string[]};

/** Whether the statement's Action (or NotAction) covers one of the request's actions: others are not this request's concern. */
const coversAny = (statement: Record<string, unknown>, actions: readonly string[]): boolean => {
	const matches = (patterns: unknown): boolean =>
		asList(patterns).some(pattern => typeof pattern === 'string' && actions.some(action => globMatch(globOf(pattern), action, {ignoreCase: true})));
	if (statement['NotAction'] !== undefined) return actions.some(action => !asList(statement['NotAction']).some(pattern => typeof pattern === 'string' && globMatch(globOf(pattern), action, {ignoreCase: true})));
	return matches(statement['Action']);
};

const networkStatementsOf = (snapshot: Snapshot, actions: readonly string[]): NetworkStatement[] =>
	placesOf(snapshot).flatMap(place =>
		asList(place.document?.['Statement']).flatMap((statement, index): NetworkStatement[] => {
			if (!isObject(statement) || (statement['Effect'] !== 'Allow' && statement['Effect'] !== 'Deny') || !coversAny(statement, actions)) return [];
			const keys = networkKeysOf(statement);
			if (keys.length === 0 || exemptsServices(statement)) return [];
			const label = typeof statement['Sid'] === 'string' && statement['Sid'] !== '' ? `statement "${statement['Sid']}"` : `statement ${index + 1}`;
			return [{place: place.name, label, effect: statement['Effect'], keys}];
		}),
	);

/**
 * A statement that keeps requests to a network (aws:SourceIp, aws:VpcSourceIp, aws:SourceVpc, aws:SourceVpce) does not
 * see the caller's network through a forward access session: a Deny of that kind denies the service, an Allow of it
 * does not match. Named from the policies as written, so the finding says which statement to change; only statements
 * on the request's `actions` count.
 */
export const networkConditionThroughService =
	(actions: readonly string[]) =>
	({snapshot}: FindingInput): OperationFinding | undefined => {
	const facts = factsOf(snapshot);
	if (facts?.family !== 'forward-access-session') return undefined;
	const statements = networkStatementsOf(snapshot, actions);
	if (statements.length === 0) return undefined;
	const denies = statements.some(statement => statement.effect === 'Deny');
	const listed = statements.map(statement => `${statement.place}, ${statement.label} (${statement.effect} on ${statement.keys.join(', ')})`).join('; ');
	// A warning, not an error: with the two pages disagreeing, the statement's rows stay unknown and so does the verdict.
	return {
		id: 'service-network-condition',
		severity: 'warning',
		message: `${listed}: through ${facts.label}, AWS's pages disagree on whether the request to S3 (and S3's to KMS) comes from your network. ${facts.label}'s page: ${athenaNetworkSentence} (${facts.page}) IAM's example "AWS: Denies access to AWS based on the source IP": ${iamExampleSentence} (${iamExamplePage}) ${denies ? 'So whether such a Deny denies the requests the service makes for you is not known' : 'So whether such an Allow matches the requests the service makes for you is not known'}; if the query fails while the same download from your network works, it is the likely cause.`,
		remedy: denies
			? 'Settle it either way: add "Bool": {"aws:ViaAWSService": "false"} to the Deny\'s Condition, so requests AWS services make for you pass whichever address they come from and direct requests stay kept to the network; or "ForAllValues:StringNotEquals": {"aws:CalledVia": ["athena.amazonaws.com"]} to exempt Athena alone.'
			: `Allow requests made through the service as well: a statement with "ForAnyValue:StringEquals": {"aws:CalledVia": "${facts.calledVia}"} in place of the network condition.`,
	};
};

/** Where the finding names the service and the family, once, for the report. */
export const serviceActsAs = ({snapshot}: FindingInput): OperationFinding | undefined => {
	const facts = factsOf(snapshot);
	if (!facts) return undefined;
	const role = snapshot.service?.roleArn;
	return {
		id: 'service-acts-as',
		severity: 'info',
		message:
			facts.family === 'forward-access-session'
				? `${facts.label} makes the S3 request with your own credentials (a forward access session): "${facts.says}" (${facts.page}). Its requests carry aws:CalledVia ["${facts.calledVia}"] and aws:ViaAWSService true; S3's KMS request carries aws:CalledVia ["${facts.calledVia}", "${s3Principal}"]. If the table's S3 location is registered with Lake Formation, the role it is registered with reads it instead: check --service lake-formation --service-role ARN.`
				: `${facts.label} makes the S3 request with ${facts.roleWords}${role ? `, ${role}` : ''}, not with your credentials: "${facts.says}" (${facts.page}). The permissions checked are that role's.`,
	};
};
