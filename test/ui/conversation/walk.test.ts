import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import {renderMarkdown} from '../../../source/report/render-markdown.js';
import type {PolicyJson, Snapshot} from '../../../source/snapshot/snapshot.js';
import {err, ok} from '../../../source/shared/result.js';
import type {Collection, FlowEnv, Walk} from '../../../source/ui/conversation/flow-types.js';
import type {QuestionId} from '../../../source/ui/conversation/question.js';
import {explainMultipart} from '../../../source/ui/conversation/upload-tools.js';
import {previousQuestionId, walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {loadExample} from '../helpers/fake-services.js';
import {flowEnv, reachable} from '../helpers/flow-env.js';
import {manualKeyArn, manualUpload} from '../helpers/manual-upload.js';

const env = (overrides: Partial<FlowEnv> = {}): FlowEnv =>
	flowEnv({
		profiles: [
			{name: 'dev', region: 'eu-west-1'},
			{name: 'storage', region: 'eu-west-1'},
		],
		reaches: reachable('dev', 'storage'),
		...overrides,
	});

const asked = (result: Walk): string => (result.next.kind === 'ask' ? result.next.question.id : `(${result.next.kind})`);
const answeredIds = (result: Walk): string[] => result.steps.flatMap(step => (step.kind === 'answer' ? [step.question.id] : []));

const keyArn = manualKeyArn;
const policy = (statement: object): string => JSON.stringify({Version: '2012-10-17', Statement: [statement]});


describe('the conversation', () => {
	it('waits for the profiles and settings before the first question', () => {
		expect(walk({}, env({profiles: undefined})).next).toEqual({kind: 'wait', wait: {kind: 'start-up'}});
		const first = walk({}, env());
		expect(asked(first)).toBe('start');
		expect(first.next.kind === 'ask' && first.next.question.kind === 'choice' && first.next.question.options.map(option => option.value)).toEqual([
			'profile:dev',
			'profile:storage',
			'manual',
			'error',
			'file',
			'example',
		]);
	});

	it('asks the first question while the profiles are on their way, and waits for them to replay a profile', () => {
		const loading = walk({}, env({profiles: undefined, profilesLoading: true}));
		expect(loading.next.kind === 'ask' && loading.next.question).toMatchObject({id: 'start', prompt: 'How shall we look at the failing request?', loading: 'reading profiles…'});
		expect(loading.next.kind === 'ask' && loading.next.question.kind === 'choice' && loading.next.question.options.map(option => option.value)).toEqual(['manual', 'error', 'file', 'example']);
		expect(asked(walk({start: 'manual'}, env({profiles: undefined, profilesLoading: true})))).toBe('operation');
		expect(walk({start: 'profile:dev', operation: 'upload'}, env({profiles: undefined, profilesLoading: true})).next).toEqual({kind: 'wait', wait: {kind: 'start-up'}});
		expect(walk({}, env({profilesLoading: true, settings: undefined})).next).toEqual({kind: 'wait', wait: {kind: 'start-up'}});
	});

	it('asks the pasted-policy path in order and builds a snapshot from the answers', () => {
		const order: string[] = [];
		const answers: Record<string, string> = {};
		for (;;) {
			const result = walk(answers, env());
			if (result.next.kind !== 'ask') break;
			const id = result.next.question.id;
			order.push(id);
			if (manualUpload[id] === undefined) throw new Error(`asked ${id}, which the test does not answer (order so far: ${order.join(', ')})`);
			answers[id] = manualUpload[id]!;
		}
		expect(order).toEqual(Object.keys(manualUpload));
		const done = walk(answers, env()).next;
		expect(done.kind).toBe('done');
		if (done.kind !== 'done') return;
		const {snapshot} = done.ending;
		expect(snapshot.question).toEqual({operation: 'upload', bucket: 'reports-bucket', objectKey: 'exports/big.csv', sizeBytes: 200_000_000, tool: 'aws-cli', kmsKeyId: keyArn});
		expect(snapshot.key?.policy).toEqual(JSON.parse(manualUpload['key-policy']!));
		expect(snapshot.bucket).toMatchObject({accountId: '111122223333', region: 'eu-west-1', policy: null});
		expect(snapshot.principal).toMatchObject({permissionsBoundary: null, sessionPolicy: null});
		expect(snapshot.principal?.identityPolicies).toHaveLength(1);
	});

	it('pastes a session policy for a role session, and SCPs each at its own level', () => {
		const session = 'arn:aws:sts::111122223333:assumed-role/Uploader/nightly';
		const sessionPolicy = policy({Effect: 'Allow', Action: 's3:PutObject', Resource: '*'});
		const denyDecrypt = policy({Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*'});
		const denyDelete = policy({Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*'});
		const answers: Answers = {
			...manualUpload,
			principal: session,
			guardrails: 'some',
			'boundary-policy-how': 'none',
			'session-policy-how': 'paste',
			'session-policy': sessionPolicy,
			'scp-how': 'paste',
			'scp-1': denyDecrypt,
			'scp-more-1': 'yes',
			'scp-2': denyDelete,
			'scp-more-2': 'no',
			'scp-full-access': 'yes',
		};
		const order: QuestionId[] = [];
		for (;;) {
			const result = walk(Object.fromEntries(order.map(id => [id, answers[id]!])), env());
			if (result.next.kind !== 'ask') break;
			order.push(result.next.question.id);
		}
		expect(order.slice(order.indexOf('guardrails'))).toEqual(['guardrails', 'boundary-policy-how', 'session-policy-how', 'session-policy', 'scp-how', 'scp-1', 'scp-more-1', 'scp-2', 'scp-more-2', 'scp-full-access', 'grants-how']);
		const done = walk(answers, env()).next;
		if (done.kind !== 'done') throw new Error(`not done: ${done.kind}`);
		const {snapshot} = done.ending;
		expect(snapshot.principal).toMatchObject({arn: session, permissionsBoundary: null, sessionPolicy: JSON.parse(sessionPolicy)});
		const fullAccess = {name: 'FullAWSAccess', document: {Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]}};
		expect(snapshot.organization).toMatchObject({
			serviceControlPolicies: [
				[fullAccess, {name: 'pasted SCP 1', document: JSON.parse(denyDecrypt)}],
				[fullAccess, {name: 'pasted SCP 2', document: JSON.parse(denyDelete)}],
			],
			resourceControlPolicies: [],
		});
		// Allow lists: the pasted SCP alone is the level.
		const allowList = walk({...answers, 'scp-full-access': 'no'}, env()).next;
		expect(allowList.kind === 'done' && allowList.ending.snapshot.organization?.serviceControlPolicies?.[0]).toEqual([{name: 'pasted SCP 1', document: JSON.parse(denyDecrypt)}]);
	});

	it('asks no session policy of a caller that cannot have one, and takes the SCP shortcuts', () => {
		// Role Uploader itself, no session: the guardrail question names only what can apply to it.
		const {guardrails: _guardrails, ...unasked} = manualUpload;
		const guardrailsAsked = walk(unasked, env()).next;
		if (guardrailsAsked.kind !== 'ask' || guardrailsAsked.question.kind !== 'choice') throw new Error(`not asked: ${guardrailsAsked.kind}`);
		expect(guardrailsAsked.question.prompt).toBe('Does a permissions boundary or an SCP apply to the caller?');
		expect(guardrailsAsked.question.options.find(option => option.value === 'some')?.hint).toBe('boundary, SCPs');
		const base: Answers = {...manualUpload, guardrails: 'some', 'boundary-policy-how': 'unknown'};
		expect(asked(walk(base, env()))).toBe('scp-how');
		const ending = (scpHow: string) => {
			const next = walk({...base, 'scp-how': scpHow}, env()).next;
			if (next.kind !== 'done') throw new Error(`not done: ${next.kind}`);
			return next.ending.snapshot;
		};
		const fullAccess = ending('full-access');
		expect(fullAccess.principal?.sessionPolicy).toBeNull();
		expect(fullAccess.principal).not.toHaveProperty('permissionsBoundary');
		expect(fullAccess.unread?.map(note => note.path)).toContain('principal.permissionsBoundary');
		expect(fullAccess.organization?.serviceControlPolicies).toEqual([[expect.objectContaining({name: 'FullAWSAccess'})]]);
		const noOrganization = ending('no-organization');
		expect(noOrganization.organization?.serviceControlPolicies).toEqual([]);
		expect(noOrganization.principal?.organizationId).toBeNull();
		const unknown = ending('unknown');
		expect(unknown.organization).not.toHaveProperty('serviceControlPolicies');
		expect(unknown.unread?.map(note => note.path)).toContain('organization.serviceControlPolicies');
	});

	it('says in plain words whether the upload is multipart', () => {
		const result = walk(manualUpload, env(), 'principal');
		const text = result.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : [])).join('\n');
		expect(text).toContain('in parts with the AWS CLI');
		expect(text).toContain('kms:Decrypt');
		const small = walk({...manualUpload, size: '2 MB'}, env(), 'principal');
		const smallText = small.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : [])).join('\n');
		expect(smallText).toContain('in one request');
		// S3 has no minimum size for a single part: the threshold decides, and it can be lowered.
		expect(smallText).toContain('by default; with a lower threshold even a small file goes in parts');
	});

	it('asks the tool before the size, and the size only of a tool whose multipart threshold it is compared with', () => {
		const {size: _size, ...withoutSize} = manualUpload;
		expect(asked(walk({start: 'manual', operation: 'upload', bucket: 's3://reports-bucket/exports/big.csv', 'names-key': 'yes', 'kms-key': keyArn}, env()))).toBe('tool');
		expect(asked(walk(withoutSize, env()))).toBe('size');
		for (const tool of ['console', 'sdk', 'other']) {
			const result = walk({...withoutSize, tool}, env());
			// No size can change whether these go in parts: the walk goes on past the tool without asking it.
			expect(result.next.kind, tool).toBe('done');
			expect(answeredIds(result)).not.toContain('size');
			const notes = result.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : []));
			expect(notes.join('\n')).toMatch(/so whatever the size both cases are checked/);
			expect(notes.join('\n')).not.toMatch(/Without the size/);
			const snapshot = result.next.kind === 'done' ? result.next.ending.snapshot : undefined;
			expect(snapshot?.question).toMatchObject({tool});
			expect(snapshot?.question).not.toHaveProperty('sizeBytes');
		}
		// A size given earlier stays stored while the console is the tool, and replays when a tool with a threshold is chosen again.
		const back = walk({...manualUpload, tool: 'console'}, env());
		expect(answeredIds(back)).not.toContain('size');
		const again = walk(manualUpload, env());
		expect(answeredIds(again)).toEqual(expect.arrayContaining(['tool', 'size']));
		expect(again.next.kind === 'done' && again.next.ending.snapshot.question.sizeBytes).toBe(200_000_000);
	});

	it('a copy by the console is not asked the size either, and says so in copy words', () => {
		const copy: Answers = {start: 'manual', operation: 'copy', bucket: 's3://dst-bucket/out/a.parquet', 'source-bucket': 's3://src-bucket/in/a.parquet', 'source-kms-key': keyArn, 'names-key': 'yes', 'kms-key': keyArn};
		expect(asked(walk(copy, env()))).toBe('tool');
		const byConsole = walk({...copy, tool: 'console'}, env());
		expect(asked(byConsole)).toBe('principal');
		expect(answeredIds(byConsole)).not.toContain('size');
		expect(byConsole.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : [])).join('\n')).toMatch(/copies in parts is not known.*whatever the size both cases are checked/);
		expect(asked(walk({...copy, tool: 'aws-cli'}, env()))).toBe('size');
	});

	it('checks an upload by "another SDK" or "something else" both ways, and says why: which one is not said', () => {
		for (const tool of ['sdk', 'other'] as const) {
			expect(explainMultipart('upload', 1024 * 1024, tool)).toEqual({
				multipart: 'unknown',
				text: expect.stringMatching(/switches to multipart is not known \(it differs by SDK and setting; a plain PutObject never does\), so a 1 MiB file is checked both ways\.$/),
			});
		}
	});

	it('checks a small console upload both ways: the console does not document its threshold', () => {
		expect(explainMultipart('upload', 1024 * 1024, 'console')).toMatchObject({multipart: 'unknown', text: expect.stringContaining('checked both ways')});
	});

	it('going back stops at that question and keeps every later answer', () => {
		const back = walk(manualUpload, env(), 'operation');
		expect(asked(back)).toBe('operation');
		expect(back.next.kind === 'ask' && back.next.initial).toBe('upload');
		expect(answeredIds(back)).toEqual(['start']);
		// Answering it again (unchanged) replays the rest to the end.
		expect(walk(manualUpload, env()).next.kind).toBe('done');
	});

	it('changing an earlier answer keeps the later ones that still apply and asks what the change needs', () => {
		const download = walk({...manualUpload, operation: 'download'}, env());
		// A download names no key and has no size or tool, but needs the object's key ARN.
		expect(asked(download)).toBe('object-kms-key');
		const withKey = walk({...manualUpload, operation: 'download', 'object-kms-key': keyArn}, env());
		expect(withKey.next.kind).toBe('done');
		expect(answeredIds(withKey)).not.toContain('size');
		expect(answeredIds(withKey)).toContain('bucket');
	});

	it('re-asks a kept answer that is no longer valid', () => {
		// The bucket answer is fine; an upload offline needs a key ARN, so an alias stored earlier is asked again.
		const result = walk({...manualUpload, 'kms-key': 'alias/uploads'}, env());
		expect(asked(result)).toBe('kms-key');
		expect(result.next.kind === 'ask' && result.next.initial).toBe('alias/uploads');
	});

	it('goes back to the answer before the current question', () => {
		const result = walk({start: 'manual', operation: 'upload'}, env());
		expect(asked(result)).toBe('bucket');
		expect(previousQuestionId(result.steps)).toBe('operation');
	});

	it('takes what a pasted error reveals and does not ask it again', () => {
		const message =
			'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/john is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::example-reports/exports/a.csv" because no identity-based policy allows the s3:PutObject action';
		const result = walk({start: 'error', 'error-text': message, 'read-how': 'manual'}, env());
		expect(asked(result)).toBe('names-key');
		const notes = result.steps.flatMap(step => (step.kind === 'notes' ? step.notes.map(note => note.text) : []));
		expect(notes).toContain('Caller: arn:aws:iam::111122223333:user/john');
		expect(notes.some(text => text.includes('arn:aws:s3:::example-reports/exports/a.csv'))).toBe(true);
		// Later the caller is not asked either.
		const later = walk({start: 'error', 'error-text': message, 'read-how': 'manual', 'names-key': 'yes', 'kms-key': keyArn, size: '', tool: 'aws-cli'}, env());
		expect(asked(later)).toBe('bucket-account');
	});

	it('live: waits for the reads, shows what they found, and asks same or cross account only when the reads could not tell', () => {
		const answers: Answers = {start: 'profile:dev', operation: 'download', bucket: 'doc-example-bucket', 'object-key': 'dir/example-object-name', 'other-profile': 'none'};
		const waiting = walk(answers, env());
		expect(waiting.next.kind).toBe('wait');
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error('expected a collect wait');
		const {key, request} = waiting.next.wait;
		expect(request).toMatchObject({profile: 'dev', question: {operation: 'download', bucket: 'doc-example-bucket'}});

		const example = loadExample('cross-account-download');
		const collection: Collection = {reads: [{id: 'sts', label: 'caller identity', state: 'ok'}], outcome: ok(example)};
		const reviewing = walk(answers, env({collections: {[key]: collection}}));
		expect(asked(reviewing)).toBe('reviewed');
		const known = walk({...answers, reviewed: 'go'}, env({collections: {[key]: collection}}));
		expect(known.next.kind).toBe('done');
		const found = known.steps.flatMap(step => (step.kind === 'notes' ? step.notes : []));
		expect(found.every(note => note.tone === 'found')).toBe(true);
		expect(found.map(note => note.text).join('\n')).toContain(`Bucket doc-example-bucket is in account ${example.bucket?.accountId}`);
		expect(known.steps.some(step => step.kind === 'reads')).toBe(true);

		const {accountId: _accountId, ...bucketWithoutAccount} = example.bucket!;
		const unknownOwner: Snapshot = {...example, bucket: bucketWithoutAccount};
		const asks = walk(answers, env({collections: {[key]: {reads: [], outcome: ok(unknownOwner)}}}));
		expect(asked(asks)).toBe('bucket-account');
	});

	// IAM: a session's aws:PrincipalArn is "the ARN of the role", "arn:aws:iam::account:role/role-name-with-path"; the
	// session's own ARN, "arn:aws:sts::account:assumed-role/role-name/role-session-name", leaves the path out.
	it("live: asks the session's role ARN when iam:GetRole did not read it and a policy read tests aws:PrincipalArn, and the answer decides", () => {
		const example = loadExample('all-allowed');
		const answers: Answers = {start: 'profile:dev', operation: 'download', bucket: example.question.bucket, 'object-key': example.question.objectKey, 'other-profile': 'none'};
		const waiting = walk(answers, env());
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error('expected a collect wait');
		const {key} = waiting.next.wait;
		// The example's session of role DataWriter, its role not read; the bucket lets only role/DataWriter read objects.
		const {roleArn: _read, ...principal} = example.principal!;
		const onlyWriter = {Sid: 'OnlyWriter', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${example.question.bucket}/*`, Condition: {ArnNotLike: {'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/DataWriter'}}};
		const read: Snapshot = {
			...example,
			principal: {...principal, identityPolicies: [{name: 'Read', document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*'}]}}]},
			bucket: {...example.bucket!, policy: {Version: '2012-10-17', Statement: [onlyWriter]}},
		};
		const collected = env({collections: {[key]: {reads: [], outcome: ok(read)}}});
		expect(asked(walk(answers, collected))).toBe('role-arn');
		const verdictWith = (roleArn: string): string => {
			const done = walk({...answers, 'role-arn': roleArn, reviewed: 'go'}, collected);
			if (done.next.kind !== 'done') throw new Error(`not done: ${asked(done)}`);
			return diagnose(done.next.ending.snapshot).verdict;
		};
		expect(verdictWith('arn:aws:iam::111122223333:role/team/DataWriter')).toBe('denied');
		expect(verdictWith('arn:aws:iam::111122223333:role/DataWriter')).not.toBe('denied');
		expect(verdictWith('')).toBe('unknown');
		// Read by GetRole: not asked.
		const withRole = env({collections: {[key]: {reads: [], outcome: ok({...read, principal: {...read.principal!, roleArn: 'arn:aws:iam::111122223333:role/DataWriter'}})}}});
		expect(asked(walk(answers, withRole))).toBe('reviewed');
	});

	it("live: shows whose the object is when its ACL's owner was compared with the bucket's", () => {
		const answers: Answers = {start: 'profile:dev', operation: 'download', bucket: 'doc-example-bucket', 'object-key': 'dir/example-object-name', 'other-profile': 'none', reviewed: 'go'};
		const waiting = walk(answers, env());
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error('expected a collect wait');
		const {key} = waiting.next.wait;
		const example = loadExample('cross-account-download');
		const foundWith = (object: Snapshot['object']): string => {
			const done = walk(answers, env({collections: {[key]: {reads: [], outcome: ok({...example, object})}}}));
			return done.steps.flatMap(step => (step.kind === 'notes' ? step.notes : [])).map(note => note.text).join('\n');
		};
		expect(foundWith({encryption: example.object?.encryption ?? null, ownedByBucketOwner: false})).toContain("The object is owned by another account than the bucket's (its ACL names the owner by canonical user ID)");
		expect(foundWith({encryption: example.object?.encryption ?? null, ownedByBucketOwner: true})).toContain("The object is owned by the bucket's account");
	});

	it('live: a failed collection offers to try again', () => {
		const answers: Answers = {start: 'profile:dev', operation: 'download', bucket: 'doc-example-bucket', 'object-key': 'x', 'other-profile': 'none'};
		const waiting = walk(answers, env());
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error('expected a collect wait');
		const failed = walk(answers, env({collections: {[waiting.next.wait.key]: {reads: [], outcome: err('the SSO session of profile dev has expired: run aws sso login --profile dev')}}}));
		expect(asked(failed)).toBe('collect-failed');
		expect(failed.next.kind === 'ask' && failed.next.question.prompt).toContain('aws sso login --profile dev');
	});

	it('live: checks that the profile reaches AWS right after it is chosen, before the target questions', () => {
		const answers: Answers = {start: 'profile:dev', operation: 'download', bucket: 'doc-example-bucket', 'object-key': 'x'};
		expect(walk(answers, env({reaches: {}})).next).toEqual({kind: 'wait', wait: {kind: 'reach', profile: 'dev'}});
		const line = 'profile dev: AWS cannot be reached (the credentials have expired, ExpiredToken) — refresh the credentials of profile dev, or use another profile';
		const unreachable = walk(answers, env({reaches: {dev: err(line)}}));
		expect(asked(unreachable)).toBe('unreachable');
		expect(unreachable.next.kind === 'ask' && unreachable.next.question.prompt).toBe(line);
		expect(answeredIds(unreachable)).toEqual(['start']);
		// The stored target answers wait, unused: pasting instead replays them on the manual path.
		expect(answeredIds(walk({...answers, start: 'manual'}, env({reaches: {dev: err(line)}})))).toEqual(['start', 'operation', 'bucket', 'object-key']);
	});

	it('a snapshot file that cannot be read is asked again with the reason', () => {
		expect(walk({start: 'file', file: 'missing.json'}, env()).next).toEqual({kind: 'wait', wait: {kind: 'file', path: 'missing.json'}});
		const failed = walk({start: 'file', file: 'missing.json'}, env({files: {'missing.json': err('cannot read missing.json: no such file')}}));
		expect(failed.next).toMatchObject({kind: 'ask', initial: 'missing.json', problem: 'cannot read missing.json: no such file'});
		expect(answeredIds(failed)).toEqual(['start']);
	});

	it('offers recent targets and saved checks', () => {
		const settings = {
			recentTargets: [{operation: 'upload' as const, bucket: 'reports-bucket', objectKey: 'a.csv'}],
			savedChecks: {nightly: {answers: {start: 'profile:dev', operation: 'download', bucket: 'b', 'object-key': 'k'}, savedAt: ''}},
		};
		const first = walk({}, env({settings}));
		const options = first.next.kind === 'ask' && first.next.question.kind === 'choice' ? first.next.question.options : [];
		expect(options[0]).toMatchObject({value: 'saved:nightly', label: 'Saved check: nightly'});
		const recent = walk({start: 'manual'}, env({settings}));
		expect(asked(recent)).toBe('recent');
		const recentOptions = recent.next.kind === 'ask' && recent.next.question.kind === 'choice' ? recent.next.question.options : [];
		expect(recentOptions[0]).toMatchObject({hotkey: '1', sets: {operation: 'upload', bucket: 'reports-bucket', 'object-key': 'a.csv'}});
	});

	it('a recent target whose key was changed since is no longer named as the target', () => {
		const recentTargets = [
			{operation: 'upload' as const, bucket: 'reports-bucket', objectKey: 'a.csv'},
			{operation: 'upload' as const, bucket: 'reports-bucket', objectKey: 'b.csv'},
		];
		const settings = {recentTargets, savedChecks: {}};
		const chosen: Answers = {start: 'manual', recent: 'recent:upload s3://reports-bucket/a.csv', operation: 'upload', bucket: 'reports-bucket', 'object-key': 'a.csv'};
		const target = (result: Walk) => result.steps.find(step => step.kind === 'answer' && step.question.id === 'recent');
		expect(target(walk(chosen, env({settings})))).toMatchObject({answer: 'recent:upload s3://reports-bucket/a.csv'});
		// Edited to another recent target: that one is the target now.
		expect(target(walk({...chosen, 'object-key': 'b.csv'}, env({settings})))).toMatchObject({answer: 'recent:upload s3://reports-bucket/b.csv'});
		// Edited to a key no recent target names: "Something else", and going back to it offers that.
		const edited = walk({...chosen, 'object-key': 'c.csv'}, env({settings}));
		expect(target(edited)).toMatchObject({answer: 'new'});
		expect(asked(edited)).toBe('names-key');
		const back = walk({...chosen, 'object-key': 'c.csv'}, env({settings}), 'recent');
		expect(back.next.kind === 'ask' && back.next.initial).toBe('new');
	});

	it("a saved check whose profile is gone says so at the first question, instead of asking it again in silence", () => {
		const settings = {recentTargets: [], savedChecks: {gone: {answers: {start: 'profile:deleted', operation: 'download', bucket: 'b-bucket', 'object-key': 'k'}, savedAt: ''}}};
		const result = walk({start: 'profile:deleted', operation: 'download', bucket: 'b-bucket', 'object-key': 'k'}, env({profiles: [{name: 'dev'}], settings}));
		expect(asked(result)).toBe('start');
		expect(result.next).toMatchObject({kind: 'ask', problem: 'the AWS profile "deleted" is not in your AWS config or credentials file any more: choose a profile or another way in'});
	});

	it('"another account" without its ID is kept as a fact: the snapshot says so, and the report calls the check cross-account', () => {
		const done = walk({...manualUpload, 'bucket-account': 'other', 'bucket-account-id': ''}, env()).next;
		if (done.kind !== 'done') throw new Error(`expected the end, got ${done.kind}`);
		const {snapshot} = done.ending;
		expect(snapshot.bucket?.accountId).toBeUndefined();
		expect(snapshot.bucket?.notCallersAccount).toBe(true);
		const diagnosis = diagnose(snapshot);
		expect(diagnosis.question.crossAccount.bucket).toBe(true);
		expect(renderMarkdown(diagnosis)).toContain("another account (its ID not given), not the principal's (111122223333): cross-account");
	});

	it('where a pasted error settles the operation, offers only recent targets of that operation', () => {
		// A KMS error on PutObject names no bucket: the bucket is still asked, and a recent download must not set it.
		const message =
			'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:GenerateDataKey action';
		const recentTargets = [
			{operation: 'download' as const, bucket: 'shared-data', objectKey: 'reports/q1.csv'},
			{operation: 'upload' as const, bucket: 'uploads', objectKey: 'big.bin'},
		];
		const result = walk({start: 'error', 'error-text': message, 'read-how': 'manual'}, env({settings: {recentTargets, savedChecks: {}}}));
		expect(asked(result)).toBe('recent');
		const options = result.next.kind === 'ask' && result.next.question.kind === 'choice' ? result.next.question.options : [];
		expect(options.map(option => option.label)).toEqual(['upload s3://uploads/big.bin', 'Something else']);
		// Only downloads were recent: nothing to offer, the bucket is asked.
		const none = walk({start: 'error', 'error-text': message, 'read-how': 'manual'}, env({settings: {recentTargets: recentTargets.slice(0, 1), savedChecks: {}}}));
		expect(asked(none)).toBe('bucket');
	});

	it('live: asks the Region only when the profile names none, offering the last one', () => {
		const profiles = [{name: 'sso-admin'}, {name: 'dev', region: 'eu-west-1'}];
		const settings = {recentTargets: [], savedChecks: {}, lastRegion: 'ap-southeast-2'};
		const answers: Answers = {start: 'profile:sso-admin', operation: 'download', bucket: 'b-bucket', 'object-key': 'k'};
		const result = walk(answers, env({profiles, settings, reaches: {'sso-admin': ok(undefined), dev: ok(undefined)}}));
		expect(asked(result)).toBe('region');
		expect(result.next.kind === 'ask' && result.next.question.kind === 'text' && result.next.question.suggestion).toBe('ap-southeast-2');
		expect(asked(walk({...answers, start: 'profile:dev'}, env({profiles, settings, reaches: {dev: ok(undefined)}})))).toBe('other-profile');
	});
});

/** The wizard's end after a pasted error, read live with profile dev as the error's own caller (the all-allowed example). */
const liveEndingAfter = (message: string) => {
	const answers: Record<string, string> = {start: 'error', 'error-text': message, 'read-how': 'profile:dev', 'names-key': 'no', size: '', tool: 'aws-cli', 'other-profile': 'none', reviewed: 'go'};
	const waiting = walk(answers, env());
	if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error(`expected a collect wait, got ${waiting.next.kind === 'ask' ? waiting.next.question.id : waiting.next.kind}`);
	const example = loadExample('all-allowed');
	const collected: Snapshot = {...example, principal: {...example.principal!, arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'}};
	const done = walk(answers, env({collections: {[waiting.next.wait.key]: {reads: [], outcome: ok(collected)}}})).next;
	if (done.kind !== 'done') throw new Error(`expected the end, got ${done.kind === 'ask' ? done.question.id : done.kind}`);
	return done.ending;
};

describe('a pasted error naming an SCP, read live with the same caller', () => {
	it("keeps the SCP the error names as evidence in the collected snapshot", () => {
		const message =
			'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/Uploader/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf" with an explicit deny in a service control policy: arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1';
		const ending = liveEndingAfter(message);
		expect(ending.snapshot.evidence).toEqual([
			{
				deniedBy: 'scp',
				action: 's3:PutObject',
				policyArn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1',
				resource: 'arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf',
			},
		]);
	});
});

describe("a pasted error saying no SCP allows the action (AWS's implicit deny)", () => {
	const message =
		'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/Uploader/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf" because no service control policy allows the s3:PutObject action';
	const implicit = [{deniedBy: 'scp', action: 's3:PutObject', deny: 'implicit', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf'}];

	it('read live with the same caller: the collected snapshot keeps it, and the SCPs read to allow are no longer ✔', () => {
		const ending = liveEndingAfter(message);
		expect(ending.snapshot.evidence).toEqual(implicit);
		const diagnosis = diagnose(ending.snapshot);
		const scpRows = diagnosis.requirements.filter(row => row.place === 'scp' && row.action === 's3:PutObject');
		expect(scpRows.length).toBeGreaterThan(0);
		for (const row of scpRows) expect(row.status).toBe('unknown');
		expect(diagnosis.verdict).toBe('denied');
	});

	it('with pasted policies, the SCPs left unknown: the snapshot keeps it, and the SCP row is ✘ by the message', () => {
		const answers: Record<string, string | undefined> = {start: 'error', 'error-text': message, 'read-how': 'manual', 'names-key': 'yes', 'kms-key': keyArn, guardrails: 'unknown'};
		for (let round = 0; round < 40; round++) {
			const result = walk(answers, env());
			if (result.next.kind !== 'ask') break;
			const question = result.next.question;
			if (answers[question.id] !== undefined) throw new Error(`${question.id} asked again: ${result.next.problem ?? ''}`);
			answers[question.id] = question.kind === 'choice' ? question.options.at(-1)!.value : '';
		}
		const done = walk(answers, env()).next;
		if (done.kind !== 'done') throw new Error(`expected the end, got ${done.kind === 'ask' ? done.question.id : done.kind}`);
		expect(done.ending.snapshot.evidence).toEqual(implicit);
		const diagnosis = diagnose(done.ending.snapshot);
		expect(diagnosis.requirements.find(row => row.place === 'scp' && row.action === 's3:PutObject')).toMatchObject({
			status: 'missing',
			decidedBy: 'the pasted AccessDenied message (no service control policy allows it, their text not read)',
		});
		expect(diagnosis.verdict).toBe('denied');
	});
});

describe('a pasted error saying a session policy denied, read live with the same caller', () => {
	const message =
		'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/Uploader/alice is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket/incoming/report.pdf" with an explicit deny in a session policy';
	const answers: Record<string, string> = {start: 'error', 'error-text': message, 'read-how': 'profile:dev', 'names-key': 'no', size: '', tool: 'aws-cli', 'other-profile': 'none', reviewed: 'go'};
	const example = loadExample('all-allowed');
	const collectedWith = (sessionPolicy: PolicyJson | null | undefined): Snapshot => {
		const {sessionPolicy: _given, ...principal} = example.principal!;
		// A role session's session policy is never read: the reads leave it out.
		return {...example, principal: {...principal, arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice', ...(sessionPolicy === undefined ? {} : {sessionPolicy})}};
	};
	const walkWith = (collected: Snapshot, more: Answers = {}) => {
		const waiting = walk({...answers, ...more}, env());
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error('expected a collect wait');
		return walk({...answers, ...more}, env({collections: {[waiting.next.wait.key]: {reads: [], outcome: ok(collected)}}}));
	};

	it('asks for the session policy, which AWS cannot show, and the pasted one is the snapshot\'s', () => {
		const asking = walkWith(collectedWith(undefined));
		expect(asked(asking)).toBe('session-policy-how');
		const pasted = policy({Sid: 'NoIncoming', Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/incoming/*'});
		const done = walkWith(collectedWith(undefined), {'session-policy-how': 'paste', 'session-policy': pasted}).next;
		if (done.kind !== 'done') throw new Error(`expected the end, got ${done.kind === 'ask' ? done.question.id : done.kind}`);
		expect(done.ending.snapshot.principal?.sessionPolicy).toEqual(JSON.parse(pasted));
		const row = diagnose(done.ending.snapshot).requirements.find(each => each.place === 'session-policy' && each.action === 's3:PutObject');
		expect(row).toMatchObject({status: 'denied'});
		expect(row?.decidedBy).toContain('NoIncoming');
	});

	it('asks nothing where the session policy is given (none)', () => {
		expect(walkWith(collectedWith(null)).next.kind).toBe('done');
	});
});

describe('a pasted error about another key than the live reads find the upload uses', () => {
	// The reads (the all-allowed example) find the bucket's default key 0987dcba-…; the error names another.
	const otherKey = 'arn:aws:kms:us-east-1:111122223333:key/9999aaaa-99aa-99aa-99aa-9999aaaa9999';
	const message = `An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/Uploader/alice is not authorized to perform: kms:GenerateDataKey on resource: ${otherKey} with an explicit deny in a service control policy`;

	it('the snapshot keeps the evidence, and the result the wizard shows says it was not applied: the rows are as read', () => {
		const answers: Record<string, string> = {start: 'error', 'error-text': message, 'read-how': 'profile:dev', bucket: 's3://example-ingest/incoming/archive.tar', 'names-key': 'no', size: '', tool: 'aws-cli', 'other-profile': 'none', reviewed: 'go'};
		const waiting = walk(answers, env());
		if (waiting.next.kind !== 'wait' || waiting.next.wait.kind !== 'collect') throw new Error(`expected a collect wait, got ${waiting.next.kind === 'ask' ? waiting.next.question.id : waiting.next.kind}`);
		const example = loadExample('all-allowed');
		const collected: Snapshot = {...example, principal: {...example.principal!, arn: 'arn:aws:sts::111122223333:assumed-role/Uploader/alice'}};
		const done = walk(answers, env({collections: {[waiting.next.wait.key]: {reads: [], outcome: ok(collected)}}})).next;
		if (done.kind !== 'done') throw new Error(`expected the end, got ${done.kind === 'ask' ? done.question.id : done.kind}`);
		expect(done.ending.snapshot.evidence).toEqual([{deniedBy: 'scp', action: 'kms:GenerateDataKey', resource: otherKey}]);
		const diagnosis = diagnose(done.ending.snapshot);
		const {evidence: _evidence, ...withoutMessage} = done.ending.snapshot;
		expect(diagnosis.requirements).toEqual(diagnose(withoutMessage).requirements);
		expect(diagnosis.verdict).toBe('allowed');
		expect(diagnosis.findings.map(finding => finding.message)).toEqual([
			`The pasted AccessDenied message is about kms:GenerateDataKey on ${otherKey}, while this question is about kms:GenerateDataKey on ${example.key!.arn}, so it was not applied: paste the AccessDenied message of this request, or ask about ${otherKey}.`,
		]);
	});
});

describe('a copy whose source and destination use one key', () => {
	const copyAnswers = (sourceKey: string): Answers => ({
		start: 'manual',
		operation: 'copy',
		bucket: 's3://dst-bucket/out/a.parquet',
		'source-bucket': 's3://src-bucket/in/a.parquet',
		'source-kms-key': sourceKey,
		'names-key': 'yes',
		'kms-key': keyArn,
		size: '1 MB',
		tool: 'aws-cli',
		principal: 'arn:aws:iam::111122223333:role/Copier',
		'bucket-account': 'same',
		'bucket-region': 'eu-west-1',
		'source-bucket-account': 'caller',
		'key-policy-how': 'paste',
		'key-policy': policy({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'}),
		'grants-how': 'none',
		'identity-how': 'paste',
		'identity-policy-1': policy({Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*'}),
		'identity-more-1': 'no',
		'bucket-policy-how': 'none',
		'source-key-policy-how': 'unknown',
		'source-bucket-policy-how': 'none',
		guardrails: 'none',
	});

	it('asks for its key policy once, and uses it on both sides', () => {
		const result = walk(copyAnswers(keyArn), env());
		expect(result.next.kind).toBe('done');
		expect(answeredIds(result)).not.toContain('source-key-policy-how');
		const snapshot = result.next.kind === 'done' ? result.next.ending.snapshot : undefined;
		expect(snapshot?.source?.keyInfo?.policy).toEqual(snapshot?.key?.policy);
		expect(diagnose(snapshot!).verdict).toBe('allowed');
	});

	it("still asks for the source key's policy when the source uses another key, and says it was not pasted when it was not", () => {
		const other = keyArn.replace('1234abcd', '9999abcd');
		const result = walk(copyAnswers(other), env());
		expect(answeredIds(result)).toContain('source-key-policy-how');
		const snapshot = result.next.kind === 'done' ? result.next.ending.snapshot : undefined;
		expect(snapshot?.unread).toEqual(
			expect.arrayContaining([
				{path: 'source.keyInfo.policy', reason: 'not pasted', resolveWith: `aws kms get-key-policy --key-id ${other} --region 'eu-west-1' --policy-name default --query Policy --output text`},
				{path: 'source.keyInfo.grants', reason: 'not asked', resolveWith: `aws kms list-grants --key-id ${other} --region 'eu-west-1'`},
			]),
		);
		const why = diagnose(snapshot!).requirements.filter(row => row.resource === other).map(row => row.why).join('\n');
		expect(why).toMatch(/not pasted/);
		expect(why).not.toMatch(/not in the snapshot/);
	});
});

describe('an answer given about one bucket or key', () => {
	// What the session records as the user answers: each answer's subject.
	const askedAbout: Answers = {'bucket-account': 'reports-bucket', 'bucket-region': 'reports-bucket', 'key-policy-how': keyArn, 'key-policy': keyArn, 'bucket-policy-how': 'reports-bucket'};

	it('replays while the question is about the same one', () => {
		expect(walk(manualUpload, env(), undefined, askedAbout).next.kind).toBe('done');
	});

	it('is asked again, offered as the answer, once the bucket is another: never replayed as a fact about it', () => {
		const result = walk({...manualUpload, bucket: 'other-bucket'}, env(), undefined, askedAbout);
		expect(asked(result)).toBe('bucket-account');
		expect(result.next.kind === 'ask' && result.next.initial).toBe('same');
		expect(result.next.kind === 'ask' && result.next.question.prompt).toMatch(/other-bucket/);
		// Confirmed for the new bucket, the walk goes on to the next question about it.
		const confirmed = walk({...manualUpload, bucket: 'other-bucket'}, env(), undefined, {...askedAbout, 'bucket-account': 'other-bucket'});
		expect(asked(confirmed)).toBe('bucket-region');
	});

	it("is asked again for another object's size, offered as the answer", () => {
		const sizeOf = {...askedAbout, size: 's3://reports-bucket/exports/big.csv'};
		expect(walk(manualUpload, env(), undefined, sizeOf).next.kind).toBe('done');
		const result = walk({...manualUpload, 'object-key': 'exports/small.csv'}, env(), undefined, sizeOf);
		expect(asked(result)).toBe('size');
		expect(result.next.kind === 'ask' && result.next.initial).toBe('200 MB');
		// The tool is about the request, not the object: it replays.
		expect(answeredIds(result)).toContain('tool');
	});

	it('is asked again for a policy pasted for another key', () => {
		const otherKey = keyArn.replace('1234abcd', '9999abcd');
		const result = walk({...manualUpload, 'kms-key': otherKey}, env(), undefined, askedAbout);
		expect(asked(result)).toBe('key-policy-how');
		expect(result.next.kind === 'ask' && result.next.initial).toBe('paste');
	});
});

describe('head-object output pasted for the object of a download', () => {
	const headObject = JSON.stringify({AcceptRanges: 'bytes', ContentLength: 1024, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn, BucketKeyEnabled: true});
	const download: Answers = {
		start: 'manual',
		operation: 'download',
		bucket: 's3://reports-bucket/exports/big.csv',
		// As the field stores it: the key taken from the pasted output (its other facts go by alsoAnswers).
		'object-kms-key': keyArn,
		principal: 'arn:aws:iam::111122223333:role/Reader',
		'bucket-account': 'same',
		'key-policy-how': 'paste',
		'key-policy': policy({
			Effect: 'Allow',
			Principal: {AWS: 'arn:aws:iam::111122223333:role/Reader'},
			Action: 'kms:Decrypt',
			Resource: '*',
			Condition: {StringLike: {'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::reports-bucket/*'}},
		}),
		'grants-how': 'none',
		'identity-how': 'paste',
		'identity-policy-1': policy({Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*'}),
		'identity-more-1': 'no',
		'bucket-policy-how': 'none',
		guardrails: 'none',
	};

	it("settles the bucket's Region (the object's key is there) and the Bucket Key (BucketKeyEnabled): neither is asked", () => {
		const sets = {'bucket-key': 'on'};
		const result = walk({...download, ...sets}, env());
		expect(asked(result)).toBe('(done)');
		expect(answeredIds(result)).not.toContain('bucket-region');
		expect(result.steps.some(step => step.kind === 'notes' && step.notes.some(note => /Bucket's Region: eu-west-1 \(the object is encrypted with a key there/.test(note.text)))).toBe(true);
		const snapshot = result.next.kind === 'done' ? result.next.ending.snapshot : undefined;
		expect(snapshot?.bucket?.region).toBe('eu-west-1');
	});

	it('the key question answers the Bucket Key question from BucketKeyEnabled', () => {
		const asking = walk({start: 'manual', operation: 'download', bucket: 's3://reports-bucket/exports/big.csv'}, env());
		const question = asking.next.kind === 'ask' ? asking.next.question : undefined;
		expect(question?.id).toBe('object-kms-key');
		expect(question?.kind === 'text' && question.alsoAnswers?.(headObject)).toEqual({'bucket-key': 'on'});
		expect(question?.kind === 'text' && question.alsoAnswers?.(headObject.replace('"BucketKeyEnabled":true', '"BucketKeyEnabled":false'))).toEqual({'bucket-key': 'off'});
		expect(question?.kind === 'text' && question.alsoAnswers?.(keyArn)).toEqual({});
	});
});
