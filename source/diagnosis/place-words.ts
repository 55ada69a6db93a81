import type {Place, Requirement} from './diagnosis.js';
import {legOn} from '../operations/registry.js';
import type {Side} from '../operations/types.js';
import type {Snapshot} from '../snapshot/snapshot.js';

/** Each place as a sentence names it: "the key policy", "the service control policies". Shared with the reports. */
export const placeWords: Readonly<Record<Place, string>> = {
	'key-policy': 'key policy',
	'key-grant': 'KMS grants',
	'identity-policy': 'IAM identity policies',
	'bucket-policy': 'bucket policy',
	'permissions-boundary': 'permissions boundary',
	'session-policy': 'session policy',
	scp: 'service control policies',
	rcp: 'resource control policies',
};

/** The places that are a key's: where a request has two keys, which key's is said. */
export const keyPlaces: ReadonlySet<Place> = new Set(['key-policy', 'key-grant']);

/** Whether the request's key rows are on two keys (a copy's source and destination keys): each is then named by its leg. */
const onTwoKeys = (requirements: readonly Requirement[]): boolean => new Set(requirements.filter(row => keyPlaces.has(row.place)).map(row => row.resource)).size > 1;

/** A leg's key as its findings name it; a leg that calls it just "key" is the destination's, said so beside the source's. */
const legKeyWords = (snapshot: Snapshot, row: Requirement): string => {
	const words = legOn(snapshot.question.operation, row.actionId.split('@')[1] as Side)?.keyWords ?? 'key';
	return words === 'key' ? 'destination key' : words;
};

/** A row's place as a cause names it: "key policy", or on two keys "key policy of the source object's key". */
export type PlaceSaid = ((row: Requirement) => string) & {
	/** On a request with two keys, the key of the row's leg ("source object's key"); otherwise none is said. */
	readonly keyOf: (row: Requirement) => string | undefined;
};

export const placeSaidOf = (snapshot: Snapshot, requirements: readonly Requirement[]): PlaceSaid => {
	const twoKeys = onTwoKeys(requirements);
	const keyOf = (row: Requirement): string | undefined => (twoKeys ? legKeyWords(snapshot, row) : undefined);
	const said = (row: Requirement): string => (twoKeys && keyPlaces.has(row.place) ? `${placeWords[row.place]} of the ${keyOf(row)!}` : placeWords[row.place]);
	return Object.assign(said, {keyOf});
};

/**
 * A row's place as the subject a sentence depends on: "the bucket policy", "the caller's IAM policies", "the key policy of
 * the source object's key". The headline and the unknowns (unknown-words.ts) both say it so.
 */
export const thePlace = (placeSaid: PlaceSaid, row: Requirement): string => (row.place === 'identity-policy' ? "the caller's IAM policies" : `the ${placeSaid(row)}`);
