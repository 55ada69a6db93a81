import {vi} from 'vitest';
import {awsVariables, type AwsHome} from './home.js';

/**
 * The SDK also reads a few settings from the process environment (and the files it names) when it builds a
 * client: point those at the temporary home too, so no developer's own AWS setup reaches a test.
 */
export const isolateProcessEnv = (home: AwsHome): void => {
	for (const name of awsVariables) vi.stubEnv(name, undefined);
	for (const [name, value] of Object.entries(home.env)) vi.stubEnv(name, value);
};
