import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {evidenceOf} from './denial-evidence.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {accountOfArn} from '../../engine/arn.js';
import type {CollectRequest, ReadProgress} from '../services.js';
import {detectedFacts} from './detected-facts.js';
import {deniedByOf, deniedPolicyFlow, withDeniedPolicy} from './denied-policy-flow.js';
import {roleArnFlow} from './role-arn-flow.js';
import {sessionTagsFlow} from './session-tags-flow.js';
import {pasteHints} from './paste-answers.js';
import {ask, show, waitFor} from './flow-steps.js';
import type {Ending, Flow, FlowEnv} from './flow-types.js';
import {profileOfAnswer} from './profile-answer.js';
import * as questions from './live-questions.js';
import {bucketAccountFlow, type Target} from './target-flow.js';

/**
 * Right after a profile is chosen, before any question about the request: can any read work with it? When not
 * (the network, rejected or expired credentials, an expired SSO session), the one line saying why, and a choice.
 */
export function* reachFlow(env: FlowEnv, profileName: string): Flow<void> {
	const reach = env.reaches[profileName];
	if (!reach) return yield* waitFor({kind: 'reach', profile: profileName});
	if (!reach.ok) {
		yield* ask(questions.unreachableQuestion(reach.error));
		throw new Error('unreachable is answered by the session, never stored');
	}
}

/** With a profile: read, show what was found, ask only what the reads could not tell. */
export function* liveFlow(env: FlowEnv, profileName: string, target: Target, denial: ParsedDenial | undefined, actingRole?: string): Flow<Ending> {
	const profile = env.profiles?.find(candidate => candidate.name === profileName);
	const region = profile?.region ? undefined : (target.regionFromUrl ?? (yield* ask(questions.regionQuestion(env.settings?.lastRegion))));
	let other: string | undefined;
	if ((env.profiles?.length ?? 0) > 1) {
		other = profileOfAnswer(yield* ask(questions.otherProfileQuestion(env, profileName)));
	}
	const request: CollectRequest = {
		profile: profileName,
		...(other ? {bucketProfile: other, keyProfile: other} : {}),
		...(region ? {region} : {}),
		...(actingRole ? {actingRole} : {}),
		question: target.question,
		...(target.presignedUrl ? {presignedUrl: target.presignedUrl} : {}),
	};
	// Size and tool change no read: leave them out of the key so changing them does not read again.
	const {sizeBytes: _size, tool: _tool, ...readQuestion} = target.question;
	const key = JSON.stringify({...request, question: readQuestion});
	const collection = env.collections[key];
	if (!collection?.outcome) return yield* waitFor({kind: 'collect', key, request});
	yield {kind: 'show', step: {kind: 'reads', reads: collection.reads}};
	if (!collection.outcome.ok) {
		yield* ask(questions.collectFailedQuestion(collection.outcome.error));
		throw new Error('collect-failed is answered by the session, never stored');
	}
	let snapshot: Snapshot = {...collection.outcome.value, question: {...collection.outcome.value.question, ...target.question}};
	yield* show(detectedFacts(snapshot));
	const caller = snapshot.principal?.arn;
	if (denial?.principal && caller && denial.principal !== caller) {
		yield* show([{tone: 'warning', text: `The error names ${denial.principal}, but profile ${profileName} is ${caller}: the result is for ${caller}.`}]);
	} else {
		// The error is this caller's: an SCP or RCP it names as what denied (a Deny, or none allowing) is evidence beside the reads.
		const evidence = evidenceOf(denial);
		if (evidence.length > 0) snapshot = {...snapshot, evidence};
	}
	if (!snapshot.bucket?.accountId) {
		const account = yield* bucketAccountFlow(target.question.bucket, caller ? accountOfArn(caller) : undefined);
		if (account.id) snapshot = {...snapshot, bucket: {...snapshot.bucket, accountId: account.id}};
		else if (account.notCallers) snapshot = {...snapshot, bucket: {...snapshot.bucket, notCallersAccount: true}};
	}
	// A boundary or session policy the error says denied, and the reads did not find (a session policy never can): pasted, it decides.
	const denied = snapshot.principal && snapshot.evidence ? deniedByOf(snapshot.evidence, snapshot.principal) : undefined;
	// GetRole/GetUser named the boundary but its document was not read: the paste is that policy's, asked for by its ARN.
	const boundaryArn = snapshot.principal?.permissionsBoundaryArn;
	let pastedBoundary: questions.PastedBoundary | undefined;
	if (denied && caller) {
		const hints = pasteHints({principalArn: caller, bucket: target.question.bucket, ...(boundaryArn === undefined ? {} : {boundaryArn})});
		const policy = yield* deniedPolicyFlow(env, hints, denied, caller, boundaryArn);
		if (policy) snapshot = withDeniedPolicy(snapshot, denied.kind, policy);
		if (policy && denied.kind === 'boundary') pastedBoundary = {failedReads: boundaryArn === undefined ? 0 : collection.reads.filter(read => read.state !== 'ok' && readsPolicy(read, boundaryArn)).length};
	}
	snapshot = yield* sessionTagsFlow(yield* roleArnFlow(snapshot));
	yield* ask(questions.readsDoneQuestion(collection.reads.length, collection.reads.filter(read => read.state !== 'ok').length, pastedBoundary));
	return {snapshot, mode: 'live', collectKey: key};
}

/** A read of that managed policy: the live reads name the policy they read in their label (`iam:GetPolicy ARN (…)`). */
const readsPolicy = (read: ReadProgress, policyArn: string): boolean => read.label.split(' ').includes(policyArn);
