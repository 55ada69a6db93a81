import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import type {PolicyJson} from '../../snapshot/snapshot.js';
import {accountOfArn, parseArn} from '../../engine/arn.js';
import {parseCaller} from '../../engine/principal.js';
import {buildManualSnapshot, type Guardrails, type ManualFacts, type Pasted, type ScpAnswer} from '../../inputs/manual/build-snapshot.js';
import {hasSource} from '../../operations/registry.js';
import {ask} from './flow-steps.js';
import type {Ending, Flow, FlowEnv} from './flow-types.js';
import * as questions from './manual-questions.js';
import {wordedFor} from './copy-wording.js';
import {pastedDocument, pasteHints, type PasteHints} from './paste-answers.js';
import {bucketAccountFlow, type Target} from './target-flow.js';

/** Without credentials: the caller, the accounts, and the policies pasted one by one (each may stay unknown). */

/** SCP levels above ten are rare (AWS allows five OU levels below the root); the loop needs an end. */
const maximumScps = 10;

/** A pasted policy, or none, or unknown. */
function* policyFlow(env: FlowEnv, hints: PasteHints, id: questions.PolicyId, asked: string, askedNone?: string, prompt?: string): Flow<Pasted> {
	const {kind, help, title = asked, noneLabel = askedNone} = hints(id);
	const how = yield* ask(questions.policyHowQuestion(`${id}-how`, title, prompt ?? `The ${title.toLowerCase()}:`, noneLabel));
	if (how === 'none') return null;
	if (how === 'unknown') return undefined;
	const text = yield* ask(questions.policyPasteQuestion(env, id, title, `Paste the ${title.toLowerCase()} (JSON, or what the command prints).`, kind, help));
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

/** The guardrails one by one: the boundary, the session policy (a role session only) and the SCPs. */
function* guardrailsFlow(env: FlowEnv, hints: PasteHints, principalArn: string): Flow<Guardrails> {
	const boundary = yield* policyFlow(env, hints, 'boundary-policy', 'Permissions boundary', 'The caller has none', "The caller's permissions boundary (the IAM user's or role's):");
	// Only a role session can carry a session policy (AssumeRole --policy); for any other caller there is none.
	const sessionPolicy =
		parseCaller(principalArn).kind === 'session'
			? yield* policyFlow(env, hints, 'session-policy', 'Session policy', 'None was passed', 'The session policy passed when the role was assumed (AssumeRole --policy; AWS cannot show it afterwards):')
			: null;
	const scps = yield* scpFlow(env, hints);
	return {boundary, sessionPolicy, scps};
}

export function* manualFlow(env: FlowEnv, target: Target, denial: ParsedDenial | undefined): Flow<Ending> {
	const {question} = target;
	const principalArn = denial?.principal && questions.principalQuestion.validate(denial.principal) === undefined ? denial.principal : yield* ask(questions.principalQuestion);
	const callerAccount = accountOfArn(principalArn);
	const bucketAccount = yield* bucketAccountFlow(question.bucket, callerAccount);
	const keyRegion = target.keyArn ? parseArn(target.keyArn)?.region : undefined;
	const regionText = yield* ask(wordedFor(question.operation)(questions.bucketRegionQuestion(keyRegion)));
	const hints = pasteHints({
		operation: question.operation,
		principalArn,
		bucket: question.bucket,
		...(bucketAccount ? {bucketAccount} : {}),
		...(target.keyArn ? {keyArn: target.keyArn} : {}),
		...(question.source ? {sourceBucket: question.source.bucket} : {}),
		...(target.sourceKeyArn ? {sourceKeyArn: target.sourceKeyArn} : {}),
	});
	const keyPolicy = target.keyArn ? yield* policyFlow(env, hints, 'key-policy', 'Key policy') : undefined;

	const identityHow = yield* ask(questions.policyHowQuestion('identity-how', 'Identity policies', "The caller's identity policies (IAM policies of the user or role):", 'The caller has none'));
	let identityPolicies: PolicyJson[] | null | undefined = identityHow === 'none' ? null : undefined;
	if (identityHow === 'paste') {
		identityPolicies = [];
		for (let index = 1; index <= 10; index++) {
			const id = `identity-policy-${index}` as const;
			const text = yield* ask(questions.policyPasteQuestion(env, id, `Identity policy ${index}`, `Paste identity policy ${index} (JSON, or what the command prints).`, 'identity-policy', hints(id).help));
			identityPolicies.push(pastedDocument(text));
			if (index === 10 || (yield* ask(questions.morePoliciesQuestion(index))) === 'no') break;
		}
	}
	const bucketPolicy = yield* policyFlow(env, hints, 'bucket-policy', 'Bucket policy', 'The bucket has no bucket policy');
	let sourceKeyPolicy: Pasted;
	let sourceBucketPolicy: Pasted;
	if (hasSource(question.operation) && question.source) {
		sourceKeyPolicy = target.sourceKeyArn ? yield* policyFlow(env, hints, 'source-key-policy', "Source key's policy") : undefined;
		sourceBucketPolicy = question.source.bucket === question.bucket ? bucketPolicy : yield* policyFlow(env, hints, 'source-bucket-policy', "Source bucket's policy", 'The source bucket has no bucket policy');
	}
	const guard = yield* ask(questions.guardrailsQuestion);
	const guardrails: ManualFacts['guardrails'] = guard === 'some' ? yield* guardrailsFlow(env, hints, principalArn) : guard === 'none' ? 'none' : 'unknown';
	const snapshot = buildManualSnapshot({
		question,
		principalArn,
		...(bucketAccount ? {bucketAccount} : {}),
		...(regionText ? {bucketRegion: regionText} : {}),
		...(target.keyArn ? {keyArn: target.keyArn} : {}),
		...(target.defaultEncryption ? {defaultEncryption: target.defaultEncryption} : {}),
		keyPolicy,
		identityPolicies,
		bucketPolicy,
		...(target.sourceKeyArn ? {sourceKeyArn: target.sourceKeyArn, sourceKeyPolicy, sourceBucketPolicy} : {sourceBucketPolicy}),
		guardrails,
		createdAt: env.now().toISOString(),
	});
	return {snapshot, mode: 'manual'};
}
