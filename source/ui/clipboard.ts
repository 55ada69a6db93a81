/**
 * OSC 52 asks the terminal itself to set the clipboard, which works over SSH where no local clipboard
 * tool could. Inside tmux the sequence is also wrapped in tmux's passthrough, for tmux set-ups where
 * set-clipboard is off (allow-passthrough on); terminals ignore the form they do not use.
 */

/** Terminals cap OSC 52 payloads (xterm: about 100 kB); a longer text would be dropped silently. */
export const maximumClipboardBytes = 74_000;

export const osc52 = (text: string): string => `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;

/** tmux passthrough: ESC P tmux; <sequence with ESC doubled> ESC \ */
export const tmuxPassthrough = (sequence: string): string => `\u001BPtmux;${sequence.split('\u001B').join('\u001B\u001B')}\u001B\\`;

export const clipboardSequences = (text: string, insideTmux: boolean): string => {
	const sequence = osc52(text);
	return insideTmux ? sequence + tmuxPassthrough(sequence) : sequence;
};
