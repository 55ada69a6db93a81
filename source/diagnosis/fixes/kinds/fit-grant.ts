
import {requirementId} from '../../requirement-id.js';
import type {KeyGrant, Snapshot} from '../../../snapshot/snapshot.js';
import {appliesIn} from '../applies-in.js';
import {createGrantCommand} from '../commands.js';
import {groupBy, specOf, viaS3Condition} from '../context.js';
import type {Draft, FixContext, FixPlace} from '../draft.js';
import {knownActionsOnly} from '../known-actions.js';
import {mergeStatement, sidPart, uniqueSid} from '../policy-document.js';

/**
 * A KMS grant names the caller but its encryption-context constraint does not fit the request (another
 * object, a value in another case: grant constraint values are case sensitive). Two fixes, each pinned
 * to the context S3 really sends: a key-policy statement, and a new grant (`aws kms create-grant`) for the
 * key's owner, or a principal the key lets call kms:CreateGrant, to run.
 */

const contextKey = 'kms:EncryptionContext:aws:s3:arn';

const keySide = (snapshot: Snapshot, keyArn: string): 'destination' | 'source' | undefined =>
	snapshot.key?.arn === keyArn ? 'destination' : snapshot.source?.keyInfo?.arn === keyArn ? 'source' : undefined;

const withGrant = (snapshot: Snapshot, keyArn: string, grant: KeyGrant): Snapshot => {
	const side = keySide(snapshot, keyArn);
	if (side === 'destination') return {...snapshot, key: {...snapshot.key!, grants: [...(snapshot.key!.grants ?? []), grant]}};
	if (side === 'source') return {...snapshot, source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, grants: [...(snapshot.source!.keyInfo!.grants ?? []), grant]}}};
	return snapshot;
};

export const fitGrant = (context: FixContext, places: readonly FixPlace[]): Draft[] => {
	const {snapshot, analysis, caller} = context;
	// The key policy's Principal and the grant's grantee name the role by its ARN, path included: not known for a session whose role was not read.
	const principal = caller?.arn;
	if (!caller || !principal) return [];
	// Only a row some grant would give but for its constraint (that grant decided the row): one with no grant at all is add-allow's.
	const misfits = analysis.requirements.filter(row => row.place === 'key-grant' && row.status === 'missing' && row.decidedBy !== undefined);
	return [...groupBy(misfits, row => row.resource).entries()].flatMap(([keyArn, rows]): Draft[] => {
		const spec = specOf(analysis, rows[0]!);
		const sent = spec.context[contextKey];
		if (typeof sent !== 'string' || !keySide(snapshot, keyArn)) return [];
		const operations = [...new Set(rows.map(row => row.action.replace(/^kms:/, '')))];
		const keyInfo = keySide(snapshot, keyArn) === 'destination' ? snapshot.key : snapshot.source?.keyInfo;
		const drafts: Draft[] = [];
		const keyPolicy = places.find(place => place.place === 'key-policy')?.rewritable?.(context, {place: 'key-policy', owner: spec.side}, rows[0]!);
		if (keyPolicy?.document && keyInfo?.keyManager !== 'AWS') {
			const via = viaS3Condition(spec);
			const statement = {
				Sid: uniqueSid(keyPolicy.document, `Allow${sidPart(caller.name)}UseOfKeyForThisContext`),
				Effect: 'Allow',
				Principal: {AWS: principal},
				Action: rows.map(row => row.action),
				Resource: '*',
				Condition: {StringEquals: {...(via ? via['StringEquals'] as Record<string, string> : {}), [contextKey]: sent}},
			};
			const cleaned = knownActionsOnly(mergeStatement(keyPolicy.document, statement), context.catalogue);
			const policy = cleaned.policy;
			drafts.push({
				kind: 'add-allow',
				place: 'key-policy',
				target: keyArn,
				resolves: rows.map(requirementId),
				statement,
				statements: [statement],
				policy,
				command: keyPolicy.command(policy),
				summary: `The key's grant for ${caller.kind} ${caller.name} does not fit the encryption context S3 sends (${sent}). Add a statement to the key policy allowing ${statement.Action.join(', ')} for exactly that context.${cleaned.note}`,
				appliesIn: keyPolicy.appliesIn,
				weakens: null,
				ref: keyPolicy.ref,
				apply: target => keyPolicy.write(target, policy),
			});
		}
		const grant: KeyGrant = {name: `s3-kms-doctor-${caller.name}`, granteePrincipal: principal, operations, constraints: {encryptionContextSubset: {'aws:s3:arn': sent}}};
		drafts.push({
			kind: 'add-allow',
			place: 'key-grant',
			target: keyArn,
			resolves: rows.map(requirementId),
			statement: null,
			statements: [],
			policy: null,
			command: createGrantCommand(keyArn, grant),
			summary: `Or create a grant for ${caller.kind} ${caller.name} whose constraint fits what S3 sends (aws:s3:arn = ${sent}; grant constraint values are case sensitive). The key's owner, or a principal the key allows kms:CreateGrant, runs it.`,
			appliesIn: appliesIn('key-owner', keyArn),
			weakens: null,
			apply: target => withGrant(target, keyArn, grant),
		});
		return drafts;
	});
};

