import {describe, expect, it} from 'vitest';
import type {Fix} from '../../../source/diagnosis/diagnosis.js';
import {putBucketPolicyCommand, putIdentityPolicyCommand, putKeyPolicyCommand} from '../../../source/diagnosis/fixes/commands.js';
import {displayWidth} from '../../../source/shared/display-width.js';
import {commandLayout, policyFileName} from '../../../source/ui/result/command-layout.js';
import {argvOf} from '../../diagnosis/support/fix-checks.js';

/** The CLI command view: a mouse copy of what is on screen must still be the command, never a JSON string cut by wrapping. */

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const policy = {
	Version: '2012-10-17',
	Statement: [
		{Sid: 'EnableIam', Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'kms:*', Resource: '*'},
		{Sid: "O'Brien", Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Uploader'}, Action: ['kms:Decrypt'], Resource: '*'},
	],
};
const keyFix = {command: putKeyPolicyCommand(keyArn, policy), policy, place: 'key-policy', target: keyArn} satisfies Partial<Fix>;

describe('commandLayout', () => {
	it('shows the command on one line when it fits', () => {
		expect(commandLayout(keyFix, keyFix.command.length)).toEqual({kind: 'lines', lines: [keyFix.command]});
	});

	it('otherwise one statement per line: every line fits, and the shell reads the very same command', () => {
		const layout = commandLayout(keyFix, 140);
		expect(layout.kind).toBe('lines');
		const lines = layout.kind === 'lines' ? layout.lines : [];
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(140);
		expect(lines.filter(line => line.startsWith('{"Sid"'))).toHaveLength(2);
		// A newline between JSON tokens is still JSON, and inside single quotes the shell keeps it.
		const onScreen = argvOf(lines.join('\n'));
		const exact = argvOf(keyFix.command);
		expect(onScreen.slice(0, -1)).toEqual(exact.slice(0, -1));
		expect(JSON.parse(onScreen.at(-1)!)).toEqual(JSON.parse(exact.at(-1)!));
	});

	it('too wide even so: write the policy to a file named after it, and the short command reads it', () => {
		const layout = commandLayout(keyFix, 60);
		expect(layout.kind).toBe('file');
		if (layout.kind !== 'file') return;
		expect(layout.fileName).toBe('key-policy-1234abcd-12ab-34cd-56ef-1234567890ab.json');
		expect(JSON.parse(layout.policyText)).toEqual(policy);
		const short = layout.shortCommand('key-policy-1234abcd-12ab-34cd-56ef-1234567890ab-2.json');
		expect(argvOf(short.join('\n'))).toEqual(['kms', 'put-key-policy', '--key-id', keyArn, '--region', 'eu-west-1', '--policy-name', 'default', '--policy', 'file://key-policy-1234abcd-12ab-34cd-56ef-1234567890ab-2.json']);
	});

	it('a value wider than the view is folded inside its quotes: every line fits, and the shell reads the very same command', () => {
		const layout = commandLayout(keyFix, 60);
		if (layout.kind !== 'file') throw new Error('expected the file layout');
		const short = layout.shortCommand('key-policy-1234abcd-12ab-34cd-56ef-1234567890ab.json');
		for (const line of short) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
		expect(argvOf(short.join('\n'))).toEqual(['kms', 'put-key-policy', '--key-id', keyArn, '--region', 'eu-west-1', '--policy-name', 'default', '--policy', 'file://key-policy-1234abcd-12ab-34cd-56ef-1234567890ab.json']);
		// A command without a policy (a changed request), its ARN and an object key with a quote in it.
		const command = `aws s3 cp ./big.bin 's3://reports-bucket/exports/O'\\''Brien/2026-11/full-export.csv' --sse aws:kms --sse-kms-key-id '${keyArn}'`;
		const request = commandLayout({command, policy: null, place: null, target: null}, 44);
		const lines = request.kind === 'lines' ? request.lines : [];
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(44);
		expect(argvOf(lines.join('\n'))).toEqual(argvOf(command));
		expect(argvOf(command)).toContain("s3://reports-bucket/exports/O'Brien/2026-11/full-export.csv");
	});

	it('names each policy file after its policy', () => {
		expect(policyFileName({place: 'bucket-policy', target: 'arn:aws:s3:::reports-bucket', policyName: undefined})).toBe('bucket-policy-reports-bucket.json');
		expect(policyFileName({place: 'identity-policy', target: 'arn:aws:iam::111122223333:role/Uploader', policyName: 's3-kms-doctor-reports-kms'})).toBe('s3-kms-doctor-reports-kms.json');
		expect(putBucketPolicyCommand('b', policy)).toContain('--policy');
		expect(putIdentityPolicyCommand({kind: 'role', name: 'Uploader'}, 'p', policy)).toContain('--policy-document');
	});
});
