import {Box, Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import {TextField} from '../inputs/text-field/text-field.js';
import {checkNameProblem} from '../session/remember.js';
import {theme} from '../theme.js';

/** Asks a name for the current live check; the caller stores it (never a policy or a credential). */
export const NameCheckDialog = ({existing, onSave, onCancel}: {readonly existing: readonly string[]; readonly onSave: (name: string) => void; readonly onCancel: () => void}) => (
	<Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
		<Text bold>Name this check (re-run it later from the first question, or with --saved NAME):</Text>
		<TextField placeholder="e.g. prod-uploads" validate={checkNameProblem} onSubmit={onSave} onBack={onCancel} />
		<Text color={theme.muted} wrap="truncate">
			{`Enter save · Esc cancel${existing.length > 0 ? ` · saved: ${visible(existing.join(', '))} (a same name replaces it)` : ''}`}
		</Text>
	</Box>
);
