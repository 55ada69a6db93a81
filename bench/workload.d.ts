// Types of workload.js, for the tests that evaluate the same generated requests as the bench.
import type {EvaluationInput, EvaluationRequest, Policy, PolicyParseError, PolicySet, Result} from '../source/index.js';

type Document = Record<string, unknown>;

export type WorkloadSet = {
	readonly documents: {
		readonly identity: readonly Document[];
		readonly key: Document;
		readonly bucket: Document;
		readonly boundary: Document | null;
		readonly scp: readonly (readonly Document[])[];
		readonly rcp: readonly (readonly Document[])[];
	};
	readonly requests: readonly EvaluationRequest[];
};

export function generateWorkload(options?: {readonly sets?: number; readonly seed?: number}): WorkloadSet[];

export function prepareWorkload(
	workload: readonly WorkloadSet[],
	parsePolicy: (input: unknown, name: string) => Result<Policy, PolicyParseError>,
): (EvaluationInput & {readonly policies: PolicySet})[];

export function statementCount(policies: PolicySet): number;
