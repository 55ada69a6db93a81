import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../../source/shared/display-width.js';
import {commandLines, indentCommand, isOneCommand} from '../../../source/ui/text/command-lines.js';
import {argvOf} from '../../diagnosis/support/fix-checks.js';

const keyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('a command laid out to be copied from a narrow terminal', () => {
	it('indented under a view, a folded word keeps its second half at column 0: the lines run as the same command', () => {
		for (const command of [`aws kms get-key-policy --key-id ${keyArn} --policy-name default --output text`, `aws kms put-key-policy --key-id '${keyArn}' --policy-name default --policy file://p.json`]) {
			const lines = indentCommand(commandLines(command, 76), '    ');
			for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
			expect(lines.some(line => !line.startsWith(' '))).toBe(true);
			expect(argvOf(lines.join('\n'))).toEqual(argvOf(command));
		}
	});

	it('takes one AWS CLI call as a command, not a sentence that starts with one', () => {
		expect(isOneCommand(`aws kms get-key-policy --key-id ${keyArn} --policy-name default --output text`)).toBe(true);
		expect(isOneCommand('aws s3api get-bucket-policy --bucket src-bucket --output text')).toBe(true);
		expect(isOneCommand('aws organizations list-policies-for-target --target-id 111122223333 --filter SERVICE_CONTROL_POLICY, and the same for each OU')).toBe(false);
		expect(isOneCommand('s3:GetBucketPolicy on arn:aws:s3:::b (aws s3api get-bucket-policy --bucket b)')).toBe(false);
	});
});
