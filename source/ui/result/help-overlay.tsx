import {Box, Text} from 'ink';
import {keymap, resultScreenKeys} from '../keymap.js';
import {statusLegendEntry, statusOrder} from '../../report/marks.js';
import {padEnd} from '../../shared/display-width.js';
import {theme} from '../theme.js';

/** Every key of the result screen, from the keymap itself, and what the marks mean. */
export const HelpOverlay = () => (
	<Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
		<Text bold>Keys</Text>
		{resultScreenKeys.map(name => (
			<Text key={name} wrap="truncate">
				<Text color={theme.accent}>{padEnd(keymap[name].label, 7)}</Text>
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
