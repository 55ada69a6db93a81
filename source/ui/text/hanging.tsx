import {Box, Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import {wrapText} from './wrap.js';

/**
 * A message under its mark: `    ✘ ` then the text, every wrapped line starting under the text's first
 * character, never at column 0. With a width the lines are wrapped here (ARNs break after `:` or `/`,
 * and the caller can count them); without one, Ink wraps the text inside the column beside the mark.
 * The text is one paragraph and may quote a customer (a path, a profile, an error's words): it is made
 * visible before it is measured, so a line break or an escape in it is shown, never acted on.
 */

/** The lines of a hanging message, for views that count their lines. */
export const hangingLines = (prefix: string, text: string, width: number): string[] => {
	const indent = ' '.repeat([...prefix].length);
	return wrapText(visible(text), width - indent.length, '').map((line, index) => `${index === 0 ? prefix : indent}${line}`);
};

export const Hanging = ({prefix, text, color, width}: {readonly prefix: string; readonly text: string; readonly color?: string; readonly width?: number}) => {
	if (width !== undefined) {
		return (
			<Box flexDirection="column">
				{hangingLines(prefix, text, width).map((line, index) => (
					<Text key={index} wrap="truncate" {...(color ? {color} : {})}>
						{line}
					</Text>
				))}
			</Box>
		);
	}
	return (
		<Box>
			<Text {...(color ? {color} : {})}>{prefix}</Text>
			<Box flexShrink={1}>
				<Text wrap="wrap" {...(color ? {color} : {})}>
					{visible(text)}
				</Text>
			</Box>
		</Box>
	);
};
