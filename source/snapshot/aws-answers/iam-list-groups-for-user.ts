import {ok} from '../../shared/result.js';
import {listIn, nextMarker, pageOf, type Mapped, type Page} from './answer.js';
import {asString, field} from './json-access.js';

export type UserGroup = {readonly name: string; readonly arn?: string};

/** iam:ListGroupsForUser: one page of the user's groups; without its list, a problem (a group's policy may deny). */
export const groupsPageOf = (answer: unknown): Mapped<Page<UserGroup>> => {
	const groups = listIn(answer, 'Groups', 'which groups the user is in');
	if (!groups.ok) return groups;
	return ok(
		pageOf(
			groups.value.flatMap((group): UserGroup[] => {
				const name = asString(field(group, 'GroupName'));
				const arn = asString(field(group, 'Arn'));
				return name ? [{name, ...(arn ? {arn} : {})}] : [];
			}),
			nextMarker(answer, 'IsTruncated', 'Marker'),
		),
	);
};
