import type {FakeCredential, FakeScenario} from './scenario.js';
import {errorAnswer, type ErrorSpec, type FakeResponse, type Protocol} from './wire.js';

export type FakeService = 'sts' | 'iam' | 'kms' | 's3' | 'organizations';

export const protocols: Readonly<Record<FakeService, Protocol>> = {sts: 'query', iam: 'query', kms: 'json', organizations: 'json', s3: 'rest-xml'};

/** One decoded request: which service and operation, from whom, in which Region, with which parameters. */
export type FakeCall = {
	readonly service: FakeService;
	readonly operation: string;
	/** The Region of the SigV4 credential scope. */
	readonly region: string;
	readonly caller: FakeCredential;
	/** Query-protocol form fields, a JSON body, or S3's Bucket and Key. */
	readonly params: Readonly<Record<string, unknown>>;
	readonly head: boolean;
};

/** The scenario plus what changes while the fake runs (role sessions created by AssumeRole). */
export type World = {
	readonly scenario: FakeScenario;
	readonly credentials: Map<string, FakeCredential>;
	/**
	 * Refuse an S3 request signed for a Region other than the bucket's, as S3 does. Off unless a test asks: the
	 * collect script's fake `aws` (fake-aws-cli-sdk) does not follow S3's Region as the real CLI does.
	 */
	readonly checksS3Region: boolean;
};

export type Handler = (call: FakeCall, world: World) => FakeResponse;

export const fail = (call: FakeCall, spec: ErrorSpec, headers?: Readonly<Record<string, string>>): FakeResponse =>
	errorAnswer(protocols[call.service], spec, {head: call.head, ...(headers ? {headers} : {})});

export const param = (call: FakeCall, name: string): string | undefined => {
	const value = call.params[name];
	return typeof value === 'string' ? value : undefined;
};

/** The message AWS writes for an implicit deny, so tests see realistic text. */
export const notAuthorized = (call: FakeCall, action: string, resource: string): string =>
	`User: ${call.caller.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
