/**
 * The placeholders a redacted snapshot uses: one kind of name each (an account, a bucket, a role…), numbered in
 * order of first appearance, the same original always getting the same placeholder.
 */

export type Kind = 'account' | 'bucket' | 'path' | 'role' | 'user' | 'group' | 'session' | 'policy' | 'key' | 'mrk' | 'alias' | 'uniqueId' | 'org' | 'ou' | 'root' | 'orgPolicy' | 'email' | 'grant' | 'rule' | 'profile';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const placeholder: Readonly<Record<Kind, (n: number, original: string) => string>> = {
	account: n => pad(n, 12),
	bucket: n => `bucket-${n}`,
	path: n => `path-${n}`,
	role: n => `role-${n}`,
	user: n => `user-${n}`,
	group: n => `group-${n}`,
	session: n => `session-${n}`,
	policy: n => `policy-${n}`,
	key: n => `00000000-0000-4000-8000-${pad(n, 12)}`,
	mrk: n => `mrk-${pad(n, 32)}`,
	alias: n => `alias/alias-${n}`,
	// Keeps the four-letter prefix that says what it is (AIDA user, AROA role…).
	uniqueId: (n, original) => `${original.slice(0, 4)}REDACTED${pad(n, 8)}`,
	org: n => `o-redacted${pad(n, 2)}`,
	ou: n => `ou-0000-${pad(n, 8)}`,
	root: n => `r-${pad(n, 4)}`,
	orgPolicy: n => `p-redacted${pad(n, 2)}`,
	email: n => `user-${n}@example.com`,
	grant: n => `grant-${n}`,
	rule: n => `rule-${n}`,
	profile: n => `profile-${n}`,
};

/** Names that may appear on their own in text (not only inside an ARN), so free text is searched for them. */
const textKinds: readonly Kind[] = ['bucket', 'role', 'user', 'group', 'session', 'policy', 'grant', 'rule'];

export type Placeholders = {
	readonly of: (kind: Kind, original: string) => string;
	/** Also replace `original` where it stands alone in text (a whole object key, made of placeholders). */
	readonly alsoInText: (original: string, replacement: string) => void;
	readonly known: () => readonly string[];
	readonly lookup: (original: string) => string | undefined;
};

export const createPlaceholders = (): Placeholders => {
	const maps = new Map<Kind, Map<string, string>>();
	const byOriginal = new Map<string, string>();
	return {
		alsoInText: (original, replacement) => {
			if (!byOriginal.has(original)) byOriginal.set(original, replacement);
		},
		of: (kind, original) => {
			let map = maps.get(kind);
			if (!map) maps.set(kind, (map = new Map()));
			const existing = map.get(original);
			if (existing !== undefined) return existing;
			const made = placeholder[kind](map.size + 1, original);
			map.set(original, made);
			if (textKinds.includes(kind) && !byOriginal.has(original)) byOriginal.set(original, made);
			return made;
		},
		known: () => [...byOriginal.keys()],
		lookup: original => byOriginal.get(original),
	};
};
