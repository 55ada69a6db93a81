import {expect} from 'vitest';
import type {Diagnosis} from '../../../source/diagnosis/diagnosis.js';
import {renderJson} from '../../../source/report/render-json.js';
import {renderMarkdown} from '../../../source/report/render-markdown.js';
import {renderText} from '../../../source/report/render-text.js';
import {headerOf} from '../../../source/ui/result/header-lines.js';

const spaced = (text: string): string => text.replace(/\s+/g, ' ');

/** The assumption `id` says `statement` alike in the text and markdown reports, the JSON of check and the wizard's header. */
export const expectAssumedEverywhere = (diagnosis: Diagnosis, id: string, statement: string): void => {
	const sentence = `Assumed: ${statement}.`;
	expect(spaced(renderText(diagnosis, {color: false}))).toContain(sentence);
	expect(spaced(renderMarkdown(diagnosis))).toContain(sentence);
	expect((JSON.parse(renderJson(diagnosis)) as {assumptions: {id: string; statement: string}[]}).assumptions).toContainEqual({id, statement});
	const assumed = headerOf(diagnosis, 400).blocks.filter(block => block.kind === 'assumption');
	expect(spaced(assumed.map(block => block.lines.map(line => line.text).join(' ')).join(' '))).toContain(sentence);
};
