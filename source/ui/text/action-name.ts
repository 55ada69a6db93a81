import {displayWidth} from '../../shared/display-width.js';
import {fittingStart} from './wrap.js';

/**
 * An action's name (`s3:ObjectOwnerOverrideToBucketOwner`) on as many lines of `width` columns as it needs, broken
 * where it reads on: after the service's `:`, and before a capital of its camel case (`s3:ObjectOwnerOverrideTo` /
 * `BucketOwner`); only a part wider than the column on its own is cut inside. Never cut short: the table's column
 * stays aligned and the whole name is there to read.
 */
export const actionNameLines = (name: string, width: number): string[] => {
	const columns = Math.max(width, 1);
	if (displayWidth(name) <= columns) return [name];
	const lines: string[] = [];
	let line = '';
	for (const part of name.split(/(?<=:)|(?=[A-Z])/)) {
		if (displayWidth(line + part) <= columns) {
			line += part;
			continue;
		}
		if (line !== '') lines.push(line);
		line = part;
		while (displayWidth(line) > columns) {
			const start = fittingStart(line, columns);
			lines.push(start);
			line = line.slice(start.length);
		}
	}
	if (line !== '') lines.push(line);
	return lines;
};
