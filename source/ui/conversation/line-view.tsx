import {Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import type {Line} from './transcript-lines.js';

/** One prepared line: a coloured mark, then the text (made visible: it may quote a customer), never wrapping. */
export const LineView = ({line}: {readonly line: Line}) => (
	<Text wrap="truncate" dimColor={line.dim ?? false} {...(line.colour ? {color: line.colour} : {})}>
		{line.mark ? <Text {...(line.markColour ? {color: line.markColour} : {})}>{line.mark}</Text> : null}
		{line.text === '' && !line.mark ? ' ' : visible(line.text)}
	</Text>
);
