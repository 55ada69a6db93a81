import type {MarkColor, MarkStyle} from './marks.js';

/** ANSI styling for the text report; with `enabled` false every function returns its text unchanged. */

const colorCodes: Readonly<Record<MarkColor, number>> = {green: 32, red: 31, magenta: 35, yellow: 33, gray: 90};

const wrapCode = (text: string, open: number, close: number): string => `\u001B[${open}m${text}\u001B[${close}m`;

export type Painter = {
	readonly style: (text: string, style: MarkStyle) => string;
	readonly bold: (text: string) => string;
	readonly dim: (text: string) => string;
};

export const painter = (enabled: boolean): Painter => ({
	style: (text, style) => {
		if (!enabled || text === '') return text;
		let result = style.color ? wrapCode(text, colorCodes[style.color], 39) : text;
		if (style.dim) result = wrapCode(result, 2, 22);
		return result;
	},
	bold: text => (enabled && text !== '' ? wrapCode(text, 1, 22) : text),
	dim: text => (enabled && text !== '' ? wrapCode(text, 2, 22) : text),
});
