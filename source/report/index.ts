/** Diagnosis → text for people and machines. Pure: the caller writes the result where it belongs. */
export {renderJson} from './render-json.js';
export {renderMarkdown, type MarkdownOptions} from './render-markdown.js';
export {renderText, type TextOptions} from './render-text.js';
export * from './marks.js';
