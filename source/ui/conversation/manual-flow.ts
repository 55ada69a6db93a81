import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import {accountOfArn, parseArn} from '../../engine/arn.js';
import {buildManualSnapshot, type Guardrails, type ManualFacts, type Pasted, type ScpAnswer} from '../../inputs/manual/build-snapshot.js';
import {destinationLeg, hasSource} from '../../operations/registry.js';
import {ask, recall, show, waitFor} from './flow-steps.js';
import {readPastedGrants} from '../../inputs/paste/read-pasted-grants.js';
import type {Assumption, Snapshot} from '../../snapshot/snapshot.js';
import {evidenceOf} from './denial-evidence.js';
import {callerCanHold, deniedByOf, deniedPolicyFlow} from './denied-policy-flow.js';
import {roleArnFlow} from './role-arn-flow.js';
import {sessionTagsFlow} from './session-tags-flow.js';
import {accountIdQuestion, namesKeyQuestion} from './target-questions.js';
import type {Ending, Flow, FlowEnv} from './flow-types.js';
import * as questions from './manual-questions.js';
import {wordedFor} from './copy-wording.js';
import {pastedDocument, pastedIdentityPolicy, pasteHints, type PasteHints} from './paste-answers.js';
import {identityPolicyNames, type PastedIdentityPolicy} from '../../inputs/manual/identity-policy-names.js';
import {bucketAccountFlow, type Target} from './target-flow.js';
import {bucketKeyOfEvent, bucketKeyOfEventBecause} from './event-bucket-key.js';

/** Without credentials: the caller, the accounts, and the policies pasted one by one (each may stay unknown). */

/** SCP levels above ten are rare (AWS allows five OU levels below the root); the loop needs an end. */
const maximumScps = 10;

/** A pasted policy, or none, or unknown. `about`: the bucket, key or caller whose it is (given for another, it is asked again). */
function* policyFlow(env: FlowEnv, hints: PasteHints, id: questions.PolicyId, asked: string, about: string | undefined, askedNone?: string, prompt?: string): Flow<Pasted> {
	const {kind, help, title = asked, noneLabel = askedNone} = hints(id);
	const subject = about === undefined ? {} : {about};
	const how = yield* ask({...questions.policyHowQuestion(`${id}-how`, title, prompt ?? `The ${title.toLowerCase()}:`, noneLabel), ...subject});
	if (how === 'none') return null;
	if (how === 'unknown') return undefined;
	const text = yield* ask({...questions.policyPasteQuestion(env, id, title, `Paste the ${title.toLowerCase()} (JSON, or what the command prints).`, kind, help), ...subject});
	return pastedDocument(text);
}

/** SCPs pasted one by one, each its own level of the organization (root first, the account last). */
function* scpFlow(env: FlowEnv, hints: PasteHints): Flow<ScpAnswer> {
	const how = yield* ask(questions.scpHowQuestion);
	if (how === 'full-access') return {kind: 'full-access'};
	if (how === 'no-organization') return {kind: 'no-organization'};
	if (how === 'unknown') return undefined;
	const policies: PolicyJson[] = [];
	for (let index = 1; index <= maximumScps; index++) {
		const text = yield* ask(questions.scpPasteQuestion(env, index, hints(`scp-${index}`).help));
		policies.push(pastedDocument(text));
		if (index === maximumScps || (yield* ask(questions.moreScpsQuestion(index))) === 'no') break;
	}
	const withFullAccess = (yield* ask(questions.scpFullAccessQuestion(policies.length))) === 'yes';
	return {kind: 'pasted', policies, withFullAccess};
}

/**
 * The guardrails one by one: the boundary, the session policy (a role session only) and the SCPs. `settled`: the one a
 * pasted message named, asked before (deniedPolicyFlow), is not asked again.
 */
