import {rmSync} from 'node:fs';
import {afterAll, vi} from 'vitest';
import {readBundleFiles} from '../../source/commands/import.js';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {bundleToSnapshot, type BundleImport} from '../../source/inputs/bundle/index.js';
import {renderCollectScript, validateCollectOptions, type CollectScriptInput} from '../../source/outputs/collect-script/index.js';
import {parseSnapshot} from '../../source/snapshot/parse-snapshot.js';
import {runCollectScriptWithSdk} from './fake-aws-cli-sdk/run-collect-script.js';

/**
 * A bundle as `import` reads it, its snapshot as `check --snapshot` reads the saved file: an imported snapshot that
 * the schema refuses would pass unnoticed otherwise.
 */
export const importedBundle = (files: ReadonlyMap<string, string>): BundleImport => {
	const result = bundleToSnapshot(files);
	if (!result.ok) throw new Error(result.error.message);
	const reparsed = parseSnapshot(JSON.stringify(result.value.snapshot), 'imported snapshot');
	if (!reparsed.ok) throw new Error(`the snapshot does not pass the schema: ${reparsed.error.message}`);
	return {...result.value, snapshot: reparsed.value};
};

/**
 * collect-script → sh → the SDK-backed fake `aws` → import, as a customer's bundle travels. Call at the top of a test
 * file: the script's folders are removed after the file's tests.
 */
export const useBundleRoundTrip = () => {
	// A round trip runs sh and one fake `aws` process per call (a replication bundle makes dozens): on a busy 2-core
	// machine that alone passes the suite's 20 s, so the files that make them allow longer.
	vi.setConfig({testTimeout: 90_000});
	const folders: string[] = [];
	afterAll(() => {
		for (const folder of folders) rmSync(folder, {recursive: true, force: true});
	});
	return async (input: CollectScriptInput, env: NodeJS.ProcessEnv) => {
		const options = validateCollectOptions(input);
		if (!options.ok) throw new Error(options.error.message);
		const script = renderCollectScript(options.value, {generatedBy: 's3-kms-doctor test'});
		const run = await runCollectScriptWithSdk(script, env);
		folders.push(run.folder);
		if (run.exitCode !== 0) throw new Error(`the collection script failed (exit ${run.exitCode}): ${run.stderr}`);
		const read = await readBundleFiles(run.tarball);
		const {snapshot} = importedBundle(read.files);
		return {script, files: read.files, snapshot, run, diagnosis: diagnose(snapshot)};
	};
};
