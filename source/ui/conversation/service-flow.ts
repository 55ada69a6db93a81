import {serviceFacts} from '../../operations/aws-services.js';
import {operationModule} from '../../operations/registry.js';
import {isAwsServiceName, type AwsServiceName} from '../../snapshot/service-names.js';
import type {ServiceInfo} from '../../snapshot/operation-facts.js';
import type {Operation, Snapshot} from '../../snapshot/snapshot.js';
import {ask, show} from './flow-steps.js';
import type {Ending, Flow} from './flow-types.js';
import * as questions from './service-questions.js';

/**
 * For an AWS service's read or write: which service, and, for one that uses a role of its own, which role. Asked
 * after the target, before the reads or the pastes: the role is who the reads (or the pasted policies) are about,
 * so with pasted policies it must be named. `settled`: the service a pasted error named (Athena's own wording).
 */
export function* serviceFlow(operation: Operation, live: boolean, settled?: AwsServiceName): Flow<ServiceInfo | undefined> {
	if (operationModule(operation).givenFact !== 'service') return undefined;
	const name = settled ?? (yield* ask(questions.awsServiceQuestion));
	if (!isAwsServiceName(name)) return undefined;
	const facts = serviceFacts(name);
	if (facts.family === 'forward-access-session') {
		yield* show([{tone: 'info', text: `${facts.label} makes the request with your own credentials (a forward access session): the caller is you, and its requests carry aws:CalledVia ${facts.calledVia}.`}]);
		return {name};
	}
	const role = yield* ask(questions.serviceRoleQuestion(facts, !live));
	if (role === '') {
		yield* show([{tone: 'unknown', text: `The role is not known: whose permissions ${facts.label} uses cannot be checked, so nothing is decided as allowed for it.`}]);
		return {name};
	}
	yield* show([{tone: 'info', text: `The policies read or asked next are the role's: ${role}.`}]);
	return {name, roleArn: role};
}

/** The ending's snapshot with the service; a service whose role is not known is not the profile's caller either. */
export const withService = (ending: Ending, service: ServiceInfo | undefined): Ending => {
	if (!service) return ending;
	const roleNotNamed = serviceFacts(service.name).family === 'service-role' && service.roleArn === undefined;
	const {principal: _principal, ...withoutPrincipal}: Snapshot = ending.snapshot;
	return {...ending, snapshot: {...(roleNotNamed ? withoutPrincipal : ending.snapshot), service}};
};
