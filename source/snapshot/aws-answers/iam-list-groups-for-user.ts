import {nextMarker, pageOf, type Page} from './answer.js';
import {asArray, asString, field} from './json-access.js';

export type UserGroup = {readonly name: string; readonly arn?: string};

/** iam:ListGroupsForUser: one page of the user's groups. */
export const groupsPageOf = (answer: unknown): Page<UserGroup> =>
	pageOf(
		asArray(field(answer, 'Groups')).flatMap((group): UserGroup[] => {
			const name = asString(field(group, 'GroupName'));
			const arn = asString(field(group, 'Arn'));
			return name ? [{name, ...(arn ? {arn} : {})}] : [];
		}),
		nextMarker(answer, 'IsTruncated', 'Marker'),
	);
