import {useInput, type Key} from 'ink';
import {createContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';

/**
 * One Ink input listener for the whole app, routing each key to the components that want it. Ink's own
 * useInput subscribes in a passive effect, so keys typed right after a question changes (a fast typist,
 * a paste, tmux sending several keys) would reach the old question or nobody. Here components register
 * in a layout effect, which runs in the same synchronous commit as the render the key caused.
 */

export type KeyHandler = (input: string, key: Key) => void;

type Entry = {readonly handler: {current: KeyHandler}; readonly active: {current: boolean}};

type Registry = {readonly add: (entry: Entry) => () => void};

export const KeyRegistry = createContext<Registry | undefined>(undefined);

/** `onInterrupt`: Ctrl+C, taken here before any component sees it, so it quits from every screen and field. */
export const KeyRouter = ({children, onInterrupt}: {readonly children: ReactNode; readonly onInterrupt?: () => void}) => {
	const entries = useRef(new Set<Entry>());
	useInput((input, key) => {
		if (onInterrupt && key.ctrl && input === 'c') {
			onInterrupt();
			return;
		}
		for (const entry of [...entries.current]) {
			if (entry.active.current && entries.current.has(entry)) entry.handler.current(input, key);
		}
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

export const useRegisteredKeys = (registry: Registry, handler: KeyHandler, isActive: boolean): void => {
	const entry = useRef<Entry>({handler: {current: handler}, active: {current: isActive}});
	useLayoutEffect(() => {
		entry.current.handler.current = handler;
		entry.current.active.current = isActive;
	});
	useLayoutEffect(() => registry.add(entry.current), [registry]);
};