function* guardrailsFlow(env: FlowEnv, hints: PasteHints, principalArn: string, settled: questions.DeniedGuardrail | undefined): Flow<Guardrails> {
	const boundary =
		settled === 'boundary'
			? undefined
			: yield* policyFlow(env, hints, 'boundary-policy', 'Permissions boundary', principalArn, 'The caller has none', "The caller's permissions boundary (the IAM user's or role's):");
	// Only a role session can carry a session policy (AssumeRole --policy); for any other caller there is none.
	const sessionPolicy = !callerCanHold('session', principalArn)
		? null
		: settled === 'session'
			? undefined
			: yield* policyFlow(env, hints, 'session-policy', 'Session policy', principalArn, 'None was passed', 'The session policy passed when the role was assumed (AssumeRole --policy; AWS cannot show it afterwards):');
	const scps = yield* scpFlow(env, hints);
	return {boundary, sessionPolicy, scps};
}

/** The KMS action the pasted error shows refused on this key, if it does. */
const refusedOnKey = (denial: ParsedDenial | undefined, keyArn: string): string | undefined =>
	denial?.action?.startsWith('kms:') && (denial.resource === keyArn || denial.keyId === keyArn) ? denial.action : undefined;

/** Why no grant is assumed, and the read that settles it: "the pasted error shows kms:Decrypt refused on this key; …". */
export const noGrantsBecause = (refused: string): string => `the pasted error shows ${refused} refused on this key; aws kms list-grants settles it`;

/** The key's grants: none, pasted from list-grants, or unknown. */
function* grantsFlow(keyArn: string): Flow<ManualFacts['grants']> {
	const how = yield* ask(questions.grantsHowQuestion(keyArn));
	if (how === 'none') return null;
	if (how === 'unknown') return undefined;
	const text = yield* ask(
		questions.grantsPasteQuestion(keyArn, pasted => {
			const read = readPastedGrants(pasted);
			if (!read.ok) return {ok: false, message: read.error.message};
			const count = read.value.grants.length;
			return {ok: true, summary: `${count === 0 ? 'no grants' : count === 1 ? '1 grant' : `${count} grants`}`, ...(read.value.notes.length > 0 ? {notes: read.value.notes} : {})};
		}),
	);
	const read = readPastedGrants(text);
	return read.ok ? read.value.grants : undefined;
}

/** What is known of the S3 Bucket Key: the state, and the assumption that states it where no encryption setting holds it. */
type BucketKeyFacts = {readonly enabled?: boolean; readonly assumptions: readonly Assumption[]};

/** An answer (on, off, unknown) as facts: `held`, an encryption setting (the object's, the bucket default) holds the state. */
const bucketKeyFacts = (answer: string, because: string, held: boolean): BucketKeyFacts => {
	if (answer !== 'on' && answer !== 'off') return {assumptions: []};
	// With no default encryption to hold it (the request names its key), the answer is kept as a stated fact.
	return {enabled: answer === 'on', assumptions: held ? [] : [{id: answer === 'on' ? 'bucket-key=on' : 'bucket-key=off', because}]};
};

/** Why the Bucket Key was not asked, in the transcript and beside the assumption the result shows. */
export const bucketKeyNotAskedBecause = 'on or off, the policies give the same result';

/** Whose the copy's source bucket is: the caller's, the destination's owner's, another account's, or unknown. */
function* sourceAccountFlow(sourceBucket: string, callerAccount: string | undefined, destinationAccount: string | undefined): Flow<string | undefined> {
	const answer = yield* ask({...questions.sourceBucketAccountQuestion(sourceBucket, callerAccount, destinationAccount), about: sourceBucket});
	if (answer === 'caller') return callerAccount;
	if (answer === 'destination') return destinationAccount;
	if (answer === 'other') {
		const id = yield* ask({...accountIdQuestion, id: 'source-bucket-account-id', title: 'Source bucket account', prompt: `Which account owns ${sourceBucket}? (12 digits; leave empty if you do not know)`, about: sourceBucket});
		return id === '' ? undefined : id;
	}
	return undefined;
}

