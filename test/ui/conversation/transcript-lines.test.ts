import {describe, expect, it} from 'vitest';
import type {PasteQuestion, TextQuestion} from '../../../source/ui/conversation/question.js';
import {deniedPolicyHowQuestion, policyHowQuestion} from '../../../source/ui/conversation/manual-questions.js';
import {transcriptLines, transcriptTail} from '../../../source/ui/conversation/transcript-lines.js';
import type {QuestionId} from '../../../source/ui/conversation/question.js';
import {walk, type Answers} from '../../../source/ui/conversation/walk.js';
import {flowEnv} from '../helpers/flow-env.js';
import {manualUpload} from '../helpers/manual-upload.js';

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

/** Where the answers above the question do not all fit, the transcript shows its last ones whole. */
describe('the transcript above a question, cut to the rows left', () => {
	const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
	const text = (id: 'bucket' | 'kms-key' | 'tool', title: string): TextQuestion => ({kind: 'text', id, title, prompt: `${title}?`, validate: () => undefined});
	const steps = [
		{kind: 'answer' as const, question: text('bucket', 'Bucket'), answer: 's3://my-bucket/big.csv', notes: []},
		{kind: 'answer' as const, question: text('kms-key', "Bucket's default key"), answer: keyArn, notes: []},
		{kind: 'answer' as const, question: text('tool', 'Tool'), answer: 'AWS CLI', notes: []},
	];

	it('never starts with the second half of a wrapped answer: the key ARN answer is shown whole or not at all', () => {
		const lines = transcriptLines(steps, 80);
		// The ARN answer takes two lines at 80 columns; three rows leave the marker and two lines.
		expect(lines.map(line => line.text)).toEqual(['Bucket: s3://my-bucket/big.csv', "Bucket's default key: arn:aws:kms:eu-west-1:111122223333:key/", '    1234abcd-12ab-34cd-56ef-1234567890ab', 'Tool: AWS CLI']);
		const shown = transcriptTail(lines, 3).map(line => `${line.mark ?? ''}${line.text}`);
		expect(shown).toEqual(['  ↑ 3 earlier lines (Esc goes back through the answers)', '✔ Tool: AWS CLI']);
		expect(transcriptTail(lines, 4).map(line => `${line.mark ?? ''}${line.text}`)).toEqual(lines.map(line => `${line.mark ?? ''}${line.text}`));
	});
});

/** A mark agrees with the words beside it: a fact left unknown is `?`, as the result marks it, never a green ✔. */
describe('the transcript line of an answer that leaves a fact unknown', () => {
	const question = policyHowQuestion('key-policy-how', 'Key policy', 'The key policy:', undefined);

	it('is marked ?, and a policy to paste ✔', () => {
		const [unknown] = transcriptLines([{kind: 'answer', question, answer: 'unknown', notes: []}], 100);
		expect(unknown).toMatchObject({mark: '? ', markColour: 'yellow', text: 'Key policy: I cannot get it: leave it unknown'});
		const [paste] = transcriptLines([{kind: 'answer', question, answer: 'paste', notes: []}], 100);
		expect(paste).toMatchObject({mark: '✔ ', markColour: 'green', text: 'Key policy: Paste it'});
	});

	it('keeps ✔ where the answer keeps what a pasted message says ("Skip: leave it as the message says")', () => {
		const denied = deniedPolicyHowQuestion('boundary', 'The pasted message says no permissions boundary allows kms:Decrypt');
		const [skipped] = transcriptLines([{kind: 'answer', question: denied, answer: 'unknown', notes: []}], 100);
		expect(skipped).toMatchObject({mark: '✔ ', text: 'Permissions boundary: Skip: leave it as the message says'});
	});
});

/** Each answer is said once: a line never says again what another line of the transcript already says. */
describe('the transcript of a run, each answer said once', () => {
	const recentTargets = [{operation: 'upload' as const, bucket: 'reports-bucket', objectKey: 'exports/big.csv'}];
	const settings = {recentTargets, savedChecks: {}};
	const chosen: Answers = {...manualUpload, recent: 'recent:upload s3://reports-bucket/exports/big.csv'};
	const shown = (answers: Answers, stopAt?: QuestionId, env = flowEnv({settings})): string[] => transcriptLines(walk(answers, env, stopAt).steps, 80).map(line => `${line.mark ?? ''}${line.text}`);
	/** The answer lines under a title. */
	const titled = (lines: readonly string[], title: string): string[] => lines.filter(line => line.startsWith(`✔ ${title}:`));

	it('a recent target is named once: its operation, bucket and key are not said again under it', () => {
		const lines = shown(chosen);
		expect(lines.filter(line => line.includes('reports-bucket'))).toEqual(['✔ Target: upload s3://reports-bucket/exports/big.csv']);
		expect(titled(lines, 'Operation')).toEqual([]);
		expect(titled(lines, 'Object key')).toEqual([]);
		// Going back to the key: the target's line still names it, once, over the question that edits it.
		expect(shown(chosen, 'object-key').filter(line => line.includes('reports-bucket'))).toEqual(['✔ Target: upload s3://reports-bucket/exports/big.csv']);
	});

	it('a recent target edited is "Something else", and its parts are said, each once', () => {
		const lines = shown({...chosen, 'object-key': 'exports/other.csv'});
		expect(lines).toContain('✔ Target: Something else');
		expect(titled(lines, 'Operation')).toEqual(['✔ Operation: Upload']);
		expect(titled(lines, 'Bucket')).toEqual(['✔ Bucket: reports-bucket']);
		expect(titled(lines, 'Object key')).toEqual(['✔ Object key: exports/other.csv']);
	});

	it('a policy pasted has one line, not "Paste it" above the paste’s own; left unknown, its choice is the line', () => {
		const pasted = (answers: Answers, stopAt?: QuestionId): string[] => shown(answers, stopAt, flowEnv());
		const lines = pasted(manualUpload);
		expect(titled(lines, 'Key policy')).toEqual(['✔ Key policy: valid policy, 1 statement']);
		expect(lines.filter(line => line.includes('Identity polic'))).toEqual(['✔ Identity policy 1: valid policy, 1 statement']);
		expect(pasted({...manualUpload, 'key-policy-how': 'unknown'}).filter(line => line.includes('Key policy'))).toEqual(['? Key policy: I cannot get it: leave it unknown']);
		// Asked to paste it: the choice stays the last line above the paste field.
		expect(pasted(manualUpload, 'key-policy').at(-1)).toBe('✔ Key policy: Paste it');
	});
});
