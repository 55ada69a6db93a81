import {useLayoutEffect} from 'react';

/**
 * Reports what an input's reducer decided: the answer once it is taken, and each Esc that asked to go
 * back. Layout effects, so the answer is taken in the same commit, before the next key can arrive.
 */
export const useDecision = <T>(decided: T | undefined, backRequests: number, onDecide: (value: T) => void, onBack: (() => void) | undefined): void => {
	useLayoutEffect(() => {
		if (decided !== undefined) onDecide(decided);
		// Only the decision matters; the handlers are new on every render.
	}, [decided]);
	useLayoutEffect(() => {
		if (backRequests > 0) onBack?.();
	}, [backRequests]);
};
