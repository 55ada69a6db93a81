import {describe, expect, it, vi} from 'vitest';
import {collectSnapshot, type CollectOptions} from '../../source/aws/collect.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import type {FakeService} from '../support/fake-aws/call.js';
import {answering, headersOnly, htmlPage, jsonAnswer, signInPage, xmlAnswer} from '../support/fake-aws/fault-answers.js';
import {collectedIn, notePaths, useFakeAws} from '../support/fake-aws/harness.js';
import {sameAccountFiles, sameAccountScenario} from '../support/fake-aws/scenarios.js';

const state = useFakeAws({scenario: sameAccountScenario, files: sameAccountFiles, checksS3Region: true});

const download = {operation: 'download', bucket: 'acme-uploads', objectKey: 'reports/2024/q1.csv'} as const;
// `org` (the management account) as the key profile: DescribeKey and ListGrants cross accounts, and it reads the organization.
const checked: Omit<CollectOptions, 'env'> = {question: download, profile: 'ci', keyProfile: 'org'};
const options = (extra: Partial<CollectOptions> = {}): CollectOptions => ({...checked, env: state.home.env, ...extra});

/** A collection that must succeed with a valid snapshot. */
const collect = (extra: Partial<Omit<CollectOptions, 'env'>> = {}): Promise<Snapshot> => collectedIn(state, {...checked, ...extra});

/** The snapshot without the given dotted paths (and without what always differs: notes and the time). */
const without = (snapshot: Snapshot, paths: readonly string[]): unknown => {
	const copy = structuredClone(snapshot) as Record<string, unknown>;
	delete copy['unread'];
	delete copy['metadata'];
	for (const path of paths) {
		const parts = path.split('.');
		let node: Record<string, unknown> | undefined = copy;
		for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
		if (node) delete node[parts[parts.length - 1]!];
	}
	return copy;
};

/**
 * For each read: the notes its failure adds, the permission the first one names, the fields that go missing, and the
 * boundary's ARN kept where GetRole named it but its document was not read.
 */
const consequences: Readonly<Record<string, {notes: readonly string[]; permission: string; missing: readonly string[]; boundaryArn?: string}>> = {
	'sts:GetCallerIdentity': {
		notes: ['principal', 'key.policy', 'organization.resourceControlPolicies', 'organization.serviceControlPolicies'],
		permission: "working credentials for the caller's profile",
		missing: ['principal', 'bucket.accountId', 'key.policy', 'organization'],
	},
	// S3 sends the bucket's Region even with a 403, so nothing is lost.
	's3:HeadBucket': {notes: [], permission: '', missing: []},
	's3:GetBucketPolicy': {notes: ['bucket.policy', 'organization.resourceControlPolicies'], permission: 's3:GetBucketPolicy on arn:aws:s3:::acme-uploads', missing: ['bucket.policy', 'bucket.accountId', 'organization.resourceControlPolicies']},
	's3:GetBucketEncryption': {notes: ['bucket.defaultEncryption'], permission: 's3:GetEncryptionConfiguration on arn:aws:s3:::acme-uploads', missing: ['bucket.defaultEncryption']},
	// Object Ownership unread, the object's owner is read from the ACLs instead (Bucket owner enforced makes it the bucket's).
	's3:GetBucketOwnershipControls': {
		notes: ['bucket.objectOwnership'],
		permission: 's3:GetBucketOwnershipControls on arn:aws:s3:::acme-uploads',
		missing: ['bucket.objectOwnership', 'object.ownerAccountId', 'object.ownedByBucketOwner'],
	},
	's3:HeadObject': {notes: ['object'], permission: 's3:GetObject on arn:aws:s3:::acme-uploads/reports/2024/q1.csv', missing: ['object', 'key', 'question.kmsKeyId']},
	'iam:GetRole': {notes: ['principal.permissionsBoundary'], permission: 'iam:GetRole on arn:aws:iam::111122223333:role/uploader', missing: ['principal.permissionsBoundary', 'principal.tags', 'principal.roleArn']},
	'iam:ListRolePolicies': {notes: ['principal.identityPolicies'], permission: 'iam:ListRolePolicies on arn:aws:iam::111122223333:role/service/uploader', missing: ['principal.identityPolicies']},
	'iam:GetRolePolicy': {notes: ['principal.identityPolicies'], permission: 'iam:GetRolePolicy on arn:aws:iam::111122223333:role/service/uploader', missing: ['principal.identityPolicies']},
	'iam:ListAttachedRolePolicies': {notes: ['principal.identityPolicies'], permission: 'iam:ListAttachedRolePolicies on arn:aws:iam::111122223333:role/service/uploader', missing: ['principal.identityPolicies']},
	// The boundary is a managed policy too: both fields depend on the same two reads. GetRole named it: its ARN is kept.
	'iam:GetPolicy': {
		notes: ['principal.identityPolicies', 'principal.permissionsBoundary'],
		permission: 'iam:GetPolicy on arn:aws:iam::111122223333:policy/kms-use',
		missing: ['principal.identityPolicies', 'principal.permissionsBoundary'],
		boundaryArn: 'arn:aws:iam::111122223333:policy/boundary',
	},
	'iam:GetPolicyVersion': {
		notes: ['principal.identityPolicies', 'principal.permissionsBoundary'],
		permission: 'iam:GetPolicyVersion on arn:aws:iam::111122223333:policy/kms-use',
		missing: ['principal.identityPolicies', 'principal.permissionsBoundary'],
		boundaryArn: 'arn:aws:iam::111122223333:policy/boundary',
	},
	'kms:DescribeKey': {notes: ['key.keyState'], permission: 'kms:DescribeKey on arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', missing: ['key.keyManager', 'key.keyState', 'key.keySpec', 'key.keyUsage', 'key.multiRegion']},
	'kms:GetKeyPolicy': {notes: ['key.policy'], permission: 'kms:GetKeyPolicy on arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', missing: ['key.policy']},
	// Aliases only name the key: a denied kms:ListAliases costs no fact and no note.
	'kms:ListAliases': {notes: [], permission: '', missing: []},
	'kms:ListGrants': {notes: ['key.grants'], permission: 'kms:ListGrants on arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', missing: ['key.grants']},
	'organizations:DescribeOrganization': {notes: ['organization'], permission: 'organizations:DescribeOrganization', missing: ['principal.organizationId', 'organization']},
	'organizations:ListParents': {notes: ['organization'], permission: 'organizations:ListParents on 111122223333, from the management account or a delegated administrator', missing: ['organization']},
	'organizations:ListPoliciesForTarget': {notes: ['organization'], permission: 'organizations:ListPoliciesForTarget on 111122223333, from the management account or a delegated administrator', missing: ['organization']},
	'organizations:DescribePolicy': {notes: ['organization'], permission: 'organizations:DescribePolicy, from the management account or a delegated administrator', missing: ['organization']},
};

