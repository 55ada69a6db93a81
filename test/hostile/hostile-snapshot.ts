import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, buildSnapshot, deny, keyArn, named, policy} from '../diagnosis/support/build-snapshot.js';

/** Escape sequences a customer can write JSON-escaped in any string: each would steer a terminal if printed raw. */
export const osc52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
export const clearScreen = '\u001b[2J\u001b[H';
export const hyperlink = '\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007';
export const overwrite = '\r✔ ALLOWED                    ';
export const reorder = '\u202Etxt.exe';
export const csi8bit = '\u009b2J';

/** Characters that must never reach a human-facing output raw (newline and tab of our own layout aside). */
// eslint-disable-next-line no-control-regex -- these are what the tests look for.
export const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** What is left of `text` that a terminal would act on; empty when the output is safe. */
export const rawControls = (text: string): string[] => [...text].filter(character => rawControl.test(character)).map(character => `U+${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);

/** A snapshot that is denied, and writes every hostile sequence into a Sid, a key, a name and a condition. */
export const hostileSnapshot: Snapshot = buildSnapshot({
	metadata: {title: `upload ${clearScreen}`, collectedBy: 'manual'},
	question: {operation: 'upload', bucket: 'example-bucket', objectKey: `in/x\n# Owned\n<script>alert(1)</script>\n[x](javascript:alert(1))${overwrite}\r| a | b |`},
	principal: {
		// A role name cannot hold U+202E (names/ refuses the ARN), so the reordering sits in a tag the reports print.
		arn: 'arn:aws:iam::111122223333:role/Uploader',
		tags: {team: `data${reorder}`},
		identityPolicies: [
			named(
				`writer${csi8bit}${reorder}`,
				policy(
					allow('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Sid: `A${osc52}B`}),
					allow(['kms:GenerateDataKey'], keyArn, {Sid: `K${hyperlink}`, Condition: {StringEquals: {'kms:EncryptionContext:team': `x${clearScreen}`}}}),
				),
			),
		],
		permissionsBoundary: null,
	},
	bucket: {policy: policy(deny('s3:PutObject', 'arn:aws:s3:::example-bucket/*', {Principal: '*', Sid: `Deny${overwrite}`, Condition: {StringNotEquals: {'s3:x-amz-server-side-encryption-aws-kms-key-id': `other${osc52}`}}}))},
	unread: [{path: 'object', reason: `s3:HeadObject: failed ${osc52}${clearScreen}`}],
});
