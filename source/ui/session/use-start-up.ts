import {useEffect, type Dispatch} from 'react';
import type {WizardServices, WizardSettings} from '../services.js';
import {messageOf} from './message-of.js';
import {emptySettings} from './remember.js';
import {initialSession, sessionReducer, type SessionAction, type SessionState} from './session-state.js';

/**
 * Start-up: the profiles, and the settings unless the command read them already. The first question does
 * not wait for the profiles (its options fill in when they arrive); a saved check's answers come with the settings.
 */

/**
 * Settings read before the first frame (the command reads the small file while Ink loads) start the
 * session with them: the first question is then drawn at once, and the profiles fill it in later.
 */
export const firstSession = (startSettings: WizardSettings | undefined, savedName: string | undefined): SessionState =>
	startSettings ? sessionReducer(initialSession, {type: 'settings-loaded', settings: startSettings, ...(savedName === undefined ? {} : {savedName})}) : initialSession;

export const useStartUp = (services: WizardServices, dispatch: Dispatch<SessionAction>, savedName: string | undefined, hasStartSettings: boolean): void => {
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
	}, [services, dispatch, savedName, hasStartSettings]);
};
