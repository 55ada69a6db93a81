import {useReducer} from 'react';

/** The export dialog's steps: name the file, write it, and when the name is taken ask before replacing. */

export type FileDialogStage =
	| {readonly kind: 'naming'; readonly path: string; readonly problem?: string}
	| {readonly kind: 'writing'; readonly path: string}
	| {readonly kind: 'exists'; readonly path: string};

type Action =
	| {readonly type: 'write'; readonly path: string}
	| {readonly type: 'exists'; readonly path: string}
	| {readonly type: 'failed'; readonly path: string; readonly problem: string}
	| {readonly type: 'rename'; readonly path: string};

const reducer = (_stage: FileDialogStage, action: Action): FileDialogStage => {
	switch (action.type) {
		case 'write':
			return {kind: 'writing', path: action.path};
		case 'exists':
			return {kind: 'exists', path: action.path};
		case 'failed':
			return {kind: 'naming', path: action.path, problem: action.problem};
		case 'rename':
			return {kind: 'naming', path: action.path};
	}
};

export const useFileDialogState = (defaultPath: string) => {
	const [stage, dispatch] = useReducer(reducer, {kind: 'naming', path: defaultPath});
	return {stage, dispatch};
};
