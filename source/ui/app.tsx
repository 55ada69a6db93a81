import {useApp} from 'ink';
import {useCallback, useEffect, useState} from 'react';
import {ConversationScreen} from './conversation/conversation-screen.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {KeyRouter} from './keys/key-router.js';
import {ResultScreen} from './result/result-screen.js';
import type {Notice} from './result/use-result-state.js';
import type {WizardServices, WizardSettings} from './services.js';
import {savedCheckOf} from './session/remember.js';
import {useSession} from './session/use-session.js';

export type WizardAppProps = {
	readonly services: WizardServices;
	/** `--saved NAME`: start from a saved check's answers. */
	readonly savedName?: string;
	/** Settings already read: the first question needs no wait (without them, services.settings loads them). */
	readonly settings?: WizardSettings;
};

/** Ctrl+C: the shell's convention for "interrupted" (128 + SIGINT). */
export const interruptedExitCode = 130;

/**
 * The wizard: the conversation until a diagnosis exists, then the result screen (Esc goes back to edit).
 * Quitting (q, or Ctrl+C from anywhere) first draws an empty frame, so no question, dialog or footer is
 * left behind in the terminal, then ends Ink with the exit code (waitUntilExit resolves to it).
 */
export const WizardApp = (props: WizardAppProps) => {
	const {exit} = useApp();
	const [exitCode, setExitCode] = useState<number | undefined>(undefined);
	useEffect(() => {
		if (exitCode !== undefined) exit(exitCode);
	}, [exitCode, exit]);
	if (exitCode !== undefined) return null;
	return (
		<KeyRouter onInterrupt={() => setExitCode(interruptedExitCode)}>
			<Wizard {...props} onQuit={() => setExitCode(0)} />
		</KeyRouter>
	);
};

const Wizard = ({services, savedName, settings: startSettings, onQuit}: WizardAppProps & {readonly onQuit: () => void}) => {
	const {columns, rows} = useTerminalSize();
	const session = useSession(services, savedName, startSettings);
	const {ending, diagnosis, dispatch, state} = session;

	const rerun = useCallback((): Notice | undefined => {
		if (ending?.mode === 'live' && ending.collectKey) {
			dispatch({type: 'forget-collection', key: ending.collectKey});
			return undefined;
		}
		if (ending?.mode === 'file' && ending.filePath) {
			dispatch({type: 'forget-file', path: ending.filePath});
			return undefined;
		}
		const what = ending?.mode === 'example' ? 'a built-in example' : 'pasted policies';
		return {tone: 'info', text: `Nothing to re-read: this result comes from ${what}. Esc goes back to change the answers.`};
	}, [ending, dispatch]);

	const nameCheck = useCallback(
		async (name: string): Promise<Notice> => {
			const check = savedCheckOf(session.conversation.steps, services.now());
			if (!check || !state.settings) return {tone: 'failure', text: 'This check cannot be saved.'};
			const settings = {...state.settings, savedChecks: {...state.settings.savedChecks, [name]: check}};
			try {
				await services.settings.save(settings);
			} catch (error) {
				return {tone: 'failure', text: `Could not save the check: ${error instanceof Error ? error.message : String(error)}`};
			}
			dispatch({type: 'settings-saved', settings});
			return {tone: 'success', text: `✔ Saved as "${name}": re-run it with s3-kms-doctor --saved ${name}`};
		},
		[session.conversation.steps, state.settings, services, dispatch],
	);

	if (ending && diagnosis?.ok) {
		return (
			<ResultScreen
				key={state.revision}
				diagnosis={diagnosis.value}
				snapshot={ending.snapshot}
				services={services}
				width={columns}
				rows={rows}
				onRerun={rerun}
				rereadable={ending.mode === 'live' || ending.mode === 'file'}
				{...(ending.mode === 'live' ? {onNameCheck: nameCheck} : {})}
				savedCheckNames={Object.keys(state.settings?.savedChecks ?? {})}
				onBack={() => session.goBack()}
				onQuit={onQuit}
			/>
		);
	}
	return <ConversationScreen session={session} width={columns} rows={rows} onQuit={onQuit} />;
};
