import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {err, ok} from '../../shared/result.js';
import type {FlowEnv} from '../conversation/flow-types.js';
import type {QuestionId} from '../conversation/question.js';
import {previousQuestionId, walk, type Answers} from '../conversation/walk.js';
import type {WizardServices, WizardSettings} from '../services.js';
import {emptySettings, rememberRun} from './remember.js';
import {initialSession, sessionReducer} from './session-state.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The session: reducer state, the conversation walked from it, and the effects that load, read and
 * diagnose when the walk waits for them. Every effect is asynchronous, so the first frame never waits.
 */
export const useSession = (services: WizardServices, savedName?: string, startSettings?: WizardSettings) => {
	// Settings read before the first frame (the command reads the small file while Ink loads) start the
	// session with them: the first question is then drawn at once, and the profiles fill it in later.
	const [state, dispatch] = useReducer(sessionReducer, undefined, () =>
		startSettings ? sessionReducer(initialSession, {type: 'settings-loaded', settings: startSettings, ...(savedName === undefined ? {} : {savedName})}) : initialSession,
	);
	const hasStartSettings = startSettings !== undefined;

	useEffect(() => {
		let live = true;
		services.listProfiles().then(
			profiles => live && dispatch({type: 'profiles-loaded', profiles}),
			(error: unknown) => live && dispatch({type: 'profiles-loaded', profiles: [], problem: `Could not read your AWS profiles: ${messageOf(error)}`}),
		);
		if (!hasStartSettings) {
			services.settings.load().then(
				settings => live && dispatch({type: 'settings-loaded', settings, ...(savedName === undefined ? {} : {savedName})}),
				() => live && dispatch({type: 'settings-loaded', settings: emptySettings, ...(savedName === undefined ? {} : {savedName})}),
			);
		}
		return () => {
			live = false;
		};
	}, [services, savedName, hasStartSettings]);

	const env: FlowEnv = useMemo(
		() => ({
			...(state.profiles ? {profiles: state.profiles} : {profilesLoading: true}),
			...(state.profilesProblem ? {profilesProblem: state.profilesProblem} : {}),
			...(state.startSettings ? {settings: state.startSettings} : {}),
			...(state.examples ? {examples: state.examples} : {}),
			...(state.examplesProblem ? {examplesProblem: state.examplesProblem} : {}),
			files: state.files,
			collections: state.collections,
			parseError: services.parseError,
			checkPolicy: services.checkPolicy,
			now: services.now,
			greetingNotes: state.greetingNotes,
		}),
		[state.profiles, state.profilesProblem, state.startSettings, state.examples, state.examplesProblem, state.files, state.collections, state.greetingNotes, services],
	);
	const conversation = useMemo(() => walk(state.answers, env, state.stopAt), [state.answers, env, state.stopAt]);
	const {next} = conversation;

	const wait = next.kind === 'wait' ? next.wait : undefined;
	const waitKey = wait ? JSON.stringify(wait) : undefined;
	useEffect(() => {
		if (!wait) return;
		let live = true;
		let finished = false;
		const controller = new AbortController();
		if (wait.kind === 'examples') {
			services.listExamples().then(
				examples => live && dispatch({type: 'examples-loaded', examples}),
				(error: unknown) => live && dispatch({type: 'examples-loaded', examples: [], problem: `Could not load the built-in examples: ${messageOf(error)}`}),
			);
		} else if (wait.kind === 'file') {
			services.readSnapshotFile(wait.path).then(
				result => live && dispatch({type: 'file-read', path: wait.path, result}),
				(error: unknown) => live && dispatch({type: 'file-read', path: wait.path, result: err(`${wait.path}: ${messageOf(error)}`)}),
			);
		} else if (wait.kind === 'collect') {
			const {key, request} = wait;
			services
				.collect(request, progress => live && dispatch({type: 'collect-progress', key, progress}), controller.signal)
				.then(
					outcome => {
						finished = true;
						if (live) dispatch({type: 'collect-done', key, outcome});
					},
					(error: unknown) => {
						finished = true;
						if (live) dispatch({type: 'collect-done', key, outcome: err(messageOf(error))});
					},
				);
		}
		return () => {
			live = false;
			controller.abort();
			// Reads given up half-way (the user went back) start afresh next time.
			if (wait.kind === 'collect' && !finished) dispatch({type: 'forget-collection', key: wait.key});
		};
		// The wait's JSON is its identity (the object itself is rebuilt on every walk), hence waitKey.
	}, [waitKey, services]);

	const ending = next.kind === 'done' ? next.ending : undefined;
	const snapshotKey = useMemo(() => (ending ? JSON.stringify(ending.snapshot) : undefined), [ending]);
	const endingRef = useRef(ending);
	endingRef.current = ending;
	useEffect(() => {
		const current = endingRef.current;
		if (!current || snapshotKey === undefined) return;
		let live = true;
		// Let the "Diagnosing…" frame reach the terminal before the work starts.
		const timer = setTimeout(() => {
			services.diagnose(current.snapshot).then(
				diagnosis => live && dispatch({type: 'diagnosed', outcome: {snapshotKey, result: ok(diagnosis)}}),
				(error: unknown) =>
					live &&
					dispatch({
						type: 'diagnosed',
						outcome: {snapshotKey, result: err(`the diagnosis failed: ${messageOf(error)} (please report it, with the snapshot saved by s3-kms-doctor check --save-snapshot)`)},
					}),
			);
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [snapshotKey, services]);

	const diagnosis = state.diagnosis && state.diagnosis.snapshotKey === snapshotKey ? state.diagnosis.result : undefined;

	// Remember the run once its result is on screen (never a policy, never a credential: see remember.ts).
	const rememberedKey = useRef<string | undefined>(undefined);
	useEffect(() => {
		const current = endingRef.current;
		if (!current || !diagnosis?.ok || !state.settings || rememberedKey.current === snapshotKey) return;
		rememberedKey.current = snapshotKey;
		const settings = rememberRun(state.settings, state.answers, current);
		if (settings === state.settings) return;
		dispatch({type: 'settings-saved', settings});
		services.settings.save(settings).catch(() => {
			// Remembering is a convenience: a read-only config folder must not break the diagnosis.
		});
	}, [diagnosis, snapshotKey, state.settings, state.answers, services]);

	const answer = useCallback((id: QuestionId, value: string, sets?: Answers) => dispatch({type: 'answer', id, value, ...(sets ? {sets} : {})}), []);
	const goBack = useCallback(() => {
		const to = previousQuestionId(conversation.steps);
		if (to !== undefined) dispatch({type: 'go-back', to});
	}, [conversation.steps]);
	return {state, conversation, ending, diagnosis, dispatch, answer, goBack};
};

export type Session = ReturnType<typeof useSession>;
