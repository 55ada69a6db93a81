/**
 * The operations a snapshot's question can name: the one list that every guard, the CLI's choices, the
 * snapshot schema's enum and the docs derive from. What each operation means (its legs, actions, words)
 * lives in source/operations/, one module per name.
 */
export const operationNames = ['upload', 'download', 'copy', 'cloudfront-download', 'cloudfront-upload', 'presigned-download', 'presigned-upload', 'service-read', 'service-write', 'replication'] as const;

export type Operation = (typeof operationNames)[number];

/** The operations whose question names a second object, `question.source`, whose facts the snapshot keeps under `source`. */
export const operationsWithSource = ['copy', 'replication'] as const satisfies readonly Operation[];

export const isOperation = (value: unknown): value is Operation => typeof value === 'string' && (operationNames as readonly string[]).includes(value);

/** "upload, download or copy": the names as a message lists them. */
export const operationNamesInWords = (names: readonly string[] = operationNames): string =>
	names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
