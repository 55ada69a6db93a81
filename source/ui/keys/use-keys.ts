import {useContext} from 'react';
import {KeyRegistry, useRegisteredKeys, type KeyHandler} from './key-router.js';

/**
 * Like Ink's useInput, through the app's KeyRouter so the newest handler always gets the next key.
 * `typing`: text that arrives at once comes as one string (fields); otherwise one key at a time (commands).
 */
export const useKeys = (handler: KeyHandler, options: {readonly isActive?: boolean; readonly typing?: boolean} = {}): void => {
	const registry = useContext(KeyRegistry);
	if (!registry) throw new Error('useKeys needs a <KeyRouter> above it');
	useRegisteredKeys(registry, handler, options.isActive ?? true, options.typing ?? false);
};
