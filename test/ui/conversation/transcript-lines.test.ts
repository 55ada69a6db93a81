import {describe, expect, it} from 'vitest';
import type {PasteQuestion} from '../../../source/ui/conversation/question.js';
import {transcriptLines} from '../../../source/ui/conversation/transcript-lines.js';

/** docs/wizard.md: "a paste with a warning is marked `!`, not ✔, and can still be used". */
describe('the transcript line of a pasted answer', () => {
	const question = (warnings?: readonly string[]): PasteQuestion => ({
		kind: 'paste',
		id: 'identity-policy-1',
		title: 'Identity policy 1',
		prompt: 'The identity policy:',
		check: () => ({ok: true, summary: 'valid policy, 1 statement', ...(warnings ? {warnings} : {})}),
	});

	it('is marked ! with its warning where the check warned, ✔ where it did not', () => {
		const [warned] = transcriptLines([{kind: 'answer', question: question(['s3:GetObjct is no action AWS knows.']), answer: '{}', notes: []}], 100);
		expect(warned).toMatchObject({mark: '! ', markColour: 'yellow', text: 'Identity policy 1: valid policy, 1 statement; s3:GetObjct is no action AWS knows.'});
		const [clean] = transcriptLines([{kind: 'answer', question: question(), answer: '{}', notes: []}], 100);
		expect(clean).toMatchObject({mark: '✔ ', markColour: 'green', text: 'Identity policy 1: valid policy, 1 statement'});
	});
});
