import {useEffect, useRef, type Dispatch} from 'react';
import type {Diagnosis} from '../../diagnosis/diagnosis.js';
import type {Result} from '../../shared/result.js';
import type {Ending} from '../conversation/flow-types.js';
import type {Answers} from '../conversation/walk.js';
import type {WizardServices, WizardSettings} from '../services.js';
import {rememberRun} from './remember.js';
import type {SessionAction} from './session-state.js';

export type Run = {
	readonly ending: Ending | undefined;
	readonly diagnosis: Result<Diagnosis, string> | undefined;
	readonly snapshotKey: string | undefined;
	readonly settings: WizardSettings | undefined;
	readonly answers: Answers;
};

/** Remember the run once its result is on screen (never a policy, never a credential: see remember.ts). */
export const useRemember = ({ending, diagnosis, snapshotKey, settings, answers}: Run, services: WizardServices, dispatch: Dispatch<SessionAction>): void => {
	const endingRef = useRef(ending);
	endingRef.current = ending;
	const rememberedKey = useRef<string | undefined>(undefined);
	useEffect(() => {
		const current = endingRef.current;
		if (!current || !diagnosis?.ok || !settings || rememberedKey.current === snapshotKey) return;
		rememberedKey.current = snapshotKey;
		const remembered = rememberRun(settings, answers, current);
		if (remembered === settings) return;
		dispatch({type: 'settings-saved', settings: remembered});
		services.settings.save(remembered).catch(() => {
			// Remembering is a convenience: a read-only config folder must not break the diagnosis.
		});
	}, [diagnosis, snapshotKey, settings, answers, services, dispatch]);
};
