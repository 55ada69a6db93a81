import type {KeyInfo, KeyManager, KeyState} from '../snapshot.js';
import {isKeyArn} from '../../names/index.js';
import {ok} from '../../shared/result.js';
import {shapeProblem, type Mapped} from './answer.js';
import {asBoolean, asObject, asString} from './json-access.js';

const keyStates: ReadonlySet<string> = new Set<KeyState>(['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'PendingReplicaDeletion', 'Unavailable', 'Creating', 'Updating']);
const keyManagers: ReadonlySet<string> = new Set<KeyManager>(['AWS', 'CUSTOMER']);

export type KeyFacts = Pick<KeyInfo, 'keyManager' | 'keyState' | 'keySpec' | 'keyUsage' | 'multiRegion'>;

/** What kms:DescribeKey says of a key: its ARN (an alias resolved), and its manager, state, spec, usage. */
export type DescribedKey = {readonly arn?: string; readonly facts: KeyFacts};

export const describedKeyOf = (answer: unknown): Mapped<DescribedKey> => {
	const metadata = asObject(asObject(answer)?.['KeyMetadata']);
	if (!metadata) return shapeProblem('DescribeKey returned no KeyMetadata');
	const arn = asString(metadata['Arn']);
	// Any other ARN (an alias's, an edited one) is not this key's: the snapshot, and every grant and policy note, name the key by it.
	if (arn !== undefined && !isKeyArn(arn)) return shapeProblem("the answer's KeyMetadata.Arn is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)");
	const manager = asString(metadata['KeyManager']);
	const state = asString(metadata['KeyState']);
	// KeySpec replaced CustomerMasterKeySpec; older answers have only the latter.
	const spec = asString(metadata['KeySpec']) ?? asString(metadata['CustomerMasterKeySpec']);
	const usage = asString(metadata['KeyUsage']);
	const multiRegion = asBoolean(metadata['MultiRegion']);
	return ok({
		...(arn ? {arn} : {}),
		facts: {
			...(manager && keyManagers.has(manager) ? {keyManager: manager as KeyManager} : {}),
			...(state && keyStates.has(state) ? {keyState: state as KeyState} : {}),
			...(spec ? {keySpec: spec} : {}),
			...(usage ? {keyUsage: usage} : {}),
			...(multiRegion === undefined ? {} : {multiRegion}),
		},
	});
};
