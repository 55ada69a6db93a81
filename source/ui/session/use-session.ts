import {useCallback, useMemo, useReducer} from 'react';
import type {FlowEnv} from '../conversation/flow-types.js';
import type {QuestionId} from '../conversation/question.js';
import {previousQuestionId, walk, type Answers} from '../conversation/walk.js';
import type {WizardServices, WizardSettings} from '../services.js';
import {sessionReducer, type SessionState} from './session-state.js';
import {useDiagnosis} from './use-diagnosis.js';
import {useRemember} from './use-remember.js';
import {firstSession, useStartUp} from './use-start-up.js';
import {useWaits} from './use-waits.js';

/** What the flows read besides the answers: what has been loaded or read so far, and the pure services. */
const flowEnv = (state: SessionState, services: WizardServices): FlowEnv => ({
	...(state.profiles ? {profiles: state.profiles} : {profilesLoading: true}),
	...(state.profilesProblem ? {profilesProblem: state.profilesProblem} : {}),
	...(state.startSettings ? {settings: state.startSettings} : {}),
	...(state.examples ? {examples: state.examples} : {}),
	...(state.examplesProblem ? {examplesProblem: state.examplesProblem} : {}),
	files: state.files,
	collections: state.collections,
	reaches: state.reaches,
	parseError: services.parseError,
	checkPolicy: services.checkPolicy,
	now: services.now,
	greetingNotes: state.greetingNotes,
	...(state.weigher ? {weigher: state.weigher} : {}),
});

/**
 * The session: reducer state and the conversation walked from it (see "The wizard's replay loop" in
 * docs/architecture.md), with one hook for each kind of work it sets off: start-up, the waits, the
 * diagnosis and remembering the run. Every effect is asynchronous, so the first frame never waits.
 */
export const useSession = (services: WizardServices, savedName?: string, startSettings?: WizardSettings) => {
	const [state, dispatch] = useReducer(sessionReducer, undefined, () => firstSession(startSettings, savedName));
	useStartUp(services, dispatch, savedName, startSettings !== undefined);

	const env = useMemo(
		() => flowEnv(state, services),
		// Only what flowEnv reads: a new answer must not rebuild the env (the walk is memoised on it).
		[state.profiles, state.profilesProblem, state.startSettings, state.examples, state.examplesProblem, state.files, state.collections, state.reaches, state.greetingNotes, state.weigher, services],
	);
	const conversation = useMemo(() => walk(state.answers, env, state.stopAt, state.askedAbout, state.drafts), [state.answers, env, state.stopAt, state.askedAbout, state.drafts]);
	const {next} = conversation;

	useWaits(next.kind === 'wait' ? next.wait : undefined, services, dispatch);
	const ending = next.kind === 'done' ? next.ending : undefined;
	const {diagnosis, snapshotKey} = useDiagnosis(ending, state.diagnosis, services, dispatch);
	useRemember({ending, diagnosis, snapshotKey, settings: state.settings, answers: state.answers}, services, dispatch);

	const answer = useCallback(
		(id: QuestionId, value: string, sets?: Answers, about?: string) => dispatch({type: 'answer', id, value, ...(sets ? {sets} : {}), ...(about === undefined ? {} : {about})}),
		[],
	);
	/** `draft`: the text left in the field Esc was pressed in, kept for when the walk comes back to it. */
	const goBack = useCallback(
		(draft?: {readonly id: QuestionId; readonly text: string}) => {
			const to = previousQuestionId(conversation.steps);
			if (to !== undefined) dispatch({type: 'go-back', to, ...(draft ? {draft} : {})});
		},
		[conversation.steps],
	);
	return {state, conversation, ending, diagnosis, dispatch, answer, goBack};
};

export type Session = ReturnType<typeof useSession>;
