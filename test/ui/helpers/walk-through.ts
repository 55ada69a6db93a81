import type {Rendered} from './render.js';

/** One step of a wizard run: the text to wait for, the keys to press then, and text to paste before them. */
export type Step = readonly [wait: string, presses: readonly string[], paste?: string];

export const walkThrough = async (rendered: Rendered, steps: readonly Step[]): Promise<void> => {
	for (const [wait, presses, text] of steps) {
		await rendered.waitFor(frame => frame.includes(wait), wait);
		if (text) await rendered.paste(text);
		await rendered.press(...presses);
	}
};
