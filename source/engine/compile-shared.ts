import type {CompiledPolicy} from './compile-policy.js';
import type {Policy, Statement} from './policy.js';

/*
 * Equal policies share one compiled form: the same SCP or RCP is read for every account of an organization, and a
 * few hundred sets that share their compiled statements, slices and kept verdicts keep less in the processor's
 * caches. Equal means the same name, Version and parsed statements (their source included); what the compiled form
 * holds is worked out from exactly these. A trace still shows its own policy's statement (see `Trace.source`).
 */
const shared = new Map<number, WeakRef<CompiledPolicy>[]>();
const forget = new FinalizationRegistry<number>(hash => {
	const alive = shared.get(hash)?.filter(ref => ref.deref() !== undefined);
	if (alive && alive.length > 0) shared.set(hash, alive);
	else shared.delete(hash);
});

/** What decides a compiled form: the name, the Version and the parsed statements. */
const keyOf = (name: string, version: string | undefined, statements: readonly Statement[]): string | undefined => {
	try {
		return JSON.stringify([name, version ?? null, statements]);
	} catch {
		// A policy built by hand may hold what JSON cannot write (a cycle, a BigInt): it is compiled on its own.
		return undefined;
	}
};

/** FNV-1a over the key: the table keeps this number, not the key (as long as the policy), and checks a match in full. */
const hashOf = (key: string): number => {
	let hash = 0x811c9dc5;
	for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
	return hash >>> 0;
};

/** The compiled form of a policy equal to `policy` that is still in use, or else `compile(policy)`, shared from now on. */
export const compileShared = (policy: Policy, compile: (policy: Policy) => CompiledPolicy): CompiledPolicy => {
	const key = keyOf(policy.name, policy.version, policy.statements);
	if (key === undefined) return compile(policy);
	const hash = hashOf(key);
	const candidates = shared.get(hash) ?? [];
	for (const ref of candidates) {
		const known = ref.deref();
		if (known && keyOf(known.name, known.version, known.statements.map(compiled => compiled.statement)) === key) return known;
	}
	const compiled = compile(policy);
	shared.set(hash, [...candidates, new WeakRef(compiled)]);
	forget.register(compiled, hash);
	return compiled;
};
