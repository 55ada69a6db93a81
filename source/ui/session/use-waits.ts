import {useEffect, type Dispatch} from 'react';
import {err} from '../../shared/result.js';
import type {Wait} from '../conversation/flow-types.js';
import type {WizardServices} from '../services.js';
import {messageOf} from './message-of.js';
import type {SessionAction} from './session-state.js';

/**
 * The work the conversation waits for: the built-in examples, a snapshot file, whether a profile can reach AWS, live reads. Each result
 * goes into the session, and the walk then goes on from where it stopped. Work the conversation no longer
 * waits for (the user went back) is dropped: its result is ignored, and reads are aborted.
 */
export const useWaits = (wait: Wait | undefined, services: WizardServices, dispatch: Dispatch<SessionAction>): void => {
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
		} else if (wait.kind === 'reach') {
			const {profile} = wait;
			services.checkReach(profile, controller.signal).then(
				result => live && dispatch({type: 'reach-checked', profile, result}),
				(error: unknown) => live && dispatch({type: 'reach-checked', profile, result: err(`profile ${profile}: ${messageOf(error)}`)}),
			);
		} else if (wait.kind === 'weigher') {
			// Should it not load, every question is asked: an answer is never skipped unweighed.
			services.loadWeigher().then(
				weigher => live && dispatch({type: 'weigher-loaded', weigher}),
				() => live && dispatch({type: 'weigher-loaded', weigher: {answersDiffer: () => true, grantsCanMatter: () => true}}),
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
	}, [waitKey, services, dispatch]);
};
