import type {Answers} from '../../../source/ui/conversation/walk.js';
import {keys} from './render.js';
import type {Step} from './walk-through.js';

/** The key the manual uploads below name: account 111122223333, eu-west-1. */
export const manualKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const policy = (statement: object): string => JSON.stringify({Version: '2012-10-17', Statement: [statement]});

/**
 * Every answer of a manual 200 MB upload with the AWS CLI (in parts, so it needs kms:Decrypt), in the order the wizard
 * asks them: role Uploader, the key policy allowing it kms:GenerateDataKey only, an identity policy allowing the rest.
 */
export const manualUpload: Answers = {
	start: 'manual',
	operation: 'upload',
	bucket: 'reports-bucket',
	'object-key': 'exports/big.csv',
	'names-key': 'yes',
	'kms-key': manualKeyArn,
	tool: 'aws-cli',
	size: '200 MB',
	principal: 'arn:aws:iam::111122223333:role/Uploader',
	'bucket-account': 'same',
	'bucket-region': 'eu-west-1',
	'key-policy-how': 'paste',
	'key-policy': policy({Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:role/Uploader'}, Action: 'kms:GenerateDataKey', Resource: '*'}),
	'identity-how': 'paste',
	'identity-policy-1': policy({Effect: 'Allow', Action: ['s3:PutObject', 'kms:*'], Resource: '*'}),
	'identity-more-1': 'no',
	'bucket-policy-how': 'none',
	guardrails: 'none',
	'grants-how': 'none',
};

/**
 * A 200 MB upload with the AWS CLI typed into the wizard, from its first question to the key policy pasted: `caller`, the
 * key named by ARN, its policy pasted. The grants are asked after the guardrails, where they can change the result.
 */
export const manualUploadWithKeyPolicy = (caller: string, keyPolicy: string): readonly Step[] => [
	['How shall we look', [keys.enter]],
	['What fails?', [keys.enter]],
	['Which bucket?', [keys.enter], 's3://amzn-s3-demo-bucket/backups/db.tar'],
	['name a KMS key', [keys.down, keys.enter]],
	['Which key does the request name?', [keys.enter], manualKeyArn],
	['What uploads it?', [keys.enter]],
	['How big is the file?', [keys.enter], '200 MB'],
	['Who makes the request?', [keys.enter], caller],
	["in the caller's account", [keys.enter]],
	['Which Region is the bucket in?', [keys.enter]],
	['The key policy:', [keys.enter]],
	['Paste the key policy', [keys.enter], keyPolicy],
];
