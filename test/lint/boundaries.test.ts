import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

/**
 * Lints small probe files placed (virtually) deep inside each layer: every boundary rule must still fire,
 * and the imports a layer is allowed must pass. A rule that stops firing fails here, not in review.
 */

const eslint = new ESLint({cwd: new URL('../..', import.meta.url).pathname});

const ruleIdsOf = async (filePath: string, code: string): Promise<string[]> => {
	const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, {filePath});
	return (result?.messages ?? []).map(message => message.ruleId ?? message.message);
};

const refused: ReadonlyArray<readonly [string, string, string]> = [
	// [file, import, rule]
	['source/engine/conditions/deep/probe.ts', "import '../../../snapshot/snapshot.js';", 'architecture/layers'],
	['source/engine/probe.ts', "import '../diagnosis/diagnose.js';", 'architecture/layers'],
	['source/shared/probe.ts', "import '../engine/json.js';", 'architecture/layers'],
	['source/names/probe.ts', "import '../engine/arn.js';", 'architecture/layers'],
	['source/snapshot/aws-answers/probe.ts', "import '../../operations/registry.js';", 'architecture/layers'],
	['source/operations/probe.ts', "import '../diagnosis/diagnose.js';", 'architecture/layers'],
	['source/diagnosis/fixes/deep/probe.ts', "import '../../../report/render-text.js';", 'architecture/layers'],
	['source/diagnosis/fixes/probe.ts', "import '../../aws/collect.js';", 'architecture/layers'],
	['source/report/probe.ts', "import '../ui/app.js';", 'architecture/layers'],
	['source/inputs/bundle/probe.ts', "import '../../aws/collect.js';", 'architecture/layers'],
	['source/aws/probe.ts', "import '../ui/app.js';", 'architecture/layers'],
	['source/ui/result/probe.ts', "import '../../aws/collect.js';", 'architecture/layers'],
	['source/ui/probe.ts', "import '../commands/check.js';", 'architecture/layers'],
	['source/ui/conversation/probe.ts', "export {x} from '../../aws/collect.js';", 'architecture/layers'],
	['source/ui/conversation/probe.ts', "const load = () => import('../../aws/collect.js');", 'architecture/layers'],
	// Packages and Node modules.
	['source/diagnosis/fixes/probe.ts', "import 'node:fs';", 'no-restricted-imports'],
	['source/engine/deep/probe.ts', "import 'fs';", 'no-restricted-imports'],
	['source/report/probe.ts', "import 'node:os';", 'no-restricted-imports'],
	['source/snapshot/probe.ts', "import 'node:child_process';", 'no-restricted-imports'],
	['source/operations/probe.ts', "import 'commander';", 'no-restricted-imports'],
	['source/diagnosis/probe.ts', "import 'conf';", 'no-restricted-imports'],
	['source/inputs/bundle/probe.ts', "import 'tar';", 'no-restricted-imports'],
	['source/report/probe.ts', "import 'ink';", 'no-restricted-imports'],
	['source/engine/probe.ts', "import 'react';", 'no-restricted-imports'],
	['source/names/probe.ts', "import '@aws-sdk/client-kms';", 'no-restricted-imports'],
	['source/outputs/collect-script/probe.ts', "import '@smithy/shared-ini-file-loader';", 'no-restricted-imports'],
	['source/ui/deep/probe.ts', "import 'node:fs';", 'no-restricted-imports'],
	['source/ui/probe.ts', "import 'node:fs/promises';", 'no-restricted-imports'],
	['source/ui/probe.ts', "import '@aws-sdk/client-s3';", 'no-restricted-imports'],
];

const allowed: ReadonlyArray<readonly [string, string]> = [
	['source/engine/conditions/probe.ts', "import '../../shared/json.js';"],
	['source/snapshot/probe.ts', "import '../engine/json.js';"],
	['source/diagnosis/fixes/probe.ts', "import '../../snapshot/snapshot.js';"],
	['source/diagnosis/fixes/probe.ts', "import '../analyse.js';"],
	['source/report/probe.ts', "import '../diagnosis/diagnose.js';"],
	['source/engine/probe.ts', "import 'jsonc-parser';"],
	['source/engine/probe.ts', "import 'node:module';"],
	['source/ui/result/probe.ts', "import '../../report/render-text.js';"],
	['source/ui/probe.ts', "import 'ink';"],
	['source/aws/probe.ts', "import '@aws-sdk/client-kms';"],
	['source/commands/probe.ts', "import 'node:fs';"],
	['source/commands/probe.ts', "import '../aws/collect.js';"],
];

describe('lint keeps the layers at every depth', () => {
	for (const [file, code, rule] of refused) {
		it(`refuses in ${file}: ${code}`, async () => {
			expect(await ruleIdsOf(file, code)).toContain(rule);
		});
	}
	for (const [file, code] of allowed) {
		it(`allows in ${file}: ${code}`, async () => {
			expect(await ruleIdsOf(file, code)).toEqual([]);
		});
	}
});
