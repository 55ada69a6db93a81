/** The support bundle reader: import uses only this. */
export {bundleToSnapshot, type BundleError, type BundleImport, type BundleOptions} from './bundle-to-snapshot.js';
export {bundleFormat, manifestFile, questionFile, safeName, type BundleQuestion} from './bundle-layout.js';
