import {describe, expect, it} from 'vitest';
import {allOperations, decideMultipart, destinationLeg, hasSource, legOn, legsInRequestOrder, operationModule, operations} from '../../source/operations/registry.js';
import {cliTransfers, legsOfRefusedAction, multipartApiCalls, operationOfAction, operationOfApiCall} from '../../source/operations/recognise.js';
import {isOperation, operationNames, operationNamesInWords, operationsWithSource} from '../../source/snapshot/operation-names.js';
import {snapshotSchema} from '../../source/snapshot/snapshot-schema.js';
import {runBuiltCli} from '../commands/run-built-cli.js';

/** The one tuple of names, the one registry, and everything that must follow them. */

describe('the registry', () => {
	it('has one module for each name of the tuple, in its order, each under its own name', () => {
		expect(allOperations.map(module => module.name)).toEqual([...operationNames]);
		expect(Object.keys(operations).sort()).toEqual([...operationNames].sort());
		for (const name of operationNames) expect(operationModule(name).name).toBe(name);
	});

	it('keeps each leg on its own side, and every operation has a destination', () => {
		for (const module of allOperations) {
			expect(destinationLeg(module.name).side).toBe('destination');
			expect(legOn(module.name, 'source')?.side ?? 'source').toBe('source');
		}
	});

	it("gives a source leg to exactly the operations the snapshot's question gives a source", () => {
		expect(operationNames.filter(hasSource)).toEqual([...operationsWithSource]);
	});

	it('lists legs in the order S3 makes their requests: a source is read before the destination is written', () => {
		for (const module of allOperations) {
			const sides = legsInRequestOrder(module.name).map(leg => leg.side);
			expect(sides.at(-1)).toBe('destination');
			expect(sides).toEqual(module.legs.source ? ['source', 'destination'] : ['destination']);
		}
	});

	it('decides multipart only for operations that can go in parts', () => {
		const big = {sizeBytes: 100 * 1024 * 1024, tool: 'aws-cli'} as const;
		for (const module of allOperations) {
			const expected = !module.multipart.inParts ? 'no' : module.multipart.thresholdUndocumented ? 'unknown' : 'yes';
			expect(decideMultipart({operation: module.name, ...big}).multipart).toBe(expected);
		}
	});

	it('leaves multipart unknown for "another SDK" and "something else": which one, and its threshold, are not said', () => {
		for (const tool of ['sdk', 'other'] as const) {
			expect(decideMultipart({operation: 'upload', sizeBytes: 1024 * 1024, tool}).multipart).toBe('unknown');
			expect(decideMultipart({operation: 'upload', sizeBytes: 1024 * 1024, tool, multipartThresholdBytes: 8 * 1024 * 1024}).multipart).toBe('no');
		}
	});

	it("leaves multipart unknown whatever the size for an AWS service's write (its threshold is not documented), unless it is known", () => {
		expect(decideMultipart({operation: 'service-write', sizeBytes: 1024}).multipart).toBe('unknown');
		expect(decideMultipart({operation: 'service-write', sizeBytes: 1024, multipart: false}).multipart).toBe('no');
		expect(decideMultipart({operation: 'service-write', multipart: true}).multipart).toBe('yes');
	});
});

describe('guards, choices and the schema derive from the tuple', () => {
	it('isOperation accepts exactly the names of the tuple', () => {
		for (const name of operationNames) expect(isOperation(name)).toBe(true);
		for (const other of ['Upload', 'uplaod', '', 'replicate', undefined, null, 1, {operation: 'upload'}]) expect(isOperation(other)).toBe(false);
	});

	it('lists the names in words as messages say them', () => {
		expect(operationNamesInWords()).toBe('upload, download, copy, cloudfront-download, cloudfront-upload, presigned-download, presigned-upload, service-read, service-write or replication');
		expect(operationNamesInWords(operationsWithSource)).toBe('copy or replication');
	});

	it("the snapshot schema's operation enum is the tuple, and a source is required for the operations that have one", () => {
		const question = snapshotSchema.$defs.question;
		expect(question.properties.operation.enum).toEqual(operationNames);
		expect(question.if.properties.operation.enum).toEqual(operationsWithSource);
		expect(question.then.required).toEqual(['source']);
	});

	for (const command of ['check', 'collect-script']) {
		it(`${command} --operation offers exactly the tuple`, async () => {
			const run = await runBuiltCli([command, '--operation', 'replicate', '--bucket', 'b', '--key', 'k']);
			expect(run.exitCode).toBe(2);
			expect(run.stderr).toContain(`Allowed choices are ${operationNames.join(', ')}.`);
		});
	}
});

describe('recognising an operation from an error', () => {
	it('maps each API call, any case, to the one operation that makes it', () => {
		const calls = allOperations.flatMap(module => module.recognition.apiCalls.map(call => call.name));
		expect(new Set(calls).size).toBe(calls.length);
		expect(operationOfApiCall('uploadpart')).toBe('upload');
		expect(operationOfApiCall('PostObject')).toBe('upload');
		expect(operationOfApiCall('HeadObject')).toBe('download');
		expect(operationOfApiCall('UploadPartCopy')).toBe('copy');
		expect(operationOfApiCall('ListBuckets')).toBeUndefined();
	});

	it('names the multipart calls, a multipart copy included', () => {
		expect([...multipartApiCalls].sort()).toEqual(['CompleteMultipartUpload', 'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy']);
	});

	it('lets an action betray an operation only when one operation alone needs it', () => {
		const needing = (action: string) =>
			allOperations.filter(module => legsInRequestOrder(module.name).some(leg => leg.actions.some(needed => needed.action.toLowerCase() === action.toLowerCase())));
		for (const module of allOperations) for (const action of module.recognition.actions) expect(needing(action).map(other => other.name)).toEqual([module.name]);
		expect(operationOfAction('S3:REPLICATEOBJECT')).toBe('replication');
		// A copy writes its destination with s3:PutObject and kms:GenerateDataKey, and reads its source with s3:GetObject.
		for (const action of ['kms:GenerateDataKey', 's3:PutObject', 's3:GetObject', 'kms:Decrypt']) expect(operationOfAction(action)).toBeUndefined();
	});

	it('tells which leg a refused KMS action is on, where the API call settles it', () => {
		// A single CopyObject makes no parts: only reading its source needs kms:Decrypt there.
		expect(legsOfRefusedAction('copy', 'kms:Decrypt', 'CopyObject')).toEqual(['source']);
		// In parts, S3 decrypts the destination upload's data key as well: either leg.
		expect(legsOfRefusedAction('copy', 'kms:Decrypt', 'UploadPartCopy')).toEqual(['source', 'destination']);
		expect(legsOfRefusedAction('copy', 'kms:Decrypt', undefined)).toEqual(['source', 'destination']);
		expect(legsOfRefusedAction('copy', 'KMS:GenerateDataKey', 'CopyObject')).toEqual(['destination']);
		expect(legsOfRefusedAction('upload', 'kms:Decrypt', 'PutObject')).toEqual([]);
		expect(legsOfRefusedAction('download', 'kms:Decrypt', 'GetObject')).toEqual(['destination']);
	});

	it('knows each aws s3 transfer verb once, with the end that is the object', () => {
		expect(cliTransfers.map(({verb, operation, object}) => `${verb}:${operation}:${object}`)).toEqual(['upload:upload:to', 'download:download:from', 'copy:copy:to', 'move:copy:to']);
	});
});
