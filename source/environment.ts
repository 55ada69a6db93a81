/**
 * Process settings that must be in place before Ink or the AWS SDK load (imported first by cli.tsx).
 * - Ink's chalk ignores NO_COLOR; FORCE_COLOR=0 is what it honours.
 * - The SDK warns about Node 20 on stderr, which would tear the TUI.
 * - Nothing may reach the instance metadata service unless the user's credential chain needs it;
 *   the SDK only asks IMDS as a last resort, and we never want that on a developer's laptop by surprise.
 */
if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') process.env['FORCE_COLOR'] = '0';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

// The terminal went away (closed tmux pane, SSH drop) or the reader stopped (`| head`): nothing is
// left to tell anyone, so leave quietly instead of crashing with an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
