import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {evaluate, parsePolicy} from '../../source/index.js';
import type {
	Evaluation,
	EvaluationInput,
	GrantInput,
	Layer,
	LayerStatus,
	PolicySet,
	PolicySlot,
	UnreadPolicy,
} from '../../source/index.js';

/*
 * Table-driven evaluation scenarios: every `scenarios/*.json` file holds named policy documents and
 * cases that refer to them by name. Each case states the decision and, optionally, layer statuses,
 * the deciding statements (`policy, Sid "X"`), words the explanations must contain, and the unknown
 * context keys. A layer expected as `null` must not be shown at all.
 */

type PolicyRef = string | null | UnreadPolicy | Record<string, unknown>;

type ScenarioPolicies = {
	readonly identity?: readonly PolicyRef[] | UnreadPolicy;
	readonly resource?: PolicyRef;
	readonly boundary?: PolicyRef;
	readonly session?: PolicyRef;
	readonly scp?: readonly (readonly PolicyRef[])[] | UnreadPolicy;
	readonly rcp?: readonly (readonly PolicyRef[])[] | UnreadPolicy;
	readonly grants?: readonly GrantInput[] | UnreadPolicy;
};

type Expectation = {
	readonly decision: Evaluation['decision'];
	readonly crossAccount?: boolean;
	readonly service?: Evaluation['service'];
	readonly layers?: Readonly<Partial<Record<Layer, LayerStatus | null>>>;
	readonly decidedBy?: Readonly<Partial<Record<Layer, readonly string[]>>>;
	readonly why?: Readonly<Partial<Record<Layer, readonly string[]>>>;
	readonly summary?: readonly string[];
	readonly unknownContextKeys?: readonly string[];
};

type Case = {
	readonly name: string;
	readonly request: EvaluationInput['request'];
	readonly service?: EvaluationInput['service'];
	readonly policies: ScenarioPolicies;
	readonly expect: Expectation;
};

type ScenarioFile = {
	readonly about: string;
	readonly sources: readonly string[];
	readonly policies?: Readonly<Record<string, unknown>>;
	readonly cases: readonly Case[];
};

const folder = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const files = readdirSync(folder).filter(name => name.endsWith('.json')).sort();

const isUnread = (value: unknown): value is UnreadPolicy =>
	typeof value === 'object' && value !== null && (value as {unread?: unknown}).unread === true;

const resolver = (library: Readonly<Record<string, unknown>>) => {
	const slot = (ref: PolicyRef | undefined): PolicySlot | undefined => {
		if (ref === undefined || ref === null) return ref;
		if (isUnread(ref)) return ref;
		const [name, document] = typeof ref === 'string' ? [ref, library[ref]] : ['inline policy', ref];
		if (document === undefined) throw new Error(`the scenario refers to a policy "${name}" that its file does not define`);
		const parsed = parsePolicy(document, name);
		if (!parsed.ok) throw new Error(parsed.error.message);
		return parsed.value;
	};
	const slots = (refs: readonly PolicyRef[]): PolicySlot[] => refs.map(ref => slot(ref) ?? null);
	const levels = (value: ScenarioPolicies['scp']): PolicySet['scp'] =>
		value === undefined ? undefined : isUnread(value) ? value : value.map(level => slots(level));
	return (policies: ScenarioPolicies): PolicySet => ({
		...(policies.identity === undefined ? {} : {identity: isUnread(policies.identity) ? policies.identity : slots(policies.identity)}),
		...(policies.resource === undefined ? {} : {resource: slot(policies.resource)!}),
		...(policies.boundary === undefined ? {} : {boundary: slot(policies.boundary)!}),
		...(policies.session === undefined ? {} : {session: slot(policies.session)!}),
		...(policies.scp === undefined ? {} : {scp: levels(policies.scp)}),
		...(policies.rcp === undefined ? {} : {rcp: levels(policies.rcp)}),
		...(policies.grants === undefined ? {} : {grants: policies.grants}),
	});
};

const layerOf = (evaluation: Evaluation, layer: Layer) => evaluation.layers.find(verdict => verdict.layer === layer);

it('has scenario files', () => {
	expect(files.length).toBeGreaterThanOrEqual(5);
});

for (const file of files) {
	const scenario = JSON.parse(readFileSync(join(folder, file), 'utf8')) as ScenarioFile;
	const policySet = resolver(scenario.policies ?? {});

	describe(`${file}: ${scenario.about}`, () => {
		it('names its sources and has cases', () => {
			expect(scenario.sources.length).toBeGreaterThan(0);
			expect(scenario.cases.length).toBeGreaterThan(0);
		});

		for (const testCase of scenario.cases) {
			it(testCase.name, () => {
				const input: EvaluationInput = {
					request: testCase.request,
					policies: policySet(testCase.policies),
					...(testCase.service ? {service: testCase.service} : {}),
				};
				const evaluation = evaluate(input);
				const {expect: wanted} = testCase;
				const context = `${testCase.name}\n${evaluation.summary}\n${evaluation.layers.map(layer => `  ${layer.layer}: ${layer.status} — ${layer.why}`).join('\n')}`;

				expect(evaluation.decision, context).toBe(wanted.decision);
				if (wanted.crossAccount !== undefined) expect(evaluation.crossAccount, context).toBe(wanted.crossAccount);
				if (wanted.service !== undefined) expect(evaluation.service, context).toBe(wanted.service);
				for (const [layer, status] of Object.entries(wanted.layers ?? {}) as [Layer, LayerStatus | null][]) {
					expect(layerOf(evaluation, layer)?.status ?? null, `${layer} in ${context}`).toBe(status);
				}
				for (const [layer, statements] of Object.entries(wanted.decidedBy ?? {}) as [Layer, readonly string[]][]) {
					const decidedBy = (layerOf(evaluation, layer)?.decidedBy ?? []).map(trace => `${trace.policy}, ${trace.label}`);
					expect(decidedBy, `${layer} in ${context}`).toEqual(statements);
				}
				for (const [layer, words] of Object.entries(wanted.why ?? {}) as [Layer, readonly string[]][]) {
					for (const word of words) expect(layerOf(evaluation, layer)?.why, `${layer} in ${context}`).toContain(word);
				}
				for (const word of wanted.summary ?? []) expect(evaluation.summary).toContain(word);
				if (wanted.unknownContextKeys) {
					expect([...evaluation.unknownContextKeys].sort(), context).toEqual([...wanted.unknownContextKeys].sort());
				}
				// An allowed decision never rests on a layer that is unknown, missing or denied.
				if (evaluation.decision === 'allowed') {
					expect(evaluation.layers.filter(layer => ['unknown', 'missing', 'denied'].includes(layer.status)), context).toEqual([]);
				}
			});
		}
	});
}
