import type {Analysis} from '../analyse.js';
import type {Fix} from '../diagnosis.js';
import type {Snapshot} from '../../snapshot/snapshot.js';
import {isLeastPrivilege, proves} from './proof.js';
import {draftsInRounds} from './rounds.js';

/**
 * Least-privilege fixes for every missing grant and explicit deny, each proven: applied to a copy of
 * the snapshot and evaluated again, the requirements it targets must turn `ok` (or stop being denied).
 * See docs/fixes.md for how the modules here fit together.
 */
export const fixesFor = (snapshot: Snapshot, analysis: Analysis): Fix[] =>
	draftsInRounds(snapshot, analysis).map(draft => {
		const {apply: _apply, mustAllow: _mustAllow, ref: _ref, ...fix} = draft;
		return {...fix, proven: isLeastPrivilege(fix) && proves(draft, snapshot)};
	});
