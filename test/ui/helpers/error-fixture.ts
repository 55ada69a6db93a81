import {readFileSync} from 'node:fs';
import {join} from 'node:path';

/** A real AWS error message from test/fixtures/errors/, as a user pastes it. */
export const errorFixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'errors', name), 'utf8').trim();
