import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {testedTagKeys} from '../../source/diagnosis/principal-tags.js';
import {renderText} from '../../source/report/render-text.js';
import {validateSnapshotSchema} from '../../source/snapshot/snapshot-schema.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, buildSnapshot, named, objectArn, policy, sessionArn, userArn, without} from './support/build-snapshot.js';

/**
 * aws:PrincipalTag as the request carries it. IAM User Guide, "Passing session tags in AWS STS": "New session tags
 * override existing assumed role or federated user tags with the same tag key, regardless of case." A session's tags
 * cannot be read from AWS, so the role's tags read are not the session's principal tags; an IAM user's tags read are
 * all it has, so a key it does not hold is absent.
 */

// The caller's only identity policy allows the upload where its team tag says data.
const byTeam = named('TeamData', policy(allow(['s3:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'], '*', {Sid: 'TeamData', Condition: {StringEquals: {'aws:PrincipalTag/team': 'data'}}})));
const snapshotOf = (principal: Partial<NonNullable<Snapshot['principal']>>): Snapshot => {
	const snapshot = buildSnapshot({principal: {identityPolicies: [byTeam], ...principal}});
	expect(validateSnapshotSchema(snapshot), JSON.stringify(validateSnapshotSchema.errors)).toBe(true);
	return snapshot;
};
const identityRow = (snapshot: Snapshot) => diagnose(snapshot).requirements.find(row => row.place === 'identity-policy' && row.action === 's3:PutObject');

describe('a session whose role tags were read', () => {
	it('is not allowed on its role tag alone: a session tag passed when it was created may override it (? unknown, never ✔)', () => {
		const snapshot = snapshotOf({arn: sessionArn, tags: {team: 'data'}});
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.verdict).toBe('unknown');
		expect(identityRow(snapshot)?.status).toBe('unknown');
		const note = diagnosis.unknowns.find(entry => entry.what.includes('aws:PrincipalTag/team'));
		expect(note?.resolveWith).toContain("the session's tags, which AWS cannot read back: the CloudTrail event of the call that created the session");
		expect(note?.resolveWith).toContain('principal.sessionTags');
		expect(renderText(diagnosis, {color: false, width: 300})).not.toMatch(/^✔ ALLOWED/);
	});

	it('with the session tags given: a session tag overrides the role tag of the same key, whatever its case', () => {
		expect(identityRow(snapshotOf({arn: sessionArn, tags: {team: 'data'}, sessionTags: {TEAM: 'ops'}}))?.status).toBe('missing');
		expect(identityRow(snapshotOf({arn: sessionArn, tags: {team: 'ops'}, sessionTags: {Team: 'data'}}))?.status).toBe('ok');
	});

	it('given none passed (null): the role tag read is the principal tag, and a key neither holds is absent', () => {
		expect(identityRow(snapshotOf({arn: sessionArn, tags: {team: 'data'}, sessionTags: null}))?.status).toBe('ok');
		expect(identityRow(snapshotOf({arn: sessionArn, tags: {}, sessionTags: null}))?.status).toBe('missing');
		expect(diagnose(snapshotOf({arn: sessionArn, tags: {}, sessionTags: null})).verdict).toBe('denied');
	});

	it('session tags given, the role tags not read: a key the session does not hold waits for the role tags', () => {
		const snapshot = without(snapshotOf({arn: sessionArn, sessionTags: {project: 'x'}}), 'principal.tags');
		expect(identityRow(snapshot)?.status).toBe('unknown');
		expect(diagnose(snapshot).unknowns.find(entry => entry.what.includes('aws:PrincipalTag/team'))?.resolveWith).toBe("the tags of the session's role (iam:ListRoleTags on role Uploader)");
	});
});

describe('an IAM user whose tags were read', () => {
	it('a key it does not hold is absent: the Allow on its tag does not apply (✘), not unknown', () => {
		const snapshot = snapshotOf({arn: userArn, tags: {owner: 'jane'}});
		expect(identityRow(snapshot)?.status).toBe('missing');
		expect(diagnose(snapshot).unknowns.some(entry => entry.what.includes('PrincipalTag'))).toBe(false);
	});

	it('its tag, in any case, is the value', () => {
		expect(identityRow(snapshotOf({arn: userArn, tags: {Team: 'data'}}))?.status).toBe('ok');
	});

	it('its tags not read: unknown, as before', () => {
		const snapshot = without(snapshotOf({arn: userArn}), 'principal.tags');
		expect(identityRow(snapshot)?.status).toBe('unknown');
	});
});

describe('the keys a snapshot tests', () => {
	it('condition keys and ${…} variables, in any policy, once each; never the request context', () => {
		const snapshot = buildSnapshot({
			principal: {identityPolicies: [byTeam]},
			bucket: {policy: policy(allow('s3:GetObject', `${objectArn.split('/')[0]}/\${aws:PrincipalTag/Project}/*`))},
			requestContext: {'aws:PrincipalTag/ignored': 'x'},
		});
		expect(testedTagKeys(snapshot)).toEqual(['aws:PrincipalTag/team', 'aws:PrincipalTag/Project']);
	});
});
