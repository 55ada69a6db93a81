import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import type {Diagnosis} from '../../source/diagnosis/diagnosis.js';
import {renderText} from '../../source/report/render-text.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {account, allow, bucket, buildSnapshot, customerKey, deny, enableIam, keyArn, policy, roleArn, sameAccountDownload} from './support/build-snapshot.js';
import {applyFix, decisions, expectFixesHold, requirementOf} from './support/fix-checks.js';

/*
 * IAM User Guide, aws:SourceAccount (and aws:SourceArn, aws:SourceOrgID, aws:SourceOrgPaths alike): "Availability – This
 * key is included in the request context only when the call to your resource is being made directly by an AWS service
 * principal on behalf of a resource for which the configuration triggered the service-to-service request." A user, role
 * or session's own request to S3 carries none of them; a negated operator counts a missing key as a match ("If the key
 * that you specify in a policy condition is not present in the request context, the values do not match").
 */

const objects = `arn:aws:s3:::${bucket}/*`;
const confusedDeputy = (key = 'aws:SourceAccount', operator = 'StringNotEquals', value = account) =>
	deny('s3:PutObject', objects, {Sid: 'ConfusedDeputy', Principal: '*', Condition: {[operator]: {[key]: value}}});
const upload = (statement = confusedDeputy(), overrides: Parameters<typeof buildSnapshot>[0] = {}): Snapshot =>
	buildSnapshot({...overrides, bucket: {policy: policy(statement)}});
const text = (diagnosis: Diagnosis): string => renderText(diagnosis, {color: false, width: 300});

describe("the keys only a service principal's request carries, on the caller's own request to S3", () => {
	it('are absent: a confused-deputy Deny without IfExists denies the upload (⛔), not "?"', () => {
		const diagnosis = diagnose(upload());
		expect(diagnosis.verdict).toBe('denied');
		expect(requirementOf(diagnosis, 's3:PutObject@destination', 'bucket-policy').status).toBe('denied');
		expect(diagnosis.unknowns.map(note => note.what)).not.toContain("the request's aws:SourceAccount");
		expect(text(diagnosis)).toContain('aws:SourceAccount is not in the request');
	});

	it.each(['aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'])('%s is absent too', key => {
		expect(diagnose(upload(confusedDeputy(key, key === 'aws:SourceArn' ? 'ArnNotLike' : 'StringNotEquals', key === 'aws:SourceArn' ? 'arn:aws:s3:::*' : 'o-a1b2c3d4e5'))).verdict).toBe('denied');
	});

	it('an Allow that requires aws:SourceAccount does not allow the caller: ✘, with the key absent', () => {
		const snapshot = buildSnapshot({
			question: {operation: 'upload'},
			principal: {identityPolicies: []},
			bucket: {policy: policy(allow('s3:PutObject', objects, {Principal: {AWS: roleArn}, Condition: {StringEquals: {'aws:SourceAccount': account}}}))},
		});
		expect(requirementOf(diagnose(snapshot), 's3:PutObject@destination', 'bucket-policy').status).toBe('missing');
	});

	it('a value the snapshot gives in requestContext wins, in any case', () => {
		expect(diagnose(upload(confusedDeputy(), {requestContext: {'aws:SourceAccount': account}})).verdict).toBe('allowed');
		expect(diagnose(upload(confusedDeputy(), {requestContext: {'aws:sourceaccount': account}})).verdict).toBe('allowed');
	});

	it("stay unknown on S3's request to AWS KMS, which AWS does not document for a forward access session", () => {
		const key = customerKey(keyArn, policy(enableIam(), deny('kms:Decrypt', '*', {Principal: '*', Condition: {StringNotEquals: {'aws:SourceAccount': account}}})));
		const diagnosis = diagnose(sameAccountDownload({key}));
		expect(decisions(diagnosis)['kms:Decrypt@destination']).toBe('unknown');
		expect(diagnosis.actions.find(action => action.id === 'kms:Decrypt@destination')!.context).not.toHaveProperty('aws:SourceAccount');
	});

	it('stay unknown where an AWS service not named may make the request', () => {
		const snapshot = upload(confusedDeputy(), {question: {operation: 'service-write'}});
		expect(decisions(diagnose(snapshot))['s3:PutObject@destination']).toBe('unknown');
	});
});

describe('the fix for a confused-deputy Deny that catches the caller', () => {
	it('comes first and adds "Null": {"aws:SourceAccount": "false"}, keeping the test for requests that carry the key, proven', () => {
		const snapshot = upload();
		const diagnosis = diagnose(snapshot);
		const [first] = diagnosis.fixes;
		expect(first?.kind).toBe('correct-condition');
		expect(first?.statement).toEqual({...confusedDeputy(), Condition: {StringNotEquals: {'aws:SourceAccount': account}, Null: {'aws:SourceAccount': 'false'}}});
		expect(first?.summary).toContain('only when the call to your resource is being made directly by an AWS service principal');
		// It says what it gives up: the Deny no longer stops users, roles and sessions themselves.
		expect(first?.weakens).toContain('no longer denies requests without aws:SourceAccount');
		expectFixesHold(snapshot, diagnosis);
		// A service principal's request naming another account is still denied with the fix applied.
		const fixed = applyFix(snapshot, first!);
		expect(diagnose({...fixed, requestContext: {'aws:SourceAccount': '999988887777'}}).verdict).toBe('denied');
	});

	it('the narrowed Deny, which exempts the caller alone, stays the last resort after it', () => {
		const kinds = diagnose(upload()).fixes.map(fix => fix.kind);
		expect(kinds.indexOf('correct-condition')).toBeLessThan(kinds.indexOf('narrow-deny'));
	});

	it('is not offered where the Deny already tests whether the key is there', () => {
		const statement = deny('s3:PutObject', objects, {Sid: 'ConfusedDeputy', Principal: '*', Condition: {StringNotEquals: {'aws:SourceAccount': account}, Null: {'aws:SourceAccount': 'true'}}});
		expect(diagnose(upload(statement)).fixes.map(fix => fix.kind)).not.toContain('correct-condition');
	});
});
