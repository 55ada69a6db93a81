import {describe, expect, it} from 'vitest';
import {collectSnapshot} from '../../source/aws/collect.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {renderText} from '../../source/report/render-text.js';
import type {Question} from '../../source/snapshot/question.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {useBundleRoundTrip} from '../support/bundle-round-trip.js';
import {useFakeAws} from '../support/fake-aws/harness.js';
import {accounts, sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';
import type {FakeGroup, FakeScenario} from '../support/fake-aws/scenario.js';

/**
 * IAM group and policy names may both hold dots (GetGroupPolicy's GroupName and PolicyName: "You can also include any of
 * the following characters: _+=,.@-"), so for a user in groups data and data.readers, older collection scripts wrote group
 * data's policy readers.kms and group data.readers's policy kms to one file, iam-get-group-policy.data.readers.kms.json,
 * and kept the last. The script now parts the names with a ~, which no IAM name holds: both answers are kept, and the
 * import reads the Deny of the one that was lost before.
 */

const statement = (effect: 'Allow' | 'Deny') => ({Version: '2012-10-17', Statement: [{Effect: effect, Action: 'kms:Decrypt', Resource: '*'}]});

const state = useFakeAws({
	scenario: (): FakeScenario => {
		const world = sameAccountScenario();
		const dotted: FakeGroup[] = [
			{account: accounts.app, name: 'data', id: 'AGPAFAKEDATA00000001', inline: {'readers.kms': statement('Deny')}},
			{account: accounts.app, name: 'data.readers', id: 'AGPAFAKEDATAREADERS1', inline: {kms: statement('Allow')}},
		];
		return {
			...world,
			users: world.users?.map(user => (user.name === 'dev-alice' ? {...user, groups: [...(user.groups ?? []), 'data', 'data.readers']} : user)),
			groups: [...(world.groups ?? []), ...dotted],
		};
	},
	files: sameAccountFiles,
});

const roundTrip = useBundleRoundTrip();
const question: Question = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'};

/** The SCPs are the management account's to read: both paths assume them, as `check --assume guardrails-allow` would. */
const guardrailsAllow = (snapshot: Snapshot): Snapshot => ({...snapshot, assumptions: [{id: 'guardrails-allow'}]});

describe('collect-script → import: the policies of groups data and data.readers named readers.kms and kms', () => {
	it('keeps each in its own file and imports both, so the Deny of one is read, as live collection reads it', async () => {
		const live = await collectSnapshot({question, profile: 'dev', env: state.home.env});
		if (!live.ok) throw new Error(live.error.message);
		expect(live.value.principal?.identityPolicies?.map(policy => policy.name)).toEqual(expect.arrayContaining(['group data: readers.kms', 'group data.readers: kms']));
		expect(diagnose(guardrailsAllow(live.value)).verdict).toBe('denied');

		const {files, snapshot} = await roundTrip(question, {...state.home.env, AWS_PROFILE: 'dev'});
		expect([...files.keys()].filter(name => name.startsWith('iam-get-group-policy.data') && name.endsWith('.json')).sort()).toEqual([
			'iam-get-group-policy.data.readers~kms.json',
			'iam-get-group-policy.data~readers.kms.json',
		]);
		expect(snapshot.principal?.identityPolicies?.map(policy => policy.name)).toEqual(expect.arrayContaining(['group data/readers.kms', 'group data.readers/kms']));
		expect((snapshot.unread ?? []).filter(note => note.path === 'principal.identityPolicies')).toEqual([]);
		const diagnosis = diagnose(guardrailsAllow(snapshot));
		expect(diagnosis.verdict).toBe('denied');
		expect(diagnosis.actions.find(action => action.action === 'kms:Decrypt')?.decision).toBe('denied');
		expect(renderText(diagnosis, {color: false, width: 400})).not.toContain('share this file name');
	}, 120_000);
});
