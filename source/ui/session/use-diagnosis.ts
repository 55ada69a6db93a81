import {useEffect, useMemo, useRef, type Dispatch} from 'react';
import type {Diagnosis} from '../../diagnosis/diagnosis.js';
import {err, ok, type Result} from '../../shared/result.js';
import type {Ending} from '../conversation/flow-types.js';
import type {WizardServices} from '../services.js';
import {messageOf} from './message-of.js';
import type {DiagnosisOutcome, SessionAction} from './session-state.js';

export type DiagnosisState = {
	/** The diagnosis of the ending's snapshot: undefined while it is being made. */
	readonly diagnosis?: Result<Diagnosis, string>;
	/** The ending's snapshot as JSON, its identity: an answer that changes nothing keeps the diagnosis. */
	readonly snapshotKey?: string;
};

/** Diagnose the snapshot the conversation ended with; a result made from another snapshot is not shown. */
export const useDiagnosis = (ending: Ending | undefined, outcome: DiagnosisOutcome | undefined, services: WizardServices, dispatch: Dispatch<SessionAction>): DiagnosisState => {
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
	}, [snapshotKey, services, dispatch]);

	const diagnosis = outcome && outcome.snapshotKey === snapshotKey ? outcome.result : undefined;
	return {...(diagnosis ? {diagnosis} : {}), ...(snapshotKey === undefined ? {} : {snapshotKey})};
};
