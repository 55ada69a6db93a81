import {isObject} from '../shared/json.js';
import type {PolicyJson, Snapshot} from '../snapshot/snapshot.js';
import type {ActionCatalogue} from './action-catalogue.js';
import type {Finding} from './diagnosis.js';

/**
 * Every action (and every `s3:`, `kms:` and `aws:` condition key) of every policy in the snapshot, checked
 * against AWS's catalogue: a typo matches no request, so the statement silently grants or denies nothing
 * of what its author meant. Wildcards are left alone.
 */

export type NamedDocument = {readonly name: string; readonly document: PolicyJson};

const named = (name: string, document: PolicyJson | null | undefined): NamedDocument[] => (document ? [{name, document}] : []);

const isNamedPolicy = (entry: unknown): entry is {name: string; document: PolicyJson} => isObject(entry) && typeof entry['name'] === 'string' && isObject(entry['document']);

/** Every policy document of the snapshot, with the name a message gives it. */
export const policyDocuments = (snapshot: Snapshot): NamedDocument[] => [
	...(snapshot.principal?.identityPolicies ?? []).flatMap(policy => named(`IAM policy "${policy.name}"`, policy.document)),
	...named(`permissions boundary "${snapshot.principal?.permissionsBoundary?.name ?? ''}"`, snapshot.principal?.permissionsBoundary?.document),
	...named('session policy', snapshot.principal?.sessionPolicy),
	...named('key policy', snapshot.key?.policy),
	...named("source key's policy", snapshot.source?.keyInfo?.policy),
	...named('bucket policy', snapshot.bucket?.policy),
	...named("source bucket's policy", snapshot.source?.bucketInfo?.policy),
	...[...(snapshot.organization?.serviceControlPolicies ?? []), ...(snapshot.organization?.resourceControlPolicies ?? [])].flatMap(level =>
		level.flatMap(entry => (isNamedPolicy(entry) ? named(`"${entry.name}"`, entry.document) : named('an organization policy', entry as PolicyJson))),
	),
];

const statementsOf = (document: PolicyJson): unknown[] => {
	const statement = document['Statement'];
	return Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** The service prefixes the snapshot's policies name (`s3`, `kms`, `ec2`…), lower case: what a catalogue must cover. */
export const servicesNamed = (snapshot: Snapshot): string[] => {
	const services = new Set(['s3', 'kms']);
	for (const {document} of policyDocuments(snapshot)) {
		for (const statement of statementsOf(document)) {
			if (!isObject(statement)) continue;
			for (const action of [...strings(statement['Action']), ...strings(statement['NotAction'])]) {
				const colon = action.indexOf(':');
				if (colon > 0 && !/[*?]/.test(action.slice(0, colon))) services.add(action.slice(0, colon).toLowerCase());
			}
		}
	}
	return [...services];
};

const checkedKeyPrefixes = ['s3:', 'kms:', 'aws:'];

/** One finding per unknown action or condition key of the snapshot's policies, naming the policy and statement, with a did-you-mean. */
export const unknownActionFindings = (snapshot: Snapshot, catalogue: ActionCatalogue): Finding[] =>
	policyDocuments(snapshot).flatMap(({name, document}) => unknownActionsIn(name, document, catalogue));

/** The same for one policy document (a pasted one, as it is typed). */
export const unknownActionsIn = (name: string, document: PolicyJson, catalogue: ActionCatalogue): Finding[] => {
	const findings: Finding[] = [];
	{
		statementsOf(document).forEach((statement, index) => {
			if (!isObject(statement)) return;
			const where = `${name}, ${typeof statement['Sid'] === 'string' ? `Sid "${statement['Sid']}"` : `statement ${index + 1}`}`;
			for (const action of [...strings(statement['Action']), ...strings(statement['NotAction'])]) {
				if (/[*?]/.test(action) || catalogue.isKnownAction(action) !== false) continue;
				const suggestion = catalogue.suggest(action);
				findings.push({
					id: 'unknown-action',
					severity: 'warning',
					message: `${where} names ${action}, which is no action in AWS's catalogue: the statement matches no request for it.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
					...(suggestion ? {remedy: `Write ${suggestion} instead of ${action}.`} : {}),
				});
			}
			const condition = statement['Condition'];
			if (!isObject(condition)) return;
			for (const block of Object.values(condition)) {
				if (!isObject(block)) continue;
				for (const key of Object.keys(block)) {
					if (!checkedKeyPrefixes.some(prefix => key.toLowerCase().startsWith(prefix)) || catalogue.isKnownConditionKey(key) !== false) continue;
					const suggestion = catalogue.suggest(key);
					findings.push({
						id: 'unknown-condition-key',
						severity: 'warning',
						message: `${where} tests the condition key ${key}, which AWS's catalogue does not have: no request carries it.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
						...(suggestion ? {remedy: `Write ${suggestion} instead of ${key}.`} : {}),
					});
				}
			}
		});
	}
	return findings;
};
