import {err, ok, type Result} from '../../shared/result.js';
import type {BundleQuestion} from './bundle-layout.js';
import {asObject, asString} from '../../snapshot/aws-answers/json-access.js';

const asNumberOrUndefined = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** question.json, checked: the one file a bundle cannot do without. */
export const readQuestion = (value: unknown): Result<BundleQuestion, string> => {
	const object = asObject(value);
	if (!object) return err('expected a JSON object');
	const operation = object['operation'];
	if (operation !== 'upload' && operation !== 'download' && operation !== 'copy') return err('"operation" must be upload, download or copy');
	const bucket = asString(object['bucket']);
	const objectKey = asString(object['objectKey']);
	if (!bucket) return err('"bucket" is missing');
	if (!objectKey) return err('"objectKey" is missing');
	const source = asObject(object['source']);
	const sourceBucket = asString(source?.['bucket']);
	const sourceKey = asString(source?.['objectKey']);
	if (operation === 'copy' && (!sourceBucket || !sourceKey)) return err('a copy needs "source": {"bucket", "objectKey"}');
	const optional = (name: string): Record<string, string> => {
		const text = asString(object[name]);
		return text ? {[name]: text} : {};
	};
	const sizeBytes = asNumberOrUndefined(object['sizeBytes']);
	return ok({
		format: object['format'] as BundleQuestion['format'],
		...optional('generatedBy'),
		operation,
		bucket,
		objectKey,
		...optional('kmsKeyId'),
		...optional('principal'),
		...optional('region'),
		...(sizeBytes !== undefined ? {sizeBytes} : {}),
		...(operation === 'copy' ? {source: {bucket: sourceBucket!, objectKey: sourceKey!}} : {}),
	});
};
