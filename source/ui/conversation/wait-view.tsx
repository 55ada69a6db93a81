import {Box, Text} from 'ink';
import {useKeys} from '../keys/use-keys.js';
import {matches} from '../keymap.js';
import type {ReadProgress} from '../services.js';
import {Spinner} from '../spinner.js';
import {readColour, readMark, theme} from '../theme.js';
import {Hanging} from '../text/hanging.js';
import {truncate} from '../text/wrap.js';
import type {Wait} from './flow-types.js';

const waitLabel = (wait: Wait): string => {
	switch (wait.kind) {
		case 'start-up':
			return 'Reading your AWS profiles…';
		case 'examples':
			return 'Loading the built-in examples…';
		case 'file':
			return `Reading ${wait.path}…`;
		case 'collect':
			return `Reading with profile ${wait.request.profile}${wait.request.bucketProfile ? ` and ${wait.request.bucketProfile}` : ''}…`;
	}
};

/** One line per live read: a spinner while it runs, then ✔, or ? with the reason. */
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
				<Text wrap="truncate">{truncate(`${read.label}${read.detail ? ` — ${read.detail}` : ''}`, width - 5)}</Text>
			</Box>
		))}
	</Box>
);

/** Work in progress (profiles, a file, live reads); Esc gives up and goes back. */
export const WaitView = ({wait, reads, width, canGoBack, onBack}: {readonly wait: Wait; readonly reads: readonly ReadProgress[]; readonly width: number; readonly canGoBack: boolean; readonly onBack: () => void}) => {
	useKeys((input, key) => {
		if (canGoBack && matches('back', input, key)) onBack();
	});
	return (
		<Box flexDirection="column">
			<Spinner label={waitLabel(wait)} />
			{wait.kind === 'collect' && <ReadList reads={reads} width={width} />}
			{canGoBack && <Text color={theme.muted}>{'  Esc cancel and go back · Ctrl+C quit'}</Text>}
		</Box>
	);
};

/** The diagnosis is synchronous but not instant on big policies: say so. */
export const Diagnosing = () => <Spinner label="Diagnosing…" />;

export const DiagnosisFailed = ({message, onBack}: {readonly message: string; readonly onBack: () => void}) => {
	useKeys((input, key) => {
		if (matches('back', input, key)) onBack();
	});
	return (
		<Box flexDirection="column">
			<Hanging prefix="✘ " text={message} color={theme.failure} />
			<Text color={theme.muted}>{'  Esc go back · Ctrl+C quit'}</Text>
		</Box>
	);
};
