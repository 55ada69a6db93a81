import type {ParsedDenial} from '../../inputs/error-message/parsed-denial.js';
import {denialMeaning, notADenial} from './denial-meaning.js';
import {denialFacts} from './detected-facts.js';
import {ask, show, waitFor} from './flow-steps.js';
import type {Ending, Flow, FlowEnv} from './flow-types.js';
import {liveFlow, reachFlow} from './live-flow.js';
import {manualFlow} from './manual-flow.js';
import {profileOfAnswer} from './profile-answer.js';
import type {Note} from './question.js';
import * as questions from './start-questions.js';
import {targetFlow} from './target-flow.js';
import {distributionFlow, withDistribution} from './distribution-flow.js';
import {withPresignedUrl} from './presigned-flow.js';
import {serviceFlow, withService} from './service-flow.js';

/**
 * The decision tree, written as a generator: it yields a question and receives the answer, so the order
 * reads top to bottom. walk.ts drives it with the stored answers; nothing here has side effects. It starts
 * here (how to look at the request: start-questions.ts), then goes to an example, a file, or the target
 * (target-flow.ts) read with a profile (live-flow.ts) or from pasted policies (manual-flow.ts); each flow's
 * questions are in the questions file beside it.
 */

function* exampleFlow(env: FlowEnv): Flow<Ending> {
	if (!env.examples) return yield* waitFor({kind: 'examples'});
	if (env.examples.length === 0) {
		yield* ask({...questions.exampleQuestion(env), options: []}, env.examplesProblem ?? 'no built-in examples were found next to the program');
	}
	const id = yield* ask(questions.exampleQuestion(env));
	const example = env.examples.find(candidate => candidate.id === id)!;
	return {snapshot: example.snapshot, mode: 'example'};
}

function* fileFlow(env: FlowEnv): Flow<Ending> {
	const path = yield* ask(questions.fileQuestion);
	const loaded = env.files[path];
	if (!loaded) return yield* waitFor({kind: 'file', path});
	if (!loaded.ok) {
		yield* ask(questions.fileQuestion, loaded.error);
		throw new Error('unreachable: a question with a problem stops the walk');
	}
	yield* show([{tone: 'found', text: `${loaded.value.metadata?.title ?? 'Snapshot'}: ${loaded.value.question.operation} s3://${loaded.value.question.bucket}/${loaded.value.question.objectKey}`}]);
	return {snapshot: loaded.value, mode: 'file', filePath: path};
}

export function* conversation(env: FlowEnv): Flow<Ending> {
	if ((!env.profiles && !env.profilesLoading) || !env.settings) return yield* waitFor({kind: 'start-up'});
	const startNotes: Note[] = [...(env.greetingNotes ?? [])];
	// While the profiles are still being read, the question's own "reading profiles…" line says so.
	if (env.profilesProblem) startNotes.push({tone: 'warning', text: env.profilesProblem});
	else if (env.profiles?.length === 0) startNotes.push({tone: 'info', text: 'No AWS profiles found (~/.aws/config, ~/.aws/credentials): you can still paste policies, load a snapshot or try an example.'});
	let how = yield* ask(questions.startQuestion(env), undefined, startNotes);
	if (how === 'example') return yield* exampleFlow(env);
	if (how === 'file') return yield* fileFlow(env);
	let denial: ParsedDenial | undefined;
	if (how === 'error') {
		const text = yield* ask(questions.errorQuestion(env));
		const parsed = env.parseError(text);
		denial = parsed.ok ? parsed.value : undefined;
		const other = denial ? notADenial(denial) : undefined;
		if (denial && other) {
			// Its summary is the paste's own `!` line; the permissions that follow cannot answer it, so the user decides.
			yield* show([...denialFacts(denial), ...other.notes]);
			yield* ask(questions.notDenialQuestion(denial.errorCode ?? 'This error'));
		} else if (denial) yield* show([...denialFacts(denial), ...denialMeaning(denial)]);
		// With no profiles there is nothing to choose: pasting the policies is the only way on.
		const readHow = questions.readHowQuestion(env);
		how = readHow.options.length === 1 && !env.profilesLoading ? readHow.options[0]!.value : yield* ask(readHow);
	}
	const profile = profileOfAnswer(how);
	// Whether AWS can be reached at all is known before the request is asked about.
	if (profile !== undefined) yield* reachFlow(env, profile);
	const target = yield* targetFlow(env, denial, profile !== undefined);
	const distribution = yield* distributionFlow(target.question.operation);
	// Athena's own wording of the error already says which service read or wrote.
	const service = yield* serviceFlow(target.question.operation, profile !== undefined, denial?.athena ? 'athena' : undefined);
	// A service's own role makes its requests: the reads, or the pasted policies, are the role's.
	const actingRole = service?.roleArn;
	const ending = profile !== undefined ? yield* liveFlow(env, profile, target, denial, actingRole) : yield* manualFlow(env, target, denial, actingRole);
	return withService(withPresignedUrl(withDistribution(ending, distribution), target.presignedUrl), service);
}
