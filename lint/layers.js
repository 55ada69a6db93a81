// The architecture's layers (docs/architecture.md), as an ESLint rule that resolves every relative import
// to the folder it lands in, so a file at any depth is held to its layer's rule.
import path from 'node:path';

/** Each layer, and the layers of ours it may import (its own folder is always allowed). */
export const layers = {
	shared: [],
	names: ['shared'],
	engine: ['shared', 'names'],
	snapshot: ['shared', 'names', 'engine'],
	operations: ['shared', 'names', 'engine', 'snapshot'],
	diagnosis: ['shared', 'names', 'engine', 'snapshot', 'operations'],
	report: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis'],
	inputs: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report'],
	// The collect script writes the support bundle that inputs/bundle reads: it shares the bundle's layout.
	outputs: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report', 'inputs'],
	aws: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'inputs'],
	ui: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report', 'inputs', 'outputs', 'top'],
	commands: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report', 'inputs', 'outputs', 'aws', 'ui', 'top'],
	// cli.tsx, index.ts, environment.ts, version.ts: the entry points at the top of source/.
	top: ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report', 'inputs', 'outputs', 'aws', 'ui', 'commands'],
};

/** The layers that do no I/O and import neither the UI nor the SDK. */
export const pureLayers = ['shared', 'names', 'engine', 'snapshot', 'operations', 'diagnosis', 'report', 'inputs', 'outputs'];

const layerOf = (sourceRoot, file) => {
	const relative = path.relative(sourceRoot, file);
	if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
	const [first, ...rest] = relative.split(path.sep);
	return rest.length === 0 ? 'top' : first;
};

export const layersRule = {
	meta: {type: 'problem', schema: [], messages: {upward: "source/{{from}} may not import source/{{to}} (the layers in docs/architecture.md); it may import: {{allowed}}."}},
	create(context) {
		const file = context.filename;
		const sourceRoot = path.join(context.cwd, 'source');
		const from = layerOf(sourceRoot, file);
		if (!from || !(from in layers)) return {};
		const check = (node, specifier) => {
			if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
			const to = layerOf(sourceRoot, path.resolve(path.dirname(file), specifier));
			if (!to || to === from || layers[from].includes(to)) return;
			context.report({node, messageId: 'upward', data: {from, to: to === 'top' ? 'the entry points' : to, allowed: layers[from].join(', ') || 'nothing of ours'}});
		};
		return {
			ImportDeclaration: node => check(node.source, node.source.value),
			ExportNamedDeclaration: node => node.source && check(node.source, node.source.value),
			ExportAllDeclaration: node => check(node.source, node.source.value),
			ImportExpression: node => node.source.type === 'Literal' && check(node.source, node.source.value),
		};
	},
};
