import {describe, expect, it} from 'vitest';
import {checkRequestFactFlags} from '../../../source/commands/check-request-facts.js';
import {validateCollectOptions, type CollectScriptInput} from '../../../source/outputs/collect-script/validate-options.js';

/** What `check` says to these flags: the one line it exits with, or nothing. */
const checkSays = (operation: string, flags: {service?: string; serviceRole?: string}): string | undefined => {
	try {
		checkRequestFactFlags(operation, flags);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
};

/** What `collect-script` says to the same flags. */
const collectScriptSays = (operation: string, flags: {service?: string; serviceRole?: string}): string | undefined => {
	const input: CollectScriptInput = {operation, bucket: 'amzn-s3-demo-bucket', objectKey: 'k', ...flags};
	const result = validateCollectOptions(input);
	return result.ok ? undefined : result.error.message;
};

describe('--service and --service-role', () => {
	it.each<[string, {service?: string; serviceRole?: string}]>([
		['download', {service: 'glue'}],
		['upload', {serviceRole: 'arn:aws:iam::111122223333:role/GlueJob'}],
		['service-read', {service: 'kinesis'}],
		['service-read', {serviceRole: 'arn:aws:iam::111122223333:role/GlueJob'}],
		['service-write', {service: 'glue', serviceRole: 'arn:aws:iam::111122223333:user/u'}],
		['service-write', {service: 'glue', serviceRole: 'not-an-arn'}],
	])('are refused by check and collect-script in the same words: %s %j', (operation, flags) => {
		const said = checkSays(operation, flags);
		expect(said).toBeDefined();
		expect(collectScriptSays(operation, flags)).toBe(said);
	});

	it('name the caller the way each command takes it when a service uses the caller\'s own credentials', () => {
		const flags = {service: 'athena', serviceRole: 'arn:aws:iam::111122223333:role/R'};
		expect(checkSays('service-read', flags)).toBe(
			"--service-role does not apply to athena: Amazon Athena reads and writes with the caller's own credentials (leave --service-role out; --profile is the caller)",
		);
		expect(collectScriptSays('service-read', flags)).toBe(
			"--service-role does not apply to athena: Amazon Athena reads and writes with the caller's own credentials (leave --service-role out; give the caller with --principal)",
		);
	});

	it('are taken by both for a service operation', () => {
		const flags = {service: 'glue', serviceRole: 'arn:aws:iam::111122223333:role/GlueJob'};
		expect(checkSays('service-read', flags)).toBeUndefined();
		expect(collectScriptSays('service-read', flags)).toBeUndefined();
	});
});
