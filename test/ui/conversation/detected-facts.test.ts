import {describe, expect, it} from 'vitest';
import {parseAccessDenied} from '../../../source/inputs/error-message/index.js';
import {denialFacts} from '../../../source/ui/conversation/detected-facts.js';

/**
 * The wizard's lines for a pasted error never say "not a missing grant" of KMS's message that may be one: its own words are
 * "… or you are not allowed to access" (the ciphertext message) and "… no resource-based policies allow access, or a
 * resource-based policy explicitly denies access" (KMS's message that names no key).
 */

const notesOf = (text: string): string[] => {
	const parsed = parseAccessDenied(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return denialFacts(parsed.value).map(note => note.text);
};

describe("a pasted KMS error's lines", () => {
	it('a key KMS may refuse for want of a grant: never "not a missing grant"', () => {
		const ciphertext = notesOf('An error occurred (AccessDenied) when calling the GetObject operation: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.');
		const noKeyNamed = notesOf(
			'An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::111122223333:assumed-role/App/sess is not authorized to perform: kms:GenerateDataKey on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access',
		);
		for (const notes of [ciphertext, noKeyNamed]) {
			expect(notes.join('\n')).not.toMatch(/not a missing grant/);
			expect(notes.join('\n')).toMatch(/does not exist|not allowed|allow access/);
		}
		expect(noKeyNamed.join('\n')).not.toMatch(/Resource: this resource/);
	});

	it('a disabled key: not a missing grant, as before', () => {
		const disabled = notesOf('An error occurred (KMS.DisabledException) when calling the GetObject operation: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab is disabled.');
		expect(disabled.join('\n')).toMatch(/This is not a missing grant/);
	});
});
