import {describeNameError, parsePrincipalArn} from '../../names/index.js';
import {serviceFacts} from '../../operations/aws-services.js';
import {allOperations} from '../../operations/registry.js';
import {err, ok, type Result} from '../../shared/result.js';
import {operationNamesInWords} from '../../snapshot/operation-names.js';
import {awsServiceNames, isAwsServiceName} from '../../snapshot/service-names.js';
import type {ServiceInfo} from '../../snapshot/operation-facts.js';

/**
 * The AWS service that reads or writes the object, as the command line gives it (`--service NAME`, `--service-role
 * ARN`), for `check` and `collect-script` alike: nothing reads these, so each is a given fact, refused in the same
 * words by both. A service that acts with the caller's own credentials (Athena) takes no role; a service with a role
 * of its own is diagnosed as that role.
 */

export type ServiceFlags = {
	readonly service?: string;
	readonly serviceRole?: string;
};

/** How the command names the caller: `check` reads it from `--profile`, `collect-script` is told it with `--principal`. */
export type CallerFlag = '--profile' | '--principal';

const serviceOperations = (): string => operationNamesInWords(allOperations.filter(module => module.givenFact === 'service').map(module => module.name));

/**
 * The service and its role; `undefined` when neither flag is given; or the one line that names the bad flag.
 * `forService`: whether the question's operation is one a service performs (service-read, service-write).
 */
export const serviceOfFlags = (flags: ServiceFlags, forService: boolean, caller: CallerFlag): Result<ServiceInfo | undefined, string> => {
	const {service, serviceRole} = flags;
	if (service === undefined && serviceRole === undefined) return ok(undefined);
	if (!forService) return err(`--service and --service-role name the AWS service that reads or writes the object: give them with --operation ${serviceOperations()}`);
	if (service === undefined) return err(`--service-role needs --service: which service uses the role (${awsServiceNames.join(', ')})`);
	if (!isAwsServiceName(service)) return err(`--service "${service}" is not one of ${awsServiceNames.join(', ')}`);
	if (serviceRole === undefined) return ok({name: service});
	const facts = serviceFacts(service);
	if (facts.family === 'forward-access-session') {
		const callerIs = caller === '--profile' ? '--profile is the caller' : 'give the caller with --principal';
		return err(`--service-role does not apply to ${service}: ${facts.label} reads and writes with the caller's own credentials (leave --service-role out; ${callerIs})`);
	}
	const role = parsePrincipalArn(serviceRole);
	if (!role.ok) return err(describeNameError(serviceRole, role.error, '--service-role'));
	if (role.value.kind !== 'role') return err(`--service-role "${serviceRole}" is not an IAM role ARN: give the role ${facts.label} uses, such as arn:aws:iam::111122223333:role/NAME`);
	return ok({name: service, roleArn: serviceRole});
};
