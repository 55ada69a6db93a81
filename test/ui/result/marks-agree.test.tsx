import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../../source/diagnosis/diagnosis.js';
import {legendEntries} from '../../../source/report/marks.js';
import {snapshotFormat, type Snapshot} from '../../../source/snapshot/snapshot.js';
import {KeyRouter} from '../../../source/ui/keys/key-router.js';
import {ResultScreen, type ResultScreenProps} from '../../../source/ui/result/result-screen.js';
import {flatRows, rowGroups} from '../../../source/ui/result/rows.js';
import {fakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, type Rendered} from '../helpers/render.js';
import {fixtureDiagnosis} from '../fixtures/diagnosis.js';
import {MiB, allow, buildSnapshot, customerKey, deny, fullIdentityPolicy, keyArn, keyArnOf, named, policy, sameAccountDownload, without} from '../../diagnosis/support/build-snapshot.js';

/** Marks agree with their words (#10): ⊘ for an IAM allow that does not count, a Deny's condition that "matches — this is what denies", one legend. */

const example = (name: string): Snapshot => JSON.parse(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8')) as Snapshot;

const uploadSnapshot: Snapshot = {format: snapshotFormat, question: {operation: 'upload', bucket: 'reports-bucket', objectKey: 'exports/big.csv'}};

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const show = (diagnosis: Diagnosis, snapshot: Snapshot, size = {columns: 100, rows: 40}): Rendered => {
	const fake = fakeServices({existingFiles: []});
	const props: ResultScreenProps = {
		diagnosis,
		snapshot,
		services: fake.services,
		width: size.columns,
		rows: size.rows,
		onRerun: () => ({tone: 'info', text: 'Nothing to re-read'}),
		savedCheckNames: [],
		onBack: vi.fn(),
		onQuit: vi.fn(),
	};
	app = renderApp(
		<KeyRouter>
			<ResultScreen {...props} />
		</KeyRouter>,
		size,
	);
	return app;
};

/** From the top of the table, open the explanation of one row: by default the service control policies' s3:PutObject. */
const openRow = async (rendered: Rendered, diagnosis: Diagnosis, action = 's3:PutObject', place = 'scp'): Promise<void> => {
	const index = flatRows(rowGroups(diagnosis)).findIndex(row => row.requirement.action === action && row.requirement.place === place);
	expect(index).toBeGreaterThan(-1);
	for (let step = 0; step < 12; step++) await rendered.press(keys.up);
	for (let step = 0; step < index; step++) await rendered.press(keys.down);
	await rendered.press(keys.enter);
};

/**
 * `snapshot` diagnosed on the result screen at 120×50: the table, its rows from `group` on, and the explanation of
 * `action` at `place`, opened from the top and waited for until `opened` shows (`flat`: the explanation on one line).
 */
const onScreen = async (snapshot: Snapshot, group: string, action: string, place: string, opened = 'Decided by:') => {
	const diagnosis = diagnose(snapshot);
	const rendered = show(diagnosis, snapshot, {columns: 120, rows: 50});
	const table = await rendered.waitFor(frame => frame.includes(group), 'the table');
	await openRow(rendered, diagnosis, action, place);
	const detail = await rendered.waitFor(frame => frame.includes(opened), 'the explanation');
	return {table, rows: table.slice(table.indexOf(group)), detail, flat: detail.replace(/\s+/g, ' ')};
};

describe('marks that agree with their words', () => {
	it('an IAM allow the key policy does not delegate to is ⊘ on both twin rows, and its explanation says why and what would make it count', async () => {
		const snapshot = example('large-upload-multipart-missing-decrypt.json');
		const diagnosis = diagnose(snapshot);
		const rendered = show(diagnosis, snapshot);
		const frame = await rendered.waitFor(frame => frame.includes('IAM identity policies'), 'the table');
		expect(frame).toMatch(/⊘ +kms:GenerateDataKey/);
		expect(frame).toMatch(/⊘ +kms:Decrypt/);
		// Neither twin is ✔ or – in the IAM group.
		const iamGroup = frame.slice(frame.indexOf('IAM identity policies'));
		expect(iamGroup).not.toMatch(/[✔–] +kms:(GenerateDataKey|Decrypt)/);
		// Walk to the ⊘ rows and open each one.
		const rows = diagnosis.requirements;
		for (const action of ['kms:GenerateDataKey', 'kms:Decrypt']) {
			await rendered.press(keys.up, keys.up, keys.up, keys.up, keys.up, keys.up, keys.up);
			const index = flatRows(rowGroups(diagnosis)).findIndex(row => row.requirement.action === action && row.requirement.place === 'identity-policy');
			expect(index, action).toBeGreaterThan(-1);
			for (let step = 0; step < index; step++) await rendered.press(keys.down);
			await rendered.press(keys.enter);
			const detail = await rendered.waitFor(frame => frame.includes('does not count ·') || frame.includes('· does not count'), `the ${action} explanation`);
			expect(detail).toContain(`⊘ ${action} · IAM identity policies · does not count`);
			expect(detail.replace(/\s+/g, ' ')).toContain('but it does not count: an IAM policy grants access to a KMS key only where the key policy lets account 111122223333 use IAM policies for the key');
			expect(detail.replace(/\s+/g, ' ')).toContain('It would count with a key policy statement allowing');
			await rendered.press(keys.escape);
			await rendered.waitFor(frame => !frame.includes('· does not count'), 'the table again');
		}
		expect(rows.filter(row => row.place === 'identity-policy' && row.action.startsWith('kms:')).map(row => row.status)).toEqual(['ineffective', 'ineffective']);
	});

	it("a Deny's condition that holds reads 'matches — this is what denies', never a green ✔ holds", async () => {
		const rendered = show(fixtureDiagnosis, uploadSnapshot);
		await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
		await rendered.press(keys.down, keys.down, keys.enter);
		const frame = await rendered.waitFor(frame => frame.includes('Decided by:'), 'the explanation');
		expect(frame).toContain('⛔ kms:Decrypt · IAM identity policies · denied');
		expect(frame).toContain('⛔ StringNotEquals aws:SourceVpce — matches — this is what denies');
		expect(frame).not.toContain('— holds');
	});

	it('an SCP Deny read as "may deny" beside a pasted message saying an SCP denied: ⛔ on the screen, decided by the message, naming the likely statement', async () => {
		const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
		const vpceOnly = named('VpceOnly', policy(deny('s3:PutObject', '*', {Sid: 'DenyOffVpce', Condition: {StringNotEquals: {'aws:SourceVpce': 'vpce-1a2b3c4d'}}})));
		const snapshot: Snapshot = {...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess, vpceOnly]]}}), evidence: [{deniedBy: 'scp', action: 's3:PutObject'}]};
		const {rows: scpGroup, detail, flat} = await onScreen(snapshot, 'Service control policies', 's3:PutObject', 'scp');
		expect(scpGroup).toMatch(/⛔ +s3:PutObject/);
		expect(scpGroup).not.toMatch(/\? +s3:PutObject/);
		expect(detail).toContain('⛔ s3:PutObject · service control policies · denied');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (likely SCP "VpceOnly", Sid "DenyOffVpce", which may deny it as read)');
		expect(flat).toContain('so likely SCP "VpceOnly", Sid "DenyOffVpce" did.');
	});

	it('an SCP read to allow beside a pasted message saying no SCP allows it: ? on the screen, never ✔, with the read that settles it', async () => {
		const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
		const snapshot: Snapshot = {...buildSnapshot({organization: {serviceControlPolicies: [[fullAccess], [fullAccess]]}}), evidence: [{deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit'}]};
		const {rows: scpGroup, detail, flat} = await onScreen(snapshot, 'Service control policies', 's3:PutObject', 'scp', 's3:PutObject · service control policies');
		expect(scpGroup).toMatch(/\? +s3:PutObject/);
		expect(scpGroup).not.toMatch(/✔ +s3:PutObject/);
		expect(detail).toContain('? s3:PutObject · service control policies · unknown');
		expect(flat).toContain('yet the pasted AccessDenied message says no service control policy allows s3:PutObject.');
		expect(flat).toContain('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY');
	});

	it('SCPs not read beside a pasted message saying no SCP allows it: ✘ on the screen, decided by the message, never ⛔', async () => {
		const snapshot: Snapshot = {...buildSnapshot(), organization: {resourceControlPolicies: []}, evidence: [{deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit'}]};
		const {rows: scpGroup, detail, flat} = await onScreen(snapshot, 'Service control policies', 's3:PutObject', 'scp');
		expect(scpGroup).toMatch(/✘ +s3:PutObject/);
		expect(scpGroup).not.toMatch(/⛔ +s3:PutObject/);
		expect(detail).toContain('✘ s3:PutObject · service control policies · missing');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (no service control policy allows it, their text not read)');
	});

	// IAM User Guide, "Troubleshooting access denied error messages": "When the policy implicitly denies access, then AWS
	// includes the phrase because no type policy allows the action action in the access denied error message."
	it('identity policies not read beside a pasted "because no identity-based policy allows the kms:GenerateDataKey action": ✘ on the screen, decided by the message', async () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'principal.identityPolicies'), evidence: [{deniedBy: 'identity', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		const {rows: identityGroup, detail, flat} = await onScreen(snapshot, 'IAM identity policies', 'kms:GenerateDataKey', 'identity-policy');
		expect(identityGroup).toMatch(/✘ +kms:GenerateDataKey/);
		expect(identityGroup).not.toMatch(/\? +kms:GenerateDataKey/);
		expect(detail).toContain('✘ kms:GenerateDataKey · IAM identity policies · missing');
		expect(flat).toContain('The pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey.');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (no identity-based policy allows it, their text not read)');
	});

	it('identity policies read to allow beside a pasted "because no identity-based policy allows": ? on the screen, never ✔, with the read that settles it', async () => {
		const snapshot: Snapshot = {...buildSnapshot(), evidence: [{deniedBy: 'identity', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		const {rows: identityGroup, detail, flat} = await onScreen(snapshot, 'IAM identity policies', 'kms:GenerateDataKey', 'identity-policy', 'kms:GenerateDataKey · IAM identity policies');
		expect(identityGroup).toMatch(/\? +kms:GenerateDataKey/);
		expect(identityGroup).not.toMatch(/✔ +kms:GenerateDataKey/);
		expect(detail).toContain('? kms:GenerateDataKey · IAM identity policies · unknown');
		expect(flat).toContain('yet the pasted AccessDenied message says no identity-based policy allows kms:GenerateDataKey.');
		expect(flat).toContain("the caller's identity-based policies read again as they are now");
	});

	// IAM User Guide, "Troubleshooting access denied error messages": "because no permissions boundary allows the
	// codedeploy:ListDeployments action", "with an explicit deny in a sessions policy".
	it('a boundary not read beside a pasted "because no permissions boundary allows the kms:GenerateDataKey action": ✘ on the screen, decided by the message', async () => {
		const snapshot: Snapshot = {...without(buildSnapshot(), 'principal.permissionsBoundary'), evidence: [{deniedBy: 'boundary', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		const {rows: boundaryGroup, detail, flat} = await onScreen(snapshot, 'Permissions boundary', 'kms:GenerateDataKey', 'permissions-boundary');
		expect(boundaryGroup).toMatch(/✘ +kms:GenerateDataKey/);
		expect(boundaryGroup).not.toMatch(/\? +kms:GenerateDataKey/);
		expect(detail).toContain('✘ kms:GenerateDataKey · permissions boundary · missing');
		expect(flat).toContain('The pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey.');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (no permissions boundary allows it, its text not read)');
	});

	it('a boundary read to allow beside the same message: ? on the screen, never ✔, with the boundary read again', async () => {
		const boundary = named('Boundary', policy(allow(['s3:*', 'kms:*'], '*')));
		const snapshot: Snapshot = {...buildSnapshot({principal: {permissionsBoundary: boundary}}), evidence: [{deniedBy: 'boundary', action: 'kms:GenerateDataKey', deny: 'implicit'}]};
		const {rows: boundaryGroup, detail, flat} = await onScreen(snapshot, 'Permissions boundary', 'kms:GenerateDataKey', 'permissions-boundary', 'kms:GenerateDataKey · permissions boundary');
		expect(boundaryGroup).toMatch(/\? +kms:GenerateDataKey/);
		expect(boundaryGroup).not.toMatch(/✔ +kms:GenerateDataKey/);
		expect(detail).toContain('? kms:GenerateDataKey · permissions boundary · unknown');
		expect(flat).toContain('yet the pasted AccessDenied message says no permissions boundary allows kms:GenerateDataKey.');
		expect(flat).toContain('the permissions boundary read again as it is now');
	});

	it('a session policy not pasted beside "with an explicit deny in a sessions policy": ⛔ on the screen, saying AWS cannot read it', async () => {
		const session = without(buildSnapshot({principal: {arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly', roleArn: 'arn:aws:iam::111122223333:role/Uploader'}}), 'principal.sessionPolicy');
		const snapshot: Snapshot = {...session, evidence: [{deniedBy: 'session', action: 'kms:GenerateDataKey'}]};
		const {rows: sessionGroup, detail, flat} = await onScreen(snapshot, 'Session policy', 'kms:GenerateDataKey', 'session-policy');
		expect(sessionGroup).toMatch(/⛔ +kms:GenerateDataKey/);
		expect(detail).toContain('⛔ kms:GenerateDataKey · session policy · denied');
		expect(flat).toContain('The session policy cannot be read from AWS (it is passed when the session is created)');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (a session policy, its text not read)');
	});

	it("the key S3 used not known, a pasted message saying no SCP allows kms:Decrypt: ✘ on the screen with the message's words, the key's rows ?", async () => {
		const snapshot: Snapshot = {...without(sameAccountDownload(), 'object', 'key', 'organization'), evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', deny: 'implicit'}]};
		const {table, rows: scpGroup, detail, flat} = await onScreen(snapshot, 'Service control policies', 'kms:Decrypt', 'scp');
		expect(scpGroup).toMatch(/✘ +kms:Decrypt/);
		expect(scpGroup.slice(0, scpGroup.indexOf('Resource control policies'))).not.toMatch(/\? +kms:Decrypt/);
		expect(table.slice(table.indexOf('Key policy'))).toMatch(/\? +kms:Decrypt/);
		expect(detail).toContain('✘ kms:Decrypt · service control policies · missing');
		expect(flat).toContain('The pasted AccessDenied message says no service control policy allows kms:Decrypt.');
		expect(flat).toContain('Decided by: the pasted AccessDenied message (no service control policy allows it, their text not read)');
		expect(flat).not.toContain('Which KMS key S3 uses is not known');
	});

	it("a copy's kms:Decrypt on two keys, a pasted message naming the source key: ? on the source key's row, ✔ on the destination's as read", async () => {
		const sourceKey = keyArnOf(undefined, undefined, '5678efab-56ef-78ab-90cd-567890abcdef');
		const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
		const snapshot: Snapshot = {
			...buildSnapshot({
				question: {operation: 'copy', sizeBytes: 100 * MiB, source: {bucket: 'source-bucket', objectKey: 'in/a.csv', kmsKeyId: sourceKey}},
				principal: {identityPolicies: [fullIdentityPolicy([keyArn, sourceKey], ['example-bucket', 'source-bucket'])]},
				source: {bucketInfo: {accountId: '111122223333', region: 'eu-west-1', policy: null}, objectInfo: {encryption: {algorithm: 'aws:kms', kmsKeyId: sourceKey, bucketKeyEnabled: false}}, keyInfo: customerKey(sourceKey)},
				organization: {serviceControlPolicies: [[fullAccess]], resourceControlPolicies: []},
			}),
			evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', resource: sourceKey}],
		};
		const diagnosis = diagnose(snapshot);
		const rendered = show(diagnosis, snapshot, {columns: 160, rows: 60});
		const table = await rendered.waitFor(frame => frame.includes('Service control policies'), 'the table');
		const source = table.slice(table.indexOf('Service control policies (source)'), table.indexOf('Service control policies (destination)'));
		const destination = table.slice(table.indexOf('Service control policies (destination)')).split('\n\n')[0]!;
		expect(source).toMatch(/\? +kms:Decrypt +The service control policies read allow kms:Decrypt at every level/);
		expect(destination).toMatch(/✔ +kms:Decrypt +Every level of the service control policies allows kms:Decrypt\./);
		expect(destination).not.toMatch(/\? +kms:Decrypt/);
		// The table opens on the row that needs a look: the source key's.
		expect(source).toMatch(/› \? +kms:Decrypt/);
		await rendered.press(keys.enter);
		const detail = await rendered.waitFor(frame => frame.includes('kms:Decrypt (source) · service control policies'), 'the explanation');
		expect(detail).toContain('? kms:Decrypt (source) · service control policies · unknown');
		const flat = detail.replace(/\s+/g, ' ');
		expect(flat).toContain('yet the pasted AccessDenied message says kms:Decrypt was denied "with an explicit deny in a service control policy". AWS\'s message says what AWS decided');
		expect(flat).not.toContain('resources this request needs it on');
	});

	it('a download, a pasted message naming another key than the object\'s: ✔ on the screen as read, and the warning says it was not applied', async () => {
		const otherKey = keyArnOf(undefined, undefined, '9999aaaa-99aa-99aa-99aa-9999aaaa9999');
		const fullAccess = named('FullAWSAccess', policy(allow('*', '*')));
		const snapshot: Snapshot = {...sameAccountDownload({organization: {serviceControlPolicies: [[fullAccess]]}}), evidence: [{deniedBy: 'scp', action: 'kms:Decrypt', resource: otherKey}]};
		const {table, rows: scpGroup, flat} = await onScreen(snapshot, 'Service control policies', 'kms:Decrypt', 'scp');
		expect(scpGroup).toMatch(/✔ +kms:Decrypt/);
		expect(scpGroup).not.toMatch(/[?✘⛔] +kms:Decrypt/);
		expect(flat).not.toContain('pasted AccessDenied message');
		expect(table).toMatch(/^✔ Allowed/m);
		expect(table.replace(/\s+/g, ' ')).toContain(`! The pasted AccessDenied message is about kms:Decrypt on ${otherKey}, while this question is about kms:Decrypt on ${keyArn}, so it was not applied: paste the AccessDenied message of this request, or ask about ${otherKey}.`);
	});

	for (const size of [
		{columns: 120, rows: 40},
		{columns: 80, rows: 24},
	]) {
		it(`${size.columns}×${size.rows}: the help lists the whole legend, from marks.ts, no entry cut`, async () => {
			const rendered = show(fixtureDiagnosis, uploadSnapshot, size);
			await rendered.waitFor(frame => frame.includes('Key policy'), 'the table');
			await rendered.press('?');
			const frame = await rendered.waitFor(frame => frame.includes('Keys'), 'the help');
			const flat = frame.replace(/\s+/g, ' ');
			for (const entry of legendEntries) expect(flat).toContain(`${entry.mark} ${entry.label}`);
			// The box's lines: none cut with `…`.
			expect(frame.split('\n').filter(line => line.startsWith('│') && line.includes('…'))).toEqual([]);
			expect(frame.replace(/\n+$/, '').split('\n').length).toBeLessThanOrEqual(size.rows);
		});
	}
});

describe('a guardrail Deny of an action needed only if the upload goes in parts, which is not known', () => {
	it('the result screen shows ? with the condition and the finding as ! with its words, never ✘', async () => {
		const scps = [[named('FullAWSAccess', policy(allow('*', '*'))), named('NoKmsDecrypt', policy(deny('kms:Decrypt', '*', {Sid: 'DenyDecrypt'})))]];
		const snapshot = without(buildSnapshot({organization: {serviceControlPolicies: scps}}), 'question.sizeBytes');
		const rendered = show(diagnose(snapshot), snapshot, {columns: 120, rows: 50});
		const frame = await rendered.waitFor(frame => frame.includes('Service control policies'), 'the table');
		const flat = frame.replace(/\s+/g, ' ');
		expect(frame).toMatch(/^\? /m);
		expect(flat).toContain('fails if it goes in parts, which is not known: the SCP "NoKmsDecrypt", attached to the root, Sid "DenyDecrypt" denies kms:Decrypt.');
		expect(flat).toContain('! The SCP "NoKmsDecrypt", attached to the root, Sid "DenyDecrypt" denies kms:Decrypt; this request needs kms:Decrypt only if it goes in parts, which is not known.');
		expect(frame).not.toMatch(/^✘ /m);
	});
});
