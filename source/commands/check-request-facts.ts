import {parsePresignedUrl, type PresignedUrlFacts} from '../inputs/presigned-url/parse-presigned-url.js';
import {distributionOfFlags} from '../inputs/distribution/distribution-flags.js';
import {serviceOfFlags} from '../inputs/service/service-flags.js';
import {serviceFacts} from '../operations/aws-services.js';
import {allOperations, destinationLeg, operationModule} from '../operations/registry.js';
import {isOperation, operationNamesInWords} from '../snapshot/operation-names.js';
import type {DistributionInfo, ServiceInfo} from '../snapshot/operation-facts.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import {CliError} from './cli-error.js';

/**
 * The facts `check` is told rather than reads, for the operations that need them: the CloudFront distribution
 * (cloudfront-download), a presigned URL (presigned-download, presigned-upload) and the AWS service with the role it
 * uses (service-read, service-write). Nothing here is read from AWS:
 * each flag is a given fact, and the report shows it. Of a URL only its parsed facts travel on: never the URL itself,
 * whose signature and token are live credentials.
 */

export type RequestFactOptions = {
	readonly distributionArn?: string;
	/** commander's choices: oac, oai, none. */
	readonly originAccess?: string;
	/** commander's choices: rest, website. */
	readonly originType?: string;
	/** The whole presigned URL, as pasted on the command line. */
	readonly presignedUrl?: string;
	/** commander's choices: the names of awsServiceNames. */
	readonly service?: string;
	/** The IAM role the service uses (a Glue job's role …). */
	readonly serviceRole?: string;
};

export const requestFactFlags = ['distributionArn', 'originAccess', 'originType', 'presignedUrl', 'service', 'serviceRole'] as const;

const distributionOf = (options: RequestFactOptions): DistributionInfo | undefined => {
	const distribution = distributionOfFlags(options);
	if (!distribution.ok) throw new CliError(distribution.error);
	return distribution.value;
};

/** The operations a given fact belongs to, as a message lists them. */
const namesOf = (fact: 'distribution' | 'presigned-url' | 'service'): string => operationNamesInWords(allOperations.filter(module => module.givenFact === fact).map(module => module.name));

/** The question's operation decides which flags apply; a flag for another operation is refused, not ignored. */
export const checkRequestFactFlags = (operation: string | undefined, options: RequestFactOptions): void => {
	const given = (['distributionArn', 'originAccess', 'originType'] as const).filter(name => options[name] !== undefined);
	const fact = operation !== undefined && isOperation(operation) ? operationModule(operation).givenFact : undefined;
	if (given.length > 0 && fact !== 'distribution') {
		throw new CliError(`--distribution-arn, --origin-access and --origin-type describe a CloudFront distribution: give them with --operation ${namesOf('distribution')}`);
	}
	if (options.presignedUrl !== undefined && fact !== 'presigned-url') {
		throw new CliError(`--presigned-url needs --operation ${namesOf('presigned-url')}: the URL does not say whether it is a GET or a PUT`);
	}
	serviceOfOptions(options, fact === 'service');
};

const serviceOfOptions = (options: RequestFactOptions, forService: boolean): ServiceInfo | undefined => {
	const service = serviceOfFlags(options, forService, '--profile');
	if (!service.ok) throw new CliError(service.error);
	return service.value;
};

/**
 * The service and the role it uses (see `serviceOfFlags`), once `checkRequestFactFlags` has checked that the
 * operation is a service's.
 */
export const serviceOf = (options: RequestFactOptions): ServiceInfo | undefined => serviceOfOptions(options, true);

/** The role whose policies live collection reads in place of the profile's own, when the service uses one. */
export const actingRoleOf = (options: RequestFactOptions): string | undefined => serviceOf(options)?.roleArn;

/** The URL's facts; its bucket and key answer --bucket and --key, which must agree when given too. */
export const presignedFactsOf = (options: RequestFactOptions & {readonly bucket?: string; readonly key?: string}): PresignedUrlFacts | undefined => {
	if (options.presignedUrl === undefined) return undefined;
	const parsed = parsePresignedUrl(options.presignedUrl);
	if (!parsed.ok) throw new CliError(`--presigned-url: ${parsed.error.message}`);
	const {bucket, objectKey} = parsed.value;
	if ((options.bucket !== undefined && options.bucket !== bucket) || (options.key !== undefined && options.key !== objectKey)) {
		throw new CliError('--bucket and --key must name the object the --presigned-url is for (or leave them out: the URL names it)');
	}
	return parsed.value;
};

/**
 * The collected snapshot with the given facts. A service principal's request drops the profile's own principal, and
 * so does a service that uses a role of its own when the role is not named (the profile is not who makes it).
 */
export const withRequestFacts = (snapshot: Snapshot, options: RequestFactOptions, presigned?: PresignedUrlFacts): Snapshot => {
	const distribution = distributionOf(options);
	const service = serviceOf(options);
	const roleNotNamed = service !== undefined && serviceFacts(service.name).family === 'service-role' && service.roleArn === undefined;
	const dropPrincipal = destinationLeg(snapshot.question.operation).actor.kind === 'service' || roleNotNamed;
	const {principal: _principal, ...withoutPrincipal} = snapshot;
	return {
		...(dropPrincipal ? {...withoutPrincipal, unread: (snapshot.unread ?? []).filter(note => !note.path.startsWith('principal'))} : snapshot),
		...(service ? {service} : {}),
		...(distribution ? {distribution} : {}),
		// A live read may have added who signed it.
		...(presigned ? {presignedUrl: snapshot.presignedUrl ?? presigned.presignedUrl} : {}),
	};
};
