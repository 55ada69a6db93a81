import type {Diagnosis, Fix, Place, Requirement} from '../../diagnosis/diagnosis.js';
import {requirementId} from '../../diagnosis/requirement-id.js';
import {groupByPlace} from '../../report/describe.js';
import {hasSides, sideOf, type Side} from './copy-sides.js';

/** The result table's rows, grouped by place in the reports' order, each with the fix that turns it ✔. */

export type ResultRow = {
	readonly requirement: Requirement;
	readonly fix?: Fix;
};

export type RowGroup = {
	readonly place: Place;
	/** A copy's groups are per object: the source's rows apart from the destination's. */
	readonly side?: Side;
	readonly sharedResource?: string;
	/** Index of the group's first row in the flat list. */
	readonly firstIndex: number;
	readonly rows: readonly ResultRow[];
};


export const fixFor = (requirement: Requirement, fixes: readonly Fix[]): Fix | undefined => {
	const key = requirementId(requirement);
	return fixes.find(fix => fix.resolves.includes(key));
};

/** A place's requirements, split by object for a copy (source first), each part with its shared resource. */
const bySide = (operation: string, requirements: readonly Requirement[], sharedResource: string | undefined): Array<{side?: Side; requirements: readonly Requirement[]; sharedResource?: string}> => {
	if (!hasSides(operation)) return [{requirements, ...(sharedResource ? {sharedResource} : {})}];
	return (['source', 'destination'] as const)
		.map(side => {
			const part = requirements.filter(requirement => sideOf(operation, requirement) === side);
			const resources = new Set(part.map(requirement => requirement.resource));
			return {side, requirements: part, ...(resources.size === 1 ? {sharedResource: part[0]!.resource} : {})};
		})
		.filter(part => part.requirements.length > 0);
};

export const rowGroups = (diagnosis: Diagnosis): readonly RowGroup[] => {
	let firstIndex = 0;
	return groupByPlace(diagnosis.requirements).flatMap(group =>
		bySide(diagnosis.question.operation, group.requirements, group.sharedResource).map(part => {
			const rows = part.requirements.map(requirement => {
				const fix = fixFor(requirement, diagnosis.fixes);
				return fix ? {requirement, fix} : {requirement};
			});
			const result: RowGroup = {place: group.place, ...(part.side ? {side: part.side} : {}), ...(part.sharedResource ? {sharedResource: part.sharedResource} : {}), firstIndex, rows};
			firstIndex += rows.length;
			return result;
		}),
	);
};

export const flatRows = (groups: readonly RowGroup[]): readonly ResultRow[] => groups.flatMap(group => group.rows);

/** Where the arrow starts: the first row that fails, else the first unknown, else the top. */
export const firstInterestingRow = (rows: readonly ResultRow[]): number => {
	const failing = rows.findIndex(row => row.requirement.status === 'missing' || row.requirement.status === 'denied');
	if (failing !== -1) return failing;
	return Math.max(rows.findIndex(row => row.requirement.status === 'unknown'), 0);
};
