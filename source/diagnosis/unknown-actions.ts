import {isObject} from '../shared/json.js';
import type {PolicyJson, Snapshot} from '../snapshot/snapshot.js';
import type {ActionCatalogue} from './action-catalogue.js';
import type {AssumedFact, Finding} from './diagnosis.js';

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

/** The condition keys of the snapshot's policies that AWS's catalogue does not have (a misspelt `kms:ViaServices`), once each. */
export const uncataloguedConditionKeys = (snapshot: Snapshot, catalogue: ActionCatalogue): string[] => {
	const keys = new Map<string, string>();
	for (const {document} of policyDocuments(snapshot)) {
		for (const statement of statementsOf(document)) {
			const condition = isObject(statement) ? statement['Condition'] : undefined;
			if (!isObject(condition)) continue;
			for (const block of Object.values(condition)) {
				if (!isObject(block)) continue;
				for (const key of Object.keys(block)) if (isUncatalogued(key, catalogue)) keys.set(key.toLowerCase(), keys.get(key.toLowerCase()) ?? key);
			}
		}
	}
	return [...keys.values()];
};

/**
 * A condition key AWS's catalogue does not have is in no request, as its finding says: absent, so its conditions are
 * decided (IAM: "If the key that you specify in a policy condition is not present in the request context, the values do
 * not match"), not unknown with a value to find. Named as an assumption, since the catalogue may predate a new key; a
 * value the snapshot's requestContext gives wins.
 */
export const withUncataloguedKeysAbsent = (snapshot: Snapshot, catalogue: ActionCatalogue | undefined): {readonly snapshot: Snapshot; readonly assumed: AssumedFact[]} => {
	const given = new Set(Object.keys(snapshot.requestContext ?? {}).map(key => key.toLowerCase()));
	const keys = catalogue ? uncataloguedConditionKeys(snapshot, catalogue).filter(key => !given.has(key.toLowerCase())) : [];
	if (keys.length === 0) return {snapshot, assumed: []};
	return {
		snapshot: {...snapshot, requestContext: {...snapshot.requestContext, ...Object.fromEntries(keys.map(key => [key, null]))}},
		assumed: keys.map(key => ({
			id: `absent-key:${key}`,
			statement: `no request carries the condition key ${key}`,
			because: "AWS's catalogue of actions and condition keys does not have it (see its finding); give its value in requestContext if it is a key newer than the catalogue",
		})),
	};
};

const isUncatalogued = (key: string, catalogue: ActionCatalogue): boolean =>
	checkedKeyPrefixes.some(prefix => key.toLowerCase().startsWith(prefix)) && catalogue.isKnownConditionKey(key) === false;

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
					if (!isUncatalogued(key, catalogue)) continue;
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
