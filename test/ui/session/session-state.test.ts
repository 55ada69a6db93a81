import {describe, expect, it} from 'vitest';
import {initialSession, sessionReducer} from '../../../source/ui/session/session-state.js';

describe('the session remembers what each answer was about', () => {
	it('keeps the subject of an answer, and forgets it for an answer set by another (never asked on its own)', () => {
		let state = sessionReducer(initialSession, {type: 'answer', id: 'bucket-account', value: 'same', about: 'qa-bucket'});
		expect(state.askedAbout).toEqual({'bucket-account': 'qa-bucket'});
		state = sessionReducer(state, {type: 'answer', id: 'object-key', value: 'k', about: 'qa-bucket'});
		state = sessionReducer(state, {type: 'answer', id: 'bucket', value: 's3://other-bucket/k2', sets: {'object-key': 'k2'}});
		expect(state.answers).toMatchObject({bucket: 's3://other-bucket/k2', 'object-key': 'k2', 'bucket-account': 'same'});
		expect(state.askedAbout).toEqual({'bucket-account': 'qa-bucket'});
	});
});
