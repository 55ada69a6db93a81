import {Box, Text} from 'ink';
import {visible} from '../../report/sanitize.js';
import {useKeys} from '../keys/use-keys.js';
import {matches} from '../keymap.js';
import type {ReadProgress} from '../services.js';
import {Spinner} from '../spinner.js';
import {readColour, readMark, theme} from '../theme.js';
import {truncate} from '../text/truncate.js';
import {Hanging} from '../text/hanging.js';
import {fitHints, hints} from '../text/fit-hints.js';
import type {Wait} from './flow-types.js';

const waitLabel = (wait: Wait): string => {
	switch (wait.kind) {
		case 'start-up':
			return 'Reading your AWS profiles…';
		case 'examples':
			return 'Loading the built-in examples…';
		case 'file':
			return `Reading ${wait.path}…`;
		case 'weigher':
			return 'Weighing which questions can change the answer…';
		case 'reach':
			return `Checking that profile ${wait.profile} can reach AWS (sts:GetCallerIdentity)…`;
		case 'collect':
			return `Reading with profile ${wait.request.profile}${wait.request.bucketProfile ? ` and ${wait.request.bucketProfile}` : ''}…`;
	}
};

/** One line per live read: a spinner while it runs, then ✔, or ? with the reason (AWS's words, which may quote a customer's: made visible). */
export const ReadList = ({reads, width}: {readonly reads: readonly ReadProgress[]; readonly width: number}) => (
	<Box flexDirection="column">
		{reads.map(read => (
			<Box key={read.id}>
				<Box width={4} flexShrink={0} paddingLeft={2}>
					{read.state === 'running' ? (
						<Spinner />
					) : (
						<Text color={readColour[read.state]}>{readMark[read.state]}</Text>
					)}
				</Box>
				<Text wrap="truncate">{truncate(visible(`${read.label}${read.detail ? ` — ${read.detail}` : ''}`), width - 5)}</Text>
			</Box>
		))}
	</Box>
);

/** Work in progress (profiles, a file, live reads); Esc gives up and goes back. */
type ScreenKeys = {readonly onHelp: () => void; readonly onQuit: () => void};

/** Nothing is typed while work runs: ? shows the keys and q quits, as on the result screen. */
const useScreenKeys = ({onHelp, onQuit}: ScreenKeys, onBack: (() => void) | undefined): void => {
	useKeys((input, key) => {
		if (onBack && matches('back', input, key)) onBack();
		else if (matches('help', input, key)) onHelp();
		else if (matches('quit', input, key)) onQuit();
	});
};

export const WaitView = ({wait, reads, width, canGoBack, onBack, ...keys}: {readonly wait: Wait; readonly reads: readonly ReadProgress[]; readonly width: number; readonly canGoBack: boolean; readonly onBack: () => void} & ScreenKeys) => {
	useScreenKeys(keys, canGoBack ? onBack : undefined);
	return (
		<Box flexDirection="column">
			<Spinner label={waitLabel(wait)} />
			{wait.kind === 'collect' && <ReadList reads={reads} width={width} />}
			<Text color={theme.muted} wrap="truncate">
				{`  ${fitHints(hints([canGoBack && ['Esc', 'cancel and go back']], [['?', 'keys'], ['q', 'quit']]), width - 2)}`}
			</Text>
		</Box>
	);
};

/** The diagnosis is synchronous but not instant on big policies: say so. */
export const Diagnosing = () => <Spinner label="Diagnosing…" />;

export const DiagnosisFailed = ({message, onBack, ...keys}: {readonly message: string; readonly onBack: () => void} & ScreenKeys) => {
	useScreenKeys(keys, onBack);
	return (
		<Box flexDirection="column">
			<Hanging prefix="✘ " text={message} color={theme.failure} />
			<Text color={theme.muted}>{'  Esc go back · ? keys · q quit'}</Text>
		</Box>
	);
};
