import {describe, expect, it} from 'vitest';
import {readsDoneQuestion} from '../../../source/ui/conversation/live-questions.js';

/** The pause after the reads: what stays unknown, and the permissions boundary pasted in place of a read that failed. */

describe('the pause after the reads', () => {
	it('says how many reads stay unknown when nothing was pasted', () => {
		expect(readsDoneQuestion(5, 0).prompt).toBe('All 5 reads worked. Diagnose?');
		expect(readsDoneQuestion(5, 2).prompt).toBe('3 of 5 reads worked; 2 stay unknown (? above: the result says what would decide them). Diagnose?');
	});

	it('counts the failed read of the boundary pasted instead as settled, and says it was pasted', () => {
		expect(readsDoneQuestion(5, 1, {failedReads: 1}).prompt).toBe("4 of 5 reads worked; the permissions boundary's read failed, and you pasted it instead. Diagnose?");
		expect(readsDoneQuestion(5, 3, {failedReads: 1}).prompt).toBe(
			"2 of 5 reads worked; the permissions boundary's read failed, and you pasted it instead; 2 more stay unknown (? above: the result says what would decide them). Diagnose?",
		);
	});

	it('a boundary pasted where the read that failed told more than it (iam:GetRole: the tags too) leaves that read unknown', () => {
		expect(readsDoneQuestion(5, 1, {failedReads: 0}).prompt).toBe(
			'4 of 5 reads worked; you pasted the permissions boundary the reads did not get; one stays unknown (? above: the result says what would decide it). Diagnose?',
		);
	});
});
