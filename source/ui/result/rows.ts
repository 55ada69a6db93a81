import type {Diagnosis, Fix, Place, Requirement} from '../../diagnosis/diagnosis.js';
import {requirementId} from '../../diagnosis/requirement-id.js';
import {groupByPlace} from '../../report/describe.js';

/** The result table's rows, grouped by place in the reports' order, each with the fix that turns it ✔. */

export type ResultRow = {
	readonly requirement: Requirement;
	readonly fix?: Fix;
};

export type RowGroup = {
	readonly place: Place;
	readonly sharedResource?: string;
	/** Index of the group's first row in the flat list. */
	readonly firstIndex: number;
	readonly rows: readonly ResultRow[];
};


export const fixFor = (requirement: Requirement, fixes: readonly Fix[]): Fix | undefined => {
	const key = requirementId(requirement);
	return fixes.find(fix => fix.resolves.includes(key));
};

export const rowGroups = (diagnosis: Diagnosis): readonly RowGroup[] => {
	let firstIndex = 0;
	return groupByPlace(diagnosis.requirements).map(group => {
		const rows = group.requirements.map(requirement => {
			const fix = fixFor(requirement, diagnosis.fixes);
			return fix ? {requirement, fix} : {requirement};
		});
		const result: RowGroup = {place: group.place, ...(group.sharedResource ? {sharedResource: group.sharedResource} : {}), firstIndex, rows};
		firstIndex += rows.length;
		return result;
	});
};

export const flatRows = (groups: readonly RowGroup[]): readonly ResultRow[] => groups.flatMap(group => group.rows);

/** Where the arrow starts: the first row that fails, else the first unknown, else the top. */
export const firstInterestingRow = (rows: readonly ResultRow[]): number => {
	const failing = rows.findIndex(row => row.requirement.status === 'missing' || row.requirement.status === 'denied');
	if (failing !== -1) return failing;
	return Math.max(rows.findIndex(row => row.requirement.status === 'unknown'), 0);
};