describe('faults during live collection', () => {
	it('turns each read that fails, one at a time, into its note and still collects everything else', async () => {
		const baseline = await collect();
		expect(notePaths(baseline)).toEqual(['principal.sessionPolicy']);
		const operations = [...new Set(state.fake.calls.map(call => `${call.service}:${call.operation}`))].sort();
		// Every read the collector makes is in the table: a new read cannot slip in untested.
		expect(operations).toEqual(Object.keys(consequences).sort());
		for (const operation of operations) {
			const [service, name] = operation.split(':') as [FakeService, string];
			state.fake.clearFaults();
			state.fake.addFault({service, operation: name, kind: 'denied'});
			const snapshot = await collect();
			const expected = consequences[operation]!;
			const added = (snapshot.unread ?? []).filter(note => !baseline.unread!.some(old => old.path === note.path && old.reason === note.reason));
			expect(added.map(note => note.path), operation).toEqual(expected.notes);
			if (expected.notes.length > 0) expect(added[0]!.resolveWith, operation).toMatch(new RegExp(`^${expected.permission.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
			for (const note of added) expect(note.reason, operation).not.toMatch(/\n|at \w+ \(/);
			expect(snapshot.principal?.permissionsBoundaryArn, operation).toBe(expected.boundaryArn);
			expect(without(snapshot, [...expected.missing, 'principal.permissionsBoundaryArn']), operation).toEqual(without(baseline, expected.missing));
		}
	});

	it('takes NoSuchBucketPolicy to mean "no policy" and a 405 to mean "another account"', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketPolicy', kind: 'error', error: {status: 404, code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist'}, times: 1});
		const none = await collect();
		expect(none.bucket).toMatchObject({policy: null, accountId: '111122223333'});
		expect(notePaths(none)).toEqual(['principal.sessionPolicy']);
		state.fake.addFault({service: 's3', operation: 'GetBucketPolicy', kind: 'method-not-allowed'});
		const other = await collect();
		expect(other.bucket).not.toHaveProperty('policy');
		expect(other.bucket).not.toHaveProperty('accountId');
		expect(other.unread?.find(note => note.path === 'bucket.policy')?.resolveWith).toBe(
			"s3:GetBucketPolicy on arn:aws:s3:::acme-uploads, with a profile of the bucket's account (--bucket-profile)",
		);
	});

	it('takes a 200 that is not S3\'s answer (a proxy\'s HTML page) for an unread default encryption, not for "none"', async () => {
		state.fake.addFault(answering('s3', 'GetBucketEncryption', signInPage));
		const snapshot = await collect();
		expect(snapshot.bucket).not.toHaveProperty('defaultEncryption');
		expect(snapshot.unread).toContainEqual({
			path: 'bucket.defaultEncryption',
			reason: 's3:GetBucketEncryption: the answer holds no encryption rule, though every bucket has one',
			resolveWith: 's3:GetEncryptionConfiguration on arn:aws:s3:::acme-uploads',
		});
	});

	it('does the same for Object Ownership: a 200 without a rule leaves it unknown, and the object\'s owner is read from the ACLs', async () => {
		state.fake.addFault(answering('s3', 'GetBucketOwnershipControls', signInPage));
		const snapshot = await collect();
		expect(snapshot.bucket).not.toHaveProperty('objectOwnership');
		expect(snapshot.unread).toContainEqual({
			path: 'bucket.objectOwnership',
			reason: 's3:GetBucketOwnershipControls: the answer holds no Object Ownership rule',
			resolveWith: 's3:GetBucketOwnershipControls on arn:aws:s3:::acme-uploads',
		});
		// Not known to be BucketOwnerEnforced, the ACLs say who owns the object.
		expect(state.fake.calls.some(call => call.operation === 'GetObjectAcl')).toBe(true);
	});

	it('says an answer that is not AWS\'s XML or JSON came from something else, and what to check, never quoting its body', async () => {
		state.fake.addFault(answering('kms', 'GetKeyPolicy', htmlPage('<html><body>\u001b[31mProxy login required</body></html>')));
		state.fake.addFault(answering('s3', 'GetBucketEncryption', xmlAnswer('not XML at all {', 'application/xml')));
		state.fake.addFault(answering('iam', 'GetRole', htmlPage('<html><body>Bad gateway</body></html>', 502)));
		state.fake.addFault(answering('kms', 'ListGrants', htmlPage('<html><body>Gateway timeout</body></html>', 504)));
		const snapshot = await collect();
		const reasons = Object.fromEntries((snapshot.unread ?? []).map(note => [note.path, note.reason]));
		const notAws = "its answer is not AWS's (HTTP 200, its body could not be parsed): something else answered — check the endpoint it was sent to (AWS_ENDPOINT_URL, or endpoint_url in the profile) and any proxy (HTTPS_PROXY)";
		expect(reasons['key.policy']).toBe(`kms:GetKeyPolicy: ${notAws}`);
		expect(reasons['bucket.defaultEncryption']).toBe(`s3:GetBucketEncryption: ${notAws}`);
		expect(reasons['principal.permissionsBoundary']).toBe("iam:GetRole: AWS failed (BadGateway, HTTP 502) after 3 attempts — run the check again in a minute (the role's tags are unknown too)");
		// A gateway's 5xx page is a passing fault (JSON services too, whose parser fails on it), worded as one.
		expect(reasons['key.grants']).toBe('kms:ListGrants: AWS failed (GatewayTimeout, HTTP 504) after 3 attempts — run the check again in a minute');
		expect(state.fake.calls.filter(call => call.operation === 'ListGrants')).toHaveLength(3);
		expect(JSON.stringify(snapshot.unread)).not.toMatch(/Proxy login|XML at all|Gateway timeout/);
	});

	it('stops with one line when sts:GetCallerIdentity is answered by something that is not AWS (a proxy\'s sign-in page)', async () => {
		state.fake.addFault(answering('sts', 'GetCallerIdentity', htmlPage('<html><body>Sign in</body></html>')));
		const result = await collectSnapshot(options({keyProfile: undefined}));
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'unreachable',
			message:
				"profile ci: AWS cannot be reached (its answer is not AWS's: a GetCallerIdentity answer without the caller's ARN or account) — check the endpoint it was sent to (AWS_ENDPOINT_URL, or endpoint_url in the profile) and any proxy (HTTPS_PROXY)",
		});
		expect(state.fake.calls.map(call => call.operation)).toEqual(['GetCallerIdentity']);
	});

	it("takes no caller whose Account is not an account ID, as import does not: the one-line stop says which field", async () => {
		const body =
			'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/ci</Arn>' +
			'<UserId>AIDAEXAMPLECI</UserId><Account>1111-2222-3333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
		state.fake.addFault(answering('sts', 'GetCallerIdentity', xmlAnswer(body)));
		const result = await collectSnapshot(options({keyProfile: undefined}));
		expect(result.ok ? undefined : result.error.message).toMatch(/a GetCallerIdentity answer that is not STS's: the answer's Account is not a 12-digit account ID/);
	});

	// A header cannot carry a control character on the wire (Node refuses to send one): the unit test of regionOfHeader has \u001b.
	it.each([
		['not a region', 200],
		['not a region', 403],
		['eu-west-1"><img src=x>', 200],
	])("takes no x-amz-bucket-region header that is not a Region name (%j, HTTP %i): the Region is unread, with why, and the snapshot stays valid", async (header, status) => {
		state.fake.addFault(answering('s3', 'HeadBucket', headersOnly(status, {'x-amz-bucket-region': header})));
		const snapshot = await collect();
		expect(state.fake.calls.some(call => call.operation === 'HeadBucket')).toBe(true);
		expect(snapshot.bucket).not.toHaveProperty('region');
		expect(snapshot.unread).toContainEqual({
			path: 'bucket.region',
			reason: "s3:HeadBucket: the answer's x-amz-bucket-region header is not a Region name such as eu-west-1",
			resolveWith: 's3:ListBucket on arn:aws:s3:::acme-uploads',
		});
		// Never repeated: not in the snapshot, its notes, nor the Region of a call or fix.
		expect(JSON.stringify(snapshot)).not.toContain(header);
	});

	it("takes no DescribeKey Arn that is not a key ARN: the key's state is unread, with why, and the snapshot stays valid", async () => {
		const key = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
		const metadata = {Arn: 'arn:aws:kms:eu-west-1:111122223333:alias/uploads', KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', KeyState: 'Enabled'};
		state.fake.addFault(answering('kms', 'DescribeKey', jsonAnswer({KeyMetadata: metadata})));
		const snapshot = await collect();
		expect(snapshot.key?.arn).toBe(key);
		expect(snapshot.key).not.toHaveProperty('keyState');
		expect(snapshot.unread).toContainEqual({
			path: 'key.keyState',
			reason: "kms:DescribeKey: the answer's KeyMetadata.Arn is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID) (the key's state, manager and spec are unknown)",
			resolveWith: `kms:DescribeKey on ${key}`,
		});
	});

	it('takes an IAM list answer without its list (an empty 200) for unread policies, never for "none attached"', async () => {
		state.fake.addFault(answering('iam', 'ListAttachedRolePolicies', xmlAnswer('')));
		const snapshot = await collect();
		expect(snapshot.principal).not.toHaveProperty('identityPolicies');
		expect(snapshot.unread).toContainEqual({
			path: 'principal.identityPolicies',
			reason: 'iam:ListAttachedRolePolicies: failed (IncompleteAnswer): the answer holds no AttachedPolicies list, though IAM sends an empty one when there are none',
			resolveWith: 'iam:ListAttachedRolePolicies on arn:aws:iam::111122223333:role/service/uploader',
		});
	});

	it('retries throttling and a 500 and gets the answer', async () => {
		state.fake.addFault({service: 'kms', operation: 'GetKeyPolicy', kind: 'throttle', times: 2});
		state.fake.addFault({service: 'iam', operation: 'GetRole', kind: 'server-error', times: 1});
		const snapshot = await collect();
		expect(notePaths(snapshot)).toEqual(['principal.sessionPolicy']);
		expect(snapshot.key?.policy).toBeDefined();
		expect(state.fake.calls.filter(call => call.operation === 'GetKeyPolicy').map(call => call.status)).toEqual([400, 400, 200]);
		expect(state.fake.calls.filter(call => call.operation === 'GetRole').map(call => call.status)).toEqual([500, 200]);
	});

	it('gives up on endless throttling after a bounded number of attempts, and says so', async () => {
		state.fake.addFault({service: 'kms', operation: 'ListGrants', kind: 'throttle'});
		const snapshot = await collect();
		expect(snapshot.unread).toContainEqual({
			path: 'key.grants',
			// KMS: "The ThrottlingException error code indicates that the rate of API requests to AWS KMS exceeds the request quotas for your AWS account."
			reason: 'kms:ListGrants: throttled by AWS (ThrottlingException) after 3 attempts — run the check again in a minute',
			resolveWith: 'kms:ListGrants on arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		});
		expect(state.fake.calls.filter(call => call.operation === 'ListGrants')).toHaveLength(3);
	});

	it('stops following a list whose NextMarker repeats, and leaves the grants unknown with the read that settles them', async () => {
		// An endpoint that answers every ListGrants page with the same marker: the list never ends.
		state.fake.addFault(answering('kms', 'ListGrants', jsonAnswer({Grants: [], Truncated: true, NextMarker: 'again'})));
		const snapshot = await collect();
		expect(snapshot.key).not.toHaveProperty('grants');
		expect(snapshot.unread).toContainEqual({
			path: 'key.grants',
			reason: "kms:ListGrants: failed (RepeatedMarker): page 2 gave as the next page's marker one already followed (the list would loop), so it was not read to its end",
			resolveWith: 'kms:ListGrants on arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		});
		expect(state.fake.calls.filter(call => call.operation === 'ListGrants')).toHaveLength(2);
	});

	it('does the same for an organization\'s policies: a NextToken loop leaves the SCPs and RCPs unknown, never "none attached"', async () => {
		state.fake.addFault(answering('organizations', 'ListPoliciesForTarget', jsonAnswer({Policies: [], NextToken: 'again'})));
		const snapshot = await collect();
		expect(snapshot).not.toHaveProperty('organization');
		expect(snapshot.unread?.find(note => note.path === 'organization')?.reason).toBe(
			"failed (RepeatedMarker): page 2 gave as the next page's marker one already followed (the list would loop), so it was not read to its end (the SCPs and RCPs that apply are unknown)",
		);
	});

	it('takes a KMS or Organizations list answer without its list for unread, never for "none": no grants, no aliases, no SCPs', async () => {
		// A 200 whose JSON lacks the list says nothing of what is there: read as none, a Deny on kms:ResourceAliases or in an SCP would vanish.
		const empty = jsonAnswer({});
		state.fake.addFault(answering('kms', 'ListGrants', empty));
		state.fake.addFault(answering('kms', 'ListAliases', empty));
		state.fake.addFault(answering('organizations', 'ListPoliciesForTarget', empty));
		const snapshot = await collect();
		// Not a complete list, so kms:ResourceAliases stays unknown (with nothing named, there is no partial list to note).
		expect(snapshot.key).not.toHaveProperty('aliases');
		expect(snapshot.key).not.toHaveProperty('grants');
		expect(snapshot).not.toHaveProperty('organization');
		const reasons = Object.fromEntries((snapshot.unread ?? []).map(note => [note.path, note.reason]));
		expect(reasons['key.grants']).toBe('kms:ListGrants: failed (IncompleteAnswer): the answer holds no Grants list, so it does not say which grants the key has');
		expect(reasons['organization']).toMatch(/the answer holds no Policies list, so it does not say which policies are attached/);
	});

	it('leaves the SCPs and RCPs unknown when organizations:ListParents never reaches the root, instead of reading the levels below it as all of them', async () => {
		// Every ListParents answers the same OU, so the OU is its own parent: the walk would go round without end.
		// (AWS: "For service control policies, the limit is five" levels of nested OUs, so the root is always near.)
		state.fake.addFault(answering('organizations', 'ListParents', jsonAnswer({Parents: [{Id: 'ou-ab12-11111111', Type: 'ORGANIZATIONAL_UNIT'}]})));
		const snapshot = await collect();
		expect(snapshot).not.toHaveProperty('organization');
		expect(snapshot.unread?.find(note => note.path === 'organization')).toEqual({
			path: 'organization',
			reason:
				"failed (NoRoot): organizations:ListParents did not lead to the organization's root within 10 levels: a parent came back, or the tree goes deeper than OUs can nest (the SCPs and RCPs that apply are unknown)",
			resolveWith: 'organizations:ListParents on ou-ab12-11111111, from the management account or a delegated administrator',
		});
	});

	it('survives a dropped connection by retrying it', async () => {
		state.fake.addFault({service: 's3', operation: 'HeadObject', kind: 'reset', times: 1});
		const snapshot = await collect();
		expect(snapshot.object?.encryption?.algorithm).toBe('aws:kms');
		expect(state.fake.calls.filter(call => call.operation === 'HeadObject')).toHaveLength(2);
	});

	it('gives up on a call that never answers after the per-call timeout, and collects the rest', async () => {
		state.fake.addFault({service: 's3', operation: 'GetBucketEncryption', kind: 'hang'});
		// A call timeout a busy machine's answers still come within; the deadline well within the test's time: a call not
		// given up at its own timeout would end there, with another reason.
		const snapshot = await collect({callTimeoutMs: 2000, deadlineMs: 15_000});
		expect(snapshot.unread).toContainEqual({
			path: 'bucket.defaultEncryption',
			reason: 's3:GetBucketEncryption: no answer within 2 s',
			resolveWith: 's3:GetEncryptionConfiguration on arn:aws:s3:::acme-uploads',
		});
		expect(snapshot.key?.policy).toBeDefined();
		// Given up, not left open: the client closed its connection.
		const hung = state.fake.calls.filter(call => call.operation === 'GetBucketEncryption');
		expect(hung.length).toBeGreaterThan(0);
		await vi.waitFor(() => expect(hung.filter(call => call.abandonedAt === undefined)).toEqual([]), {timeout: 10_000});
	});

	it('stops at the deadline with what it has, saying what was not read in time', async () => {
		// The role's policy lists never answer, and the call timeout is past the deadline: only the deadline can end them.
		// Everything else answers at once, so the deadline leaves a busy machine room to read it.
		state.fake.addFault({service: 'iam', operation: 'ListRolePolicies', kind: 'hang'});
		state.fake.addFault({service: 'iam', operation: 'ListAttachedRolePolicies', kind: 'hang'});
		const snapshot = await collect({deadlineMs: 3000, callTimeoutMs: 15_000});
		// What did not depend on the hung calls was read; what did ran out of time.
		expect(snapshot.bucket?.region).toBe('eu-west-1');
		expect(snapshot.key?.policy).toBeDefined();
		expect(snapshot.principal).not.toHaveProperty('identityPolicies');
		// The two lists are read together: their notes come in either order.
		expect(snapshot.unread?.filter(note => note.path === 'principal.identityPolicies').map(note => note.reason).sort()).toEqual([
			// The deadline the user set, not what was left of it once the profiles were opened.
			'iam:ListAttachedRolePolicies: not read before the 3 s deadline',
			'iam:ListRolePolicies: not read before the 3 s deadline',
		]);
		const hung = state.fake.calls.filter(call => call.fault === 'hang');
		expect(hung.length).toBeGreaterThan(0);
		await vi.waitFor(() => expect(hung.filter(call => call.abandonedAt === undefined)).toEqual([]), {timeout: 10_000});
	});

	it('returns `cancelled` when the signal aborts, without waiting for the call in flight', async () => {
		// Every call hangs, and neither the call timeout nor the deadline comes within the test's time: only the abort can end it.
		state.fake.addFault({kind: 'hang'});
		const controller = new AbortController();
		const collecting = collectSnapshot(options({signal: controller.signal, callTimeoutMs: 60_000, deadlineMs: 60_000}));
		await vi.waitFor(() => expect(state.fake.calls.length).toBeGreaterThan(0), {timeout: 10_000});
		controller.abort();
		expect(await collecting).toEqual({ok: false, error: {kind: 'cancelled', message: 'collection cancelled'}});
		await vi.waitFor(() => expect(state.fake.calls.filter(call => call.abandonedAt === undefined)).toEqual([]), {timeout: 10_000});
	});

	it('says once that AWS rejected the keys, before any other read', async () => {
		const result = await collectSnapshot({...options(), env: {...state.home.env, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000', AWS_SECRET_ACCESS_KEY: 'nope'}, profile: undefined, keyProfile: undefined});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'unreachable',
			message: 'the default credentials: AWS cannot be reached (the credentials were rejected, InvalidClientTokenId) — refresh the credentials, or name a profile with --profile',
		});
		expect(state.fake.calls.map(call => call.operation)).toEqual(['GetCallerIdentity']);
	});

	it('stops with one line when the endpoint refuses connections, reading nothing else and reporting no progress', async () => {
		const progress: string[] = [];
		const result = await collectSnapshot({...options(), env: {...state.home.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9'}, callTimeoutMs: 2000, onProgress: event => progress.push(event.label)});
		expect(result.ok ? undefined : result.error).toEqual({
			kind: 'unreachable',
			message: 'profile ci: AWS cannot be reached (connection refused, ECONNREFUSED) — check the network connection and any proxy (HTTPS_PROXY), then try again',
		});
		expect(progress).toEqual([]);
	});
});
