import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {visible} from '../report/sanitize.js';
import {theme} from './theme.js';

/** Braille dots, as most terminal spinners; 80 ms a frame. */
const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A one-character spinner with an optional label (small and local: @inkjs/ui's index loads every component). The label
 * may name a customer's profile or path: it is made visible.
 */
export const Spinner = ({label}: {readonly label?: string}) => {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame(previous => (previous + 1) % frames.length), 80);
		return () => clearInterval(timer);
	}, []);
	return (
		<Text>
			<Text color={theme.accent}>{frames[frame]}</Text>
			{label ? ` ${visible(label)}` : ''}
		</Text>
	);
};
