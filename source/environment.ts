import {decideColourLevel} from './colour-support.js';

/**
 * Process settings that must be in place before Ink or the AWS SDK load (imported first by cli.tsx).
 * - Colour is decided in colour-support.ts and told to Ink's chalk as FORCE_COLOR (chalk ignores
 *   NO_COLOR, and turns colours off whenever CI is set, even CI=false).
 * - The SDK warns about Node 20 on stderr, which would tear the TUI.
 * - Nothing may reach the instance metadata service unless the user's credential chain needs it;
 *   the SDK only asks IMDS as a last resort, and we never want that on a developer's laptop by surprise.
 */
const colourLevel = decideColourLevel(process.env, process.stdout.isTTY === true);
if (colourLevel !== undefined) process.env['FORCE_COLOR'] = colourLevel;
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

// The terminal went away (closed tmux pane, SSH drop) or the reader stopped (`| head`): nothing is
// left to tell anyone, so leave quietly instead of crashing with an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
