/** JSON values as they arrive from outside (files, pastes, AWS answers): guards, not assumptions. */

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A readonly type made writable, for building a value step by step before it is handed out as readonly. */
export type Mutable<T> = {-readonly [K in keyof T]: T[K]};
