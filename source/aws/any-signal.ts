/**
 * One signal that aborts when any of `signals` does (AbortSignal.any arrived only in Node 20.3). `dispose`
 * removes the listeners, so a long-lived signal does not collect one per call.
 */
export const anySignal = (signals: readonly AbortSignal[]): {readonly signal: AbortSignal; readonly dispose: () => void} => {
	const controller = new AbortController();
	const aborted = signals.find(signal => signal.aborted);
	if (aborted) {
		controller.abort(aborted.reason);
		return {signal: controller.signal, dispose: () => {}};
	}
	const listeners = signals.map(signal => {
		const listener = (): void => controller.abort(signal.reason);
		signal.addEventListener('abort', listener, {once: true});
		return () => signal.removeEventListener('abort', listener);
	});
	const dispose = (): void => {
		for (const remove of listeners) remove();
	};
	controller.signal.addEventListener('abort', dispose, {once: true});
	return {signal: controller.signal, dispose};
};
