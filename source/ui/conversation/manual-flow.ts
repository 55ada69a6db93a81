import type {ParsedDenial} from '../../diagnosis/error-message/parsed-denial.js';
import type {PolicyJson} from '../../diagnosis/snapshot.js';
import {accountOfArn, parseArn} from '../../engine/arn.js';
import {buildManualSnapshot, type Pasted} from './build-snapshot.js';
import {ask} from './flow-steps.js';
import type {Ending, Flow, FlowEnv} from './flow-types.js';
import * as questions from './questions.js';
import {bucketAccountFlow, type Target} from './target-flow.js';

/** Without credentials: the caller, the accounts, and the policies pasted one by one (each may stay unknown). */

/** A pasted policy, or none, or unknown. */
function* policyFlow(env: FlowEnv, id: string, title: string, noneLabel?: string): Flow<Pasted> {
	const how = yield* ask(questions.policyHowQuestion(`${id}-how`, title, `The ${title.toLowerCase()}:`, noneLabel));
	if (how === 'none') return null;
	if (how === 'unknown') return undefined;
	const text = yield* ask(questions.policyPasteQuestion(env, id, title, `Paste the ${title.toLowerCase()} (JSON).`));
	return JSON.parse(text) as PolicyJson;
}

export function* manualFlow(env: FlowEnv, target: Target, denial: ParsedDenial | undefined): Flow<Ending> {
	const {question} = target;
	const principalArn = denial?.principal && questions.principalQuestion.validate(denial.principal) === undefined ? denial.principal : yield* ask(questions.principalQuestion);
	const callerAccount = accountOfArn(principalArn);
	const bucketAccount = yield* bucketAccountFlow(question.bucket, callerAccount);
	const keyRegion = target.keyArn ? parseArn(target.keyArn)?.region : undefined;
	const regionText = yield* ask(questions.bucketRegionQuestion(keyRegion));
	const keyPolicy = target.keyArn ? yield* policyFlow(env, 'key-policy', 'Key policy') : undefined;

	const identityHow = yield* ask(questions.policyHowQuestion('identity-how', 'Identity policies', "The caller's identity policies (IAM policies of the user or role):", 'The caller has none'));
	let identityPolicies: PolicyJson[] | null | undefined = identityHow === 'none' ? null : undefined;
	if (identityHow === 'paste') {
		identityPolicies = [];
		for (let index = 1; index <= 10; index++) {
			const text = yield* ask(questions.policyPasteQuestion(env, `identity-policy-${index}`, `Identity policy ${index}`, `Paste identity policy ${index} (JSON).`));
			identityPolicies.push(JSON.parse(text) as PolicyJson);
			if (index === 10 || (yield* ask(questions.morePoliciesQuestion(index))) === 'no') break;
		}
	}
	const bucketPolicy = yield* policyFlow(env, 'bucket-policy', 'Bucket policy', 'The bucket has no bucket policy');
	let sourceKeyPolicy: Pasted;
	let sourceBucketPolicy: Pasted;
	if (question.operation === 'copy' && question.source) {
		sourceKeyPolicy = target.sourceKeyArn ? yield* policyFlow(env, 'source-key-policy', "Source key's policy") : undefined;
		sourceBucketPolicy = question.source.bucket === question.bucket ? bucketPolicy : yield* policyFlow(env, 'source-bucket-policy', "Source bucket's policy", 'The source bucket has no bucket policy');
	}
	const guard = yield* ask(questions.guardrailsQuestion);
	let guardrails: 'none' | 'unknown' | {boundary: PolicyJson} = guard === 'none' ? 'none' : 'unknown';
	if (guard === 'boundary') {
		const text = yield* ask(questions.policyPasteQuestion(env, 'boundary-policy', 'Permissions boundary', 'Paste the permissions boundary (JSON).'));
		guardrails = {boundary: JSON.parse(text) as PolicyJson};
	}
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
