/** The collection script generator: collect-script uses only this. */
export {validateCollectOptions, bundleQuestionOf, type CollectScriptInput, type CollectScriptOptions, type CollectOptionsError} from './validate-options.js';
export {renderCollectScript, type RenderContext} from './render-collect-script.js';
export {runScriptCommand} from './shell.js';
