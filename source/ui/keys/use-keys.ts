import {useContext} from 'react';
import {KeyRegistry, useRegisteredKeys, type KeyHandler} from './key-router.js';

/** Like Ink's useInput, through the app's KeyRouter so the newest handler always gets the next key. */
export const useKeys = (handler: KeyHandler, options: {readonly isActive?: boolean} = {}): void => {
	const registry = useContext(KeyRegistry);
	if (!registry) throw new Error('useKeys needs a <KeyRouter> above it');
	useRegisteredKeys(registry, handler, options.isActive ?? true);
};
