import {formatSize} from '../../shared/format-size.js';

/**
 * File sizes as people type them: `200 MB`, `4.5 GiB`, `12345`. KB/MB/GB are decimal and KiB/MiB/GiB
 * binary, as on the label; which one people meant matters only right at a tool's threshold.
 */

const units: Readonly<Record<string, number>> = {
	'': 1,
	b: 1,
	byte: 1,
	bytes: 1,
	k: 1000,
	kb: 1000,
	kib: 1024,
	m: 1000 ** 2,
	mb: 1000 ** 2,
	mib: 1024 ** 2,
	g: 1000 ** 3,
	gb: 1000 ** 3,
	gib: 1024 ** 3,
	t: 1000 ** 4,
	tb: 1000 ** 4,
	tib: 1024 ** 4,
};

/** The largest object S3 stores: 5 TiB (in parts; a single PUT stops at 5 GiB). */
export const largestObject = 5 * 1024 ** 4;

export const parseSize = (text: string): number | undefined => {
	const match = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/i.exec(text.trim().replace(/_/g, ''));
	if (!match) return undefined;
	const unit = units[match[2]!.toLowerCase()];
	if (unit === undefined) return undefined;
	return Math.round(Number(match[1]!.replace(',', '.')) * unit);
};

export const checkSize = (text: string): string | undefined => {
	if (text === '') return undefined;
	const bytes = parseSize(text);
	if (bytes === undefined) return `"${text}" is not a size: try 200 MB, 1.5 GiB or a number of bytes (leave it empty if you do not know)`;
	if (bytes > largestObject) return `${formatSize(bytes)} is more than S3's largest object (5 TiB)`;
	return undefined;
};

export const describeSize = (text: string): string => {
	if (text === '') return 'not known';
	const bytes = parseSize(text);
	return bytes === undefined ? text : `${text} (${bytes.toLocaleString('en-US')} bytes)`;
};
