/** Default file names for exports, and the next free name when one is taken. */

const isoDate = (date: Date): string => {
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** Bucket names are already file-name safe; keep it so even for odd input. */
const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-');

export const defaultFileName = (purpose: 'report' | 'snapshot', bucket: string, date: Date): string =>
	`s3-kms-doctor-${safe(bucket)}-${isoDate(date)}${purpose === 'report' ? '.md' : '.snapshot.json'}`;

/** `report.md` → `report-2.md`; `x.snapshot.json` → `x-2.snapshot.json`. */
export const withSuffix = (path: string, counter: number): string => {
	const match = /^(.*?)((?:\.snapshot)?\.[A-Za-z0-9]+)?$/.exec(path)!;
	return `${match[1]}-${counter}${match[2] ?? ''}`;
};
