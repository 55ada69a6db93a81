import {checkPolicy} from '../../../source/commands/wizard-services.js';
import {answerWeigher} from '../../../source/diagnosis/answers-differ.js';
import {parseAccessDenied} from '../../../source/inputs/error-message/index.js';
import {err, ok} from '../../../source/shared/result.js';
import type {FlowEnv} from '../../../source/ui/conversation/flow-types.js';

/** The conversation's environment as the wizard builds it (real error parser, real paste checks), at a fixed time. */
export const flowEnv = (overrides: Partial<FlowEnv> = {}): FlowEnv => ({
	profiles: [],
	settings: {recentTargets: [], savedChecks: {}},
	files: {},
	collections: {},
	reaches: {},
	parseError: text => {
		const parsed = parseAccessDenied(text);
		return parsed.ok ? parsed : err(parsed.error.message);
	},
	checkPolicy,
	now: () => new Date('2026-11-05T10:00:00Z'),
	// As loaded: every walk that reaches a weighed question finds it (the wait for it is tested on its own).
	weigher: answerWeigher,
	...overrides,
});

/** Profiles that can reach AWS, by name. */
export const reachable = (...names: readonly string[]): FlowEnv['reaches'] => Object.fromEntries(names.map(name => [name, ok(undefined)]));
