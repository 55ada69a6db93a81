/**
 * The SDK must never write to the terminal: a line on stderr tears the TUI. Its Node-version warning is
 * checked when each client is built and is skipped only for the exact value "true" (not "1").
 */
export const silenceSdk = (): void => {
	process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
};

const drop = (): void => {};

export type SilentLogger = Readonly<Record<'trace' | 'debug' | 'info' | 'warn' | 'error', (...content: unknown[]) => void>>;

/** Given to every client and credential provider, so nothing the SDK logs reaches the screen. */
export const silentLogger: SilentLogger = {trace: drop, debug: drop, info: drop, warn: drop, error: drop};
