import {Box, Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import {useKeys} from '../keys/use-keys.js';
import {useEffect, useRef} from 'react';
import {TextField} from '../inputs/text-field/text-field.js';
import {matches} from '../keymap.js';
import type {WizardServices} from '../services.js';
import {Spinner} from '../spinner.js';
import {truncateMiddle} from '../text/truncate.js';
import {theme} from '../theme.js';
import {withSuffix} from './file-names.js';
import {useFileDialogState} from './use-file-dialog-state.js';
import type {Notice} from './use-result-state.js';

export type FileDialogProps = {
	readonly what: string;
	readonly defaultPath: string;
	readonly content: () => Promise<string>;
	readonly writeFile: WizardServices['writeFile'];
	readonly onDone: (notice: Notice) => void;
	readonly onCancel: () => void;
	/** The screen's columns: a path is cut in its middle to fit, never broken inside a word. */
	readonly width: number;
};

/** The first free name among `path`, `path-2`, `path-3`…: "never overwrite silently" by adding a suffix. */
const writeFresh = async (writeFile: WizardServices['writeFile'], path: string, text: string) => {
	for (let counter = 2; counter < 100; counter++) {
		const result = await writeFile(withSuffix(path, counter), text, {overwrite: false});
		if (result.ok || result.error.kind !== 'exists') return result;
	}
	return writeFile(withSuffix(path, 100), text, {overwrite: false});
};

/**
 * Why a write failed (`cannot write /a/long/path/report.md: permission denied`) on the one line the screen keeps for it,
 * cut in its middle: its start and its reason stay, and the dialog keeps its height. Inside the field's `    ✘ `.
 */
const oneLineProblem = (problem: string, inner: number): string => truncateMiddle(visible(problem), inner - 6);

/** Name a file, write it, and ask before replacing one: y replaces, n keeps both with a suffix, Esc renames. */
export const FileDialog = ({what, defaultPath, content, writeFile, onDone, onCancel, width}: FileDialogProps) => {
	// Inside the border and its padding.
	const inner = Math.max(width - 4, 20);
	const {stage, dispatch} = useFileDialogState(defaultPath);
	const alive = useRef(true);
	useEffect(
		() => () => {
			alive.current = false;
		},
		[],
	);
	const write = (path: string, mode: 'new' | 'overwrite' | 'suffix'): void => {
		dispatch({type: 'write', path});
		const attempt = content().then(text => (mode === 'suffix' ? writeFresh(writeFile, path, text) : writeFile(path, text, {overwrite: mode === 'overwrite'})));
		attempt.then(
			result => {
				if (!alive.current) return;
				if (result.ok) onDone({tone: 'success', text: `✔ ${what} written to ${result.value}`});
				else if (result.error.kind === 'exists') dispatch({type: 'exists', path});
				else dispatch({type: 'failed', path, problem: result.error.message});
			},
			(error: unknown) => alive.current && dispatch({type: 'failed', path, problem: error instanceof Error ? error.message : String(error)}),
		);
	};
	useKeys(
		(input, key) => {
			if (matches('yes', input, key)) write(stage.path, 'overwrite');
			else if (matches('no', input, key)) write(stage.path, 'suffix');
			else if (matches('back', input, key)) dispatch({type: 'rename', path: stage.path});
		},
		{isActive: stage.kind === 'exists'},
	);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
			{stage.kind === 'naming' && (
				<>
					<Text bold>{`Save the ${what.toLowerCase()} as:`}</Text>
					<TextField
						key={`${stage.path}#${stage.problem ?? ''}`}
						initial={stage.path}
						{...(stage.problem ? {problem: oneLineProblem(stage.problem, inner)} : {})}
						validate={text => (text === '' ? 'type a file name' : undefined)}
						width={inner}
						lineWidth={inner - 4}
						onSubmit={path => write(path, 'new')}
						onBack={onCancel}
					/>
					<Text color={theme.muted}>Enter save · Esc cancel</Text>
				</>
			)}
			{stage.kind === 'writing' && <Spinner label={`Writing ${truncateMiddle(stage.path, inner - 11)}…`} />}
			{stage.kind === 'exists' && (
				<>
					<Text color={theme.warning}>{`! ${truncateMiddle(visible(stage.path), inner - 18)} already exists.`}</Text>
					<Text>y replace it · Esc choose another name</Text>
					<Text>n keep it and save as (or the next free name):</Text>
					<Text>{`  ${truncateMiddle(visible(withSuffix(stage.path, 2)), inner - 2)}`}</Text>
				</>
			)}
		</Box>
	);
};
