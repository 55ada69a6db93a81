import {listPageOf, type Mapped, type Page} from './answer.js';
import {asString, field} from './json-access.js';

export type UserGroup = {readonly name: string; readonly arn?: string};

/** iam:ListGroupsForUser: one page of the user's groups; without its list, a problem (a group's policy may deny). */
export const groupsPageOf = (answer: unknown): Mapped<Page<UserGroup>> =>
	listPageOf(answer, {list: 'Groups', missing: 'so it does not say which groups the user is in', truncated: 'IsTruncated', marker: 'Marker'}, (group): UserGroup | undefined => {
		const name = asString(field(group, 'GroupName'));
		const arn = asString(field(group, 'Arn'));
		return name ? {name, ...(arn ? {arn} : {})} : undefined;
	});
