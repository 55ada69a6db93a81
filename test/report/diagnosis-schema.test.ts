import {readFileSync, readdirSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {diagnosisFormat, renderJson} from '../../source/report/render-json.js';
import type {Snapshot} from '../../source/snapshot/snapshot.js';
import {allow, buildSnapshot, keyArn, named, policy, without} from '../diagnosis/support/build-snapshot.js';
import {allowedDownload, deniedMultipartUpload, unknownCopy} from './fixtures.js';

/** `check --format json` is a contract: every output must validate against docs/diagnosis.schema.json. */

const schema = JSON.parse(readFileSync(new URL('../../docs/diagnosis.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true}).compile(schema);
const examplesDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter(name => name.endsWith('.json'));

const errorsOf = (json: string): string => (validate(JSON.parse(json)) ? '' : JSON.stringify(validate.errors, null, 1));

describe('docs/diagnosis.schema.json', () => {
	it('names the format the output carries', () => {
		expect((schema['properties'] as Record<string, {const?: string}>)['format']?.const).toBe(diagnosisFormat);
	});

	for (const name of examples) {
		it(`validates the JSON report of examples/${name}`, () => {
			const snapshot = JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8')) as Snapshot;
			expect(errorsOf(renderJson(diagnose(snapshot)))).toBe('');
		});
	}

	it('validates denied, allowed and unknown reports', () => {
		for (const diagnosis of [deniedMultipartUpload, allowedDownload, unknownCopy]) expect(errorsOf(renderJson(diagnosis))).toBe('');
	});

	it('validates a fix proven for its own rows only, a pasted message saying an SCP denied', () => {
		const keyOnly = buildSnapshot({principal: {identityPolicies: [named('KeyOnly', policy(allow('kms:GenerateDataKey', keyArn)))]}});
		const diagnosis = diagnose({...without(keyOnly, 'organization'), evidence: [{deniedBy: 'scp', action: 's3:PutObject'}]});
		expect(diagnosis.fixes[0]?.blockedBy?.status).toBe('denied');
		expect(errorsOf(renderJson(diagnosis))).toBe('');
	});

	it('refuses a report that drops a contract key or adds an undocumented one', () => {
		const report = JSON.parse(renderJson(deniedMultipartUpload)) as Record<string, unknown>;
		const {verdict: _dropped, ...withoutVerdict} = report;
		expect(validate(withoutVerdict)).toBe(false);
		expect(validate({...report, extra: true})).toBe(false);
	});
});
