import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, buildSnapshot, deny, keyArn, named, policy, without} from './support/build-snapshot.js';
import {decisions} from './support/fix-checks.js';

// AWS KMS Developer Guide, "Use aliases to control access to KMS keys".
const quote = 'The kms:ResourceAliases condition key allows or denies access to a KMS key based on the aliases associated with the KMS key.';

const gdk = 'kms:GenerateDataKey@destination';

/** The caller may use only keys aliased for its project, and never a key that still carries a legacy alias. */
const aliasGuarded = (aliases: readonly string[] | undefined, unread?: Snapshot['unread']): Snapshot => {
	const snapshot = buildSnapshot({
		principal: {
			identityPolicies: [
				named(
					'ProjectKeys',
					policy(
						allow('s3:PutObject', '*', {Sid: 'Objects'}),
						allow('kms:GenerateDataKey', '*', {Sid: 'ProjectKeys', Condition: {'ForAnyValue:StringEquals': {'kms:ResourceAliases': 'alias/project-x'}}}),
						deny('kms:*', '*', {Sid: 'NoLegacyKeys', Condition: {'ForAnyValue:StringLike': {'kms:ResourceAliases': 'alias/legacy-*'}}}),
					),
				),
			],
		},
		...(aliases ? {key: {aliases: [...aliases]}} : {}),
		...(unread ? {unread} : {}),
	});
	return aliases ? snapshot : without(snapshot, 'key.aliases');
};

describe('kms:ResourceAliases comes from the key\'s complete alias list', () => {
	it(`decides an alias condition from key.aliases: "${quote}"`, () => {
		const diagnosis = diagnose(aliasGuarded(['alias/uploads', 'alias/project-x']));
		expect(diagnosis.actions.find(action => action.id === gdk)?.context['kms:ResourceAliases']).toEqual(['alias/uploads', 'alias/project-x']);
		expect(decisions(diagnosis)[gdk]).toBe('allowed');
		expect(decisions(diagnose(aliasGuarded(['alias/uploads', 'alias/project-x', 'alias/legacy-2019'])))[gdk]).toBe('denied');
		expect(decisions(diagnose(aliasGuarded(['alias/uploads'])))[gdk]).toBe('denied');
	});

	it('counts an empty list as a key with no aliases', () => {
		const diagnosis = diagnose(aliasGuarded([]));
		expect(diagnosis.actions.find(action => action.id === gdk)?.context['kms:ResourceAliases']).toBeNull();
		expect(decisions(diagnosis)[gdk]).toBe('denied');
	});

	it('stays unknown, naming kms:ListAliases, when the aliases were not read', () => {
		const diagnosis = diagnose(aliasGuarded(undefined));
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		const note = diagnosis.unknowns.find(candidate => candidate.what.includes('kms:ResourceAliases'));
		expect(note?.resolveWith).toBe(`kms:ListAliases --key-id ${keyArn} with a profile of the key's account (or list every alias of the key in key.aliases)`);
	});

	it('stays unknown when collection noted the list as partial, with the read it recorded', () => {
		const partial = [{path: 'key.aliases', reason: 'only alias/project-x, the alias the request named, is known', resolveWith: `kms:ListAliases --key-id ${keyArn}`}];
		const diagnosis = diagnose(aliasGuarded(['alias/project-x'], partial));
		expect(diagnosis.actions.find(action => action.id === gdk)?.context).not.toHaveProperty('kms:ResourceAliases');
		expect(decisions(diagnosis)[gdk]).toBe('unknown');
		expect(diagnosis.unknowns.find(candidate => candidate.what.includes('kms:ResourceAliases'))?.resolveWith).toBe(`kms:ListAliases --key-id ${keyArn}`);
	});
});
