import {describe, expect, it} from 'vitest';
import {skipWithoutTmux, useTmuxTerminal} from './tmux-session.js';

/**
 * Terminal output pasted or typed into the wizard carries colour codes (ESC[31m, ESC[0m). Ink 6 reads such a CSI
 * sequence as Ctrl with no key name and threw, ending the wizard and everything entered; the bundle now carries
 * Ink 7.1's fix (scripts/bundle-cli.js). The built CLI in tmux, as a user's terminal delivers the bytes.
 */

describe.skipIf(skipWithoutTmux)('colour codes typed or pasted into the wizard', () => {
	const terminalOf = useTmuxTerminal('keys');

	it('are dropped, the text around them kept, and the wizard keeps running', async () => {
		const terminal = terminalOf();
		const session = terminal.start('sgr', {columns: 80, rows: 24});
		await terminal.waitFor(session, 'How shall we look at the failing request?');
		terminal.press(session, '-l', '\u001B[31mRED\u001B[0m\u001B[1;32m');
		const screen = await terminal.waitFor(session, 'filter: RED');
		expect(screen).not.toContain('wizard exited');
		expect(screen).not.toContain('[31m');
	});

	it('an AccessDenied error pasted in colour is read as the same error', async () => {
		const terminal = terminalOf();
		const session = terminal.start('paste', {columns: 80, rows: 24});
		await terminal.waitFor(session, 'How shall we look at the failing request?');
		const error =
			'\u001B[1;31mAn error occurred (AccessDenied) when calling the GetObject operation:\u001B[0m User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab because no identity-based policy allows the kms:Decrypt action';
		terminal.paste(session, error);
		const screen = await terminal.waitFor(session, 'recognised an error message', 20_000);
		expect(screen).not.toContain('wizard exited');
		expect(screen).toContain('kms:Decrypt on arn:aws:kms:eu-west-1:');
		expect(screen).not.toMatch(/\[(1;)?3\dm|\[0m/);
	});
});
