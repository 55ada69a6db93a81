/** Sizes in words, in binary units as the tools' multipart thresholds are given: shared by findings, reports and the wizard. */

const group3 = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `12 MiB`, `1.5 KiB`, `900 bytes`. */
export const formatSize = (bytes: number): string => {
	const units = ['KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = '';
	for (const next of units) {
		if (value < 1024) break;
		value /= 1024;
		unit = next;
	}
	if (unit === '') return `${group3(String(bytes))} ${bytes === 1 ? 'byte' : 'bytes'}`;
	const rounded = Math.round(value * 10) / 10;
	return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${unit}`;
};

/** `12 MiB (12,582,912 bytes)`. */
export const formatSizeInFull = (bytes: number): string => {
	const short = formatSize(bytes);
	return short.endsWith('bytes') || short.endsWith('byte') ? short : `${short} (${group3(String(bytes))} bytes)`;
};
