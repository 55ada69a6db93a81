import {useInput, useStdin, type Key} from 'ink';
import {createContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import {unstable_LowPriority, unstable_scheduleCallback} from 'scheduler';
import {keyPresses, oneKeyAtATime, type KeyPress} from './split-keys.js';

/**
 * One Ink input listener for the whole app, routing each key to the components that want it. Ink's own
 * useInput subscribes in a passive effect, so keys typed right after a question changes (a fast typist,
 * a paste, tmux sending several keys) would reach the old question or nobody. Here components register
 * in a layout effect, which runs in the same synchronous commit as the render the key caused.
 * Several keys in one read are several key presses (split-keys.ts).
 */

export type KeyHandler = (input: string, key: Key) => void;

type Entry = {readonly handler: {current: KeyHandler}; readonly active: {current: boolean}; readonly typing: {current: boolean}};

type Registry = {readonly add: (entry: Entry) => () => void};

export const KeyRegistry = createContext<Registry | undefined>(undefined);

/** `onInterrupt`: Ctrl+C, taken here before any component sees it, so it quits from every screen and field. */
export const KeyRouter = ({children, onInterrupt}: {readonly children: ReactNode; readonly onInterrupt?: () => void}) => {
	const entries = useRef(new Set<Entry>());
	// The chunk as read: Ink's parsed key loses what a burst held and which of Backspace or Delete it was.
	const {internal_eventEmitter: inputEvents} = useStdin();
	const chunk = useRef<string | undefined>(undefined);
	useLayoutEffect(() => {
		const remember = (data: string): void => {
			chunk.current = data;
		};
		// Added in a layout effect, before useInput's passive one: it runs first for every input event.
		inputEvents.on('input', remember);
		return () => {
			inputEvents.removeListener('input', remember);
		};
	}, [inputEvents]);
	const deliver = (press: KeyPress): void => {
		if (onInterrupt && press.key.ctrl && press.input === 'c') {
			onInterrupt();
			return;
		}
		for (const entry of [...entries.current]) {
			if (!entry.active.current || !entries.current.has(entry)) continue;
			for (const each of entry.typing.current ? [press] : oneKeyAtATime(press)) entry.handler.current(each.input, each.key);
		}
	};
	// The keys of one read, in order, each delivered once React has drawn what the one before caused, so Enter Enter
	// answers a question and then the next, not the first one twice. A turn of the event loop is not enough: React 19
	// draws an update after the last commit's effects, in a task of its scheduler that may come after that turn. A task
	// of lower priority in the same scheduler comes after all of React's pending work.
	const queue = useRef<KeyPress[]>([]);
	const draining = useRef(false);
	const drain = (): void => {
		const press = queue.current.shift();
		try {
			if (press) deliver(press);
		} finally {
			if (queue.current.length > 0) unstable_scheduleCallback(unstable_LowPriority, () => drainRef.current());
			else draining.current = false;
		}
	};
	const drainRef = useRef(drain);
	drainRef.current = drain;
	useInput((input, key) => {
		queue.current.push(...keyPresses(chunk.current, input, key));
		chunk.current = undefined;
		if (draining.current) return;
		draining.current = true;
		drain();
	});
	const registry = useMemo<Registry>(
		() => ({
			add: entry => {
				entries.current.add(entry);
				return () => {
					entries.current.delete(entry);
				};
			},
		}),
		[],
	);
	return <KeyRegistry.Provider value={registry}>{children}</KeyRegistry.Provider>;
};

/** `typing`: the handler edits text, so text arriving at once (a paste, fast typing) comes as one string. */
export const useRegisteredKeys = (registry: Registry, handler: KeyHandler, isActive: boolean, typing = false): void => {
	const entry = useRef<Entry>({handler: {current: handler}, active: {current: isActive}, typing: {current: typing}});
	useLayoutEffect(() => {
		entry.current.handler.current = handler;
		entry.current.active.current = isActive;
		entry.current.typing.current = typing;
	});
	useLayoutEffect(() => registry.add(entry.current), [registry]);
};