export function* manualFlow(env: FlowEnv, target: Target, denial: ParsedDenial | undefined, actingRole?: string): Flow<Ending> {
	const {question} = target;
	// A service principal (CloudFront) makes the request: it has no identity policies, boundary or SCPs to ask for.
	const actor = destinationLeg(question.operation).actor;
	const service = actor.kind === 'service' ? actor.service : undefined;
	// Who makes the requests, asked as what names it: the signer of a URL, the role a replication rule names, else the caller.
	// An AWS service's own role (a Glue job's) is the caller whose policies are asked for.
	const principalQuestion = questions.principalQuestionFor(question.operation);
	const principalArn =
		service ??
		actingRole ??
		(denial?.principal && principalQuestion.validate(denial.principal) === undefined ? denial.principal : yield* ask(principalQuestion));
	const callerAccount = accountOfArn(principalArn);
	const answeredAccount = yield* bucketAccountFlow(question.bucket, callerAccount);
	const bucketAccount = answeredAccount.id;
	const keyRegion = target.keyArn ? parseArn(target.keyArn)?.region : undefined;
	// S3 uses only a key in the bucket's Region: a key it used (the one the error names, the existing object's) settles it.
	const keyUsed = target.keyFromError ? 'S3 used the key the error names' : destinationLeg(question.operation).facts.key === 'object' ? 'the object is encrypted with a key there' : undefined;
	const regionFromError = keyUsed && keyRegion && questions.bucketRegionQuestion(keyRegion).validate(keyRegion) === undefined ? keyRegion : undefined;
	if (regionFromError) yield* show([{tone: 'found', text: `Bucket's Region: ${regionFromError} (${keyUsed}, and S3 uses only keys in the bucket's Region)`}]);
	// A presigned URL's Regional endpoint is the Region it was signed for: the bucket's, as the URL gives it.
	const regionFromUrl = regionFromError ? undefined : target.regionFromUrl;
	if (regionFromUrl) yield* show([{tone: 'found', text: `Bucket's Region: ${regionFromUrl} (the presigned URL's endpoint)`}]);
	const regionText = regionFromError ?? regionFromUrl ?? (yield* ask({...wordedFor(question.operation)(questions.bucketRegionQuestion(keyRegion)), about: question.bucket}));
	let sourceBucketAccount: string | undefined;
	if (hasSource(question.operation) && question.source) {
		sourceBucketAccount = question.source.bucket === question.bucket ? bucketAccount : yield* sourceAccountFlow(question.source.bucket, callerAccount, bucketAccount);
	}
	const hints = pasteHints({
		operation: question.operation,
		principalArn,
		bucket: question.bucket,
		...(bucketAccount ? {bucketAccount} : {}),
		...(target.keyArn ? {keyArn: target.keyArn} : {}),
		...(question.source ? {sourceBucket: question.source.bucket} : {}),
		...(target.sourceKeyArn ? {sourceKeyArn: target.sourceKeyArn} : {}),
	});
	const keyPolicy = target.keyArn ? yield* policyFlow(env, hints, 'key-policy', 'Key policy', target.keyArn) : undefined;
	const assumptions: Assumption[] = [];
	const refused = target.keyArn ? refusedOnKey(denial, target.keyArn) : undefined;
	// A refusal is evidence: had a grant allowed the action, KMS would not have refused it. Worded to fit two lines at 80
	// columns with kms:GenerateDataKey, as every report and the result screen show it (whole, never cut).
	if (refused) assumptions.push({id: 'no-grants', because: noGrantsBecause(refused)});

	const identityHow = service ? 'none' : yield* ask({...questions.policyHowQuestion('identity-how', 'Identity policies', "The caller's identity policies (IAM policies of the user or role):", 'The caller has none'), about: principalArn});
	let identityPolicies: PastedIdentityPolicy[] | null | undefined = identityHow === 'none' ? null : undefined;
	if (identityHow === 'paste') {
		identityPolicies = [];
		for (let index = 1; index <= 10; index++) {
			const id = `identity-policy-${index}` as const;
			const text = yield* ask({...questions.policyPasteQuestion(env, id, `Identity policy ${index}`, `Paste identity policy ${index} (JSON, or what the command prints).`, 'identity-policy', hints(id).help), about: principalArn});
			identityPolicies.push(pastedIdentityPolicy(text));
			// get-role-policy (get-user-policy, get-group-policy) output names the policy: say whether that name is kept.
			const said = identityPolicyNames(principalArn, identityPolicies).at(-1)?.said;
			if (said) yield* show([said]);
			if (index === 10 || (yield* ask(questions.morePoliciesQuestion(index))) === 'no') break;
		}
	}
	const bucketPolicy = yield* policyFlow(env, hints, 'bucket-policy', 'Bucket policy', question.bucket, 'The bucket has no bucket policy');
	let sourceKeyPolicy: Pasted;
	let sourceBucketPolicy: Pasted;
	if (hasSource(question.operation) && question.source) {
		// One key on both sides has one policy: it was pasted as the destination key's.
		sourceKeyPolicy =
			target.sourceKeyArn === undefined ? undefined : target.sourceKeyArn === target.keyArn ? keyPolicy : yield* policyFlow(env, hints, 'source-key-policy', "Source key's policy", target.sourceKeyArn);
		sourceBucketPolicy = question.source.bucket === question.bucket ? bucketPolicy : yield* policyFlow(env, hints, 'source-bucket-policy', "Source bucket's policy", question.source.bucket, 'The source bucket has no bucket policy');
	}
	// The boundary or session policy the pasted message says denied decides the row and the fix: asked for first.
	const evidence = evidenceOf(denial);
	const denied = service ? undefined : deniedByOf(evidence, {arn: principalArn});
	const deniedPolicy = denied ? yield* deniedPolicyFlow(env, hints, denied, principalArn) : undefined;
	// With only the SCPs left to ask about (a user whose boundary the message named), their own question comes at once.
	const guardQuestion = service ? undefined : questions.guardrailsQuestion(denied?.kind, callerCanHold('session', principalArn));
	const guard = service ? 'none' : guardQuestion ? yield* ask(guardQuestion) : 'some';
	const guardrails: ManualFacts['guardrails'] = guard === 'some' ? yield* guardrailsFlow(env, hints, principalArn, denied?.kind) : guard === 'none' ? 'none' : 'unknown';
	const pasted = [
		keyPolicy,
		...(identityPolicies ?? []).map(policy => policy.document),
		bucketPolicy,
		sourceKeyPolicy,
		sourceBucketPolicy,
		deniedPolicy,
		...(typeof guardrails === 'object' ? [guardrails.boundary, guardrails.sessionPolicy] : []),
	];
	// Only now is it known whether a policy tests what was left open: ask those facts, and only those.
	let {question: asked, defaultEncryption} = {question, defaultEncryption: target.defaultEncryption};
	if (target.keyFromError && target.keyArn && destinationLeg(question.operation).facts.key !== 'object' && /x-amz-server-side-encryption/i.test(JSON.stringify(pasted))) {
		const names = yield* ask(wordedFor(question.operation)(namesKeyQuestion(question.operation)));
		if (names === 'yes') asked = {...question, kmsKeyId: target.keyArn};
		else defaultEncryption = {algorithm: 'aws:kms', kmsKeyId: target.keyArn};
	}
	const ofObject = destinationLeg(question.operation).facts.key === 'object';
	/** The snapshot these answers make, given the grants and what is known of the Bucket Key. */
	const snapshotWith = (grants: ManualFacts['grants'], bucketKey: BucketKeyFacts, grantsNotAsked = false): Snapshot =>
		buildManualSnapshot({
			question: asked,
			principalArn,
			...(bucketAccount ? {bucketAccount} : answeredAccount.notCallers ? {bucketNotCallersAccount: true} : {}),
			...(regionText ? {bucketRegion: regionText} : {}),
			...(target.keyArn ? {keyArn: target.keyArn} : {}),
			...(defaultEncryption ? {defaultEncryption} : {}),
			...(bucketKey.enabled === undefined ? {} : {bucketKeyEnabled: bucketKey.enabled}),
			...(grants === undefined ? {} : {grants}),
			...(grantsNotAsked ? {grantsNotAsked} : {}),
			...(sourceBucketAccount ? {sourceBucketAccount} : {}),
			assumptions: [...assumptions, ...bucketKey.assumptions],
			evidence,
			keyPolicy,
			identityPolicies,
			bucketPolicy,
			...(target.sourceKeyArn ? {sourceKeyArn: target.sourceKeyArn, sourceKeyPolicy, sourceBucketPolicy} : {sourceBucketPolicy}),
			guardrails,
			...(denied ? {deniedBy: {kind: denied.kind, ...(deniedPolicy ? {policy: deniedPolicy} : {})}} : {}),
			createdAt: env.now().toISOString(),
		});
	const bucketKeyOf = (answer: string, because: string): BucketKeyFacts => bucketKeyFacts(answer, because, ofObject || defaultEncryption !== undefined);
	// The encryption context is in play where a pasted policy tests it: then the grants are weighed with the Bucket Key on and off.
	const contextTested = target.keyArn !== undefined && /kms:EncryptionContext/i.test(JSON.stringify(pasted));
	let grants: ManualFacts['grants'];
	let grantsNotAsked = false;
	if (target.keyArn && !refused) {
		const weigher = env.weigher ?? (yield* waitFor({kind: 'weigher'}));
		const bucketKeys = contextTested ? ['on', 'off'] : ['unknown'];
		if (bucketKeys.some(answer => weigher.grantsCanMatter(snapshotWith(null, bucketKeyOf(answer, 'as answered in the wizard'))))) {
			grants = yield* grantsFlow(target.keyArn);
		} else {
			grantsNotAsked = true;
			yield* show([{tone: 'info', text: 'KMS grants: not asked (a grant only adds an Allow, and no grant could change this result)'}]);
		}
	}
	let bucketKey: BucketKeyFacts = {assumptions: []};
	if (target.keyArn && (contextTested || /EncryptionContext/i.test(JSON.stringify(grants ?? [])))) {
		// A pasted CloudTrail event of the KMS call on this key shows the context S3 sent: that settles it, not asked.
		const fromEvent = target.keyFromError ? bucketKeyOfEvent(denial, question.bucket, question.objectKey) : undefined;
		if (fromEvent) {
			yield* show([{tone: 'found', text: `S3 Bucket Key: ${fromEvent} (${bucketKeyOfEventBecause(fromEvent)})`}]);
			bucketKey = bucketKeyOf(fromEvent, bucketKeyOfEventBecause(fromEvent));
		} else {
			const weigher = env.weigher ?? (yield* waitFor({kind: 'weigher'}));
			const [on, off] = [snapshotWith(grants, bucketKeyOf('on', 'as answered in the wizard')), snapshotWith(grants, bucketKeyOf('off', 'as answered in the wizard'))];
			// A state already given (head-object or get-bucket-encryption output pasted at the key question) is kept, asked or not.
			const given = yield* recall('bucket-key');
			if (weigher.answersDiffer([on, off]) || given === 'on' || given === 'off') {
				bucketKey = bucketKeyOf(yield* ask(questions.bucketKeyQuestion(ofObject)), 'as answered in the wizard');
			} else {
				// Either answer gives this result: one is taken, said as an assumption with why, never as a fact read.
				yield* show([{tone: 'info', text: `S3 Bucket Key: not asked (${bucketKeyNotAskedBecause})`}]);
				bucketKey = {assumptions: [{id: 'bucket-key=off', because: bucketKeyNotAskedBecause}]};
			}
		}
	}
	const built = snapshotWith(grants, bucketKey, grantsNotAsked);
	// The event's role is this caller's only where the caller is the event's.
	const snapshot = yield* sessionTagsFlow(yield* roleArnFlow(built, denial?.principal === principalArn ? denial.roleArn : undefined));
	return {snapshot, mode: 'manual'};
}
