/**
 * What a mouse copy of a command on screen gives: from where it starts (`aws …`) to the first line that does not end
 * in the shell's line continuation (or in `&&`, after which the shell reads on), each line as the terminal holds it
 * (trailing spaces dropped, as terminals copy).
 */
export const copiedCommand = (frame: string, start: string): string => {
	const lines = frame.split('\n').map(line => line.trimEnd());
	let at = lines.findIndex(line => line.includes(start));
	if (at === -1) throw new Error(`no "${start}" in the frame:\n${frame}`);
	const copied = [lines[at]!.slice(lines[at]!.indexOf(start))];
	while (/(?:\\|&&)$/.test(copied.at(-1)!) && at + 1 < lines.length) copied.push(lines[++at]!);
	return copied.join('\n');
};
