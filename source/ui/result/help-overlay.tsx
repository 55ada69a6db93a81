import {Box, Text} from 'ink';
import {keymap, resultScreenKeys, type KeyName} from '../keymap.js';
import {statusLegendEntry, statusOrder} from '../../report/marks.js';
import {theme} from '../theme.js';

/** Every key of the result screen, from the keymap itself, and what the marks mean. */
export const HelpOverlay = ({keys = resultScreenKeys}: {readonly keys?: readonly KeyName[]}) => (
	<Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
		<Text bold>Keys</Text>
		{keys.map(name => (
			<Text key={name} wrap="truncate">
				<Text color={theme.accent}>{keymap[name].label.padEnd(7)}</Text>
				{keymap[name].description}
			</Text>
		))}
		<Text wrap="truncate">
			{statusOrder.map(statusLegendEntry).join('   ')}
		</Text>
		<Text color={theme.muted}>? or Esc to close</Text>
	</Box>
);

export const helpOverlayHeight = resultScreenKeys.length + 5;
