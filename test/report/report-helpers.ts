/** Reading rendered reports back, as a person (or a markdown renderer) would. */

// eslint-disable-next-line no-control-regex -- the point is to find escape codes.
export const ansiPattern = /\u001B\[[0-9;]*m/g;
export const stripAnsi = (text: string): string => text.replace(ansiPattern, '');

export type FencedBlock = {readonly language: string; readonly content: string};

/** Every fenced code block of a markdown text, in order. */
export const fencedBlocks = (markdown: string): FencedBlock[] => {
	const blocks: FencedBlock[] = [];
	const lines = markdown.split('\n');
	for (let index = 0; index < lines.length; index++) {
		const open = /^(`{3,})(\S*)$/.exec(lines[index]!);
		if (!open) continue;
		const end = lines.findIndex((line, at) => at > index && line === open[1]);
		if (end === -1) throw new Error(`unclosed fence at line ${index + 1}`);
		blocks.push({language: open[2]!, content: lines.slice(index + 1, end).join('\n')});
		index = end;
	}
	return blocks;
};

/** The cells of a markdown table row, splitting on unescaped pipes only (as GFM does). */
export const tableCells = (row: string): string[] =>
	row
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split(/(?<!\\)\|/)
		.map(cell => cell.trim());

/** The markdown section under `## title`, up to the next `## ` heading. */
export const section = (markdown: string, title: string): string => {
	const start = markdown.indexOf(`\n## ${title}\n`);
	if (start === -1) throw new Error(`no section "${title}"`);
	const next = markdown.indexOf('\n## ', start + 1);
	return markdown.slice(start + 1, next === -1 ? undefined : next);
};

/** The table under `### heading` (its header, separator and rows), as arrays of cells. */
export const tableUnder = (markdown: string, heading: string): string[][] => {
	const start = markdown.indexOf(`\n### ${heading}\n`);
	if (start === -1) throw new Error(`no heading "${heading}"`);
	const rest = markdown.slice(start + 1).split('\n').slice(1);
	const first = rest.findIndex(line => line.startsWith('|'));
	const rows: string[][] = [];
	for (const line of rest.slice(first)) {
		if (!line.startsWith('|')) break;
		rows.push(tableCells(line));
	}
	return rows;
};
