import {execFileSync} from 'node:child_process';
import {expect} from 'vitest';
import {diagnose} from '../../../source/diagnosis/diagnose.js';
import type {Diagnosis, Fix, Place, Requirement, RequirementStatus} from '../../../source/diagnosis/diagnosis.js';
import type {NamedPolicy, PolicyJson, Snapshot} from '../../../source/snapshot/snapshot.js';

/** Assertions shared by the diagnosis tests: finding rows, and checking fixes without trusting the fixes module. */

export const requirementOf = (diagnosis: Diagnosis, actionId: string, place: Place): Requirement => {
	const found = diagnosis.requirements.find(requirement => requirement.actionId === actionId && requirement.place === place);
	if (!found) throw new Error(`no requirement ${actionId} at ${place}; rows: ${diagnosis.requirements.map(row => `${row.actionId}#${row.place}`).join(', ')}`);
	return found;
};

/** `{"kms:Decrypt@destination#key-policy": "missing", …}`: the table a user reads, in one value. */
export const statusTable = (diagnosis: Diagnosis): Record<string, RequirementStatus> =>
	Object.fromEntries(diagnosis.requirements.map(requirement => [`${requirement.actionId}#${requirement.place}`, requirement.status]));

export const decisions = (diagnosis: Diagnosis): Record<string, string> =>
	Object.fromEntries(diagnosis.actions.map(action => [action.id, action.decision]));

export const findingIds = (diagnosis: Diagnosis): string[] => diagnosis.findings.map(finding => finding.id);

const statementsOf = (document: PolicyJson | null | undefined): unknown[] => {
	const statement = document?.['Statement'];
	return Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
};

const bucketNameOf = (target: string): string => target.replace(/^arn:[^:]+:s3:::/, '');

/** The group a fix's target names (`group Admins`): it writes that group's inline policy. */
const groupOf = (fix: Fix): string | undefined => /^group (\S+)$/.exec(fix.target ?? '')?.[1];

/**
 * The identity policy a fix writes: a managed one by its ARN (the fix's target), an inline one by its name; a group's
 * inline one is listed as "group NAME: POLICY" (live reads) or "group NAME/POLICY" (a support bundle).
 */
const isFixedBy = (fix: Fix) => (entry: NamedPolicy): boolean => {
	const group = groupOf(fix);
	if (group !== undefined) return entry.arn === undefined && [`group ${group}: ${fix.policyName}`, `group ${group}/${fix.policyName}`].includes(entry.name);
	return entry.name === fix.policyName && entry.arn === (/^arn:[^:]+:iam::[^:]*:policy\//.test(fix.target ?? '') ? fix.target! : undefined);
};

/** The document a fix replaces, found from its place and target (not from the fixes module's own bookkeeping). */
export const policyBefore = (snapshot: Snapshot, fix: Fix): PolicyJson | null | undefined => {
	if (fix.target === null) throw new Error(`a ${fix.kind} fix rewrites no policy`);
	switch (fix.place) {
		case 'key-policy':
			if (snapshot.key?.arn === fix.target) return snapshot.key!.policy;
			if (snapshot.source?.keyInfo?.arn === fix.target) return snapshot.source.keyInfo.policy;
			throw new Error(`key-policy fix targets ${fix.target}, which is no key of the snapshot`);
		case 'bucket-policy':
			if (bucketNameOf(fix.target) === snapshot.question.bucket) return snapshot.bucket?.policy;
			if (bucketNameOf(fix.target) === snapshot.question.source?.bucket) return snapshot.source?.bucketInfo?.policy;
			throw new Error(`bucket-policy fix targets ${fix.target}, which is no bucket of the question`);
		case 'identity-policy':
			return snapshot.principal?.identityPolicies?.find(isFixedBy(fix))?.document;
		case 'permissions-boundary':
			return snapshot.principal?.permissionsBoundary?.document;
		default:
			throw new Error(`no test support for fixes in ${fix.place}`);
	}
};

/** The changed request a change-request fix's command sends, as the shell parses it: the key it names. */
const changedQuestion = (snapshot: Snapshot, fix: Fix): Snapshot => {
	const argv = argvOf(fix.command);
	expect(argv.slice(0, 2)).toEqual(['s3', 'cp']);
	expect(valueAfter(argv, '--sse')).toBe('aws:kms');
	const keyId = valueAfter(argv, '--sse-kms-key-id');
	expect(keyId).toMatch(/^arn:aws:kms:/);
	return {...snapshot, question: {...snapshot.question, kmsKeyId: keyId!}};
};

/** The grant a create-grant command makes, added to the key it names. */
const withGrantOf = (snapshot: Snapshot, fix: Fix): Snapshot => {
	const argv = argvOf(fix.command);
	expect(argv.slice(0, 2)).toEqual(['kms', 'create-grant']);
	const from = argv.indexOf('--operations') + 1;
	const end = argv.findIndex((word, index) => index >= from && word.startsWith('--'));
	const operations = argv.slice(from, end === -1 ? undefined : end);
	const constraints = valueAfter(argv, '--constraints');
	const parsed = constraints ? (JSON.parse(constraints) as {EncryptionContextEquals?: Record<string, string>; EncryptionContextSubset?: Record<string, string>}) : {};
	const grant = {
		granteePrincipal: valueAfter(argv, '--grantee-principal')!,
		operations,
		...(parsed.EncryptionContextEquals || parsed.EncryptionContextSubset
			? {constraints: {...(parsed.EncryptionContextEquals ? {encryptionContextEquals: parsed.EncryptionContextEquals} : {}), ...(parsed.EncryptionContextSubset ? {encryptionContextSubset: parsed.EncryptionContextSubset} : {})}}
			: {}),
	};
	const keyId = valueAfter(argv, '--key-id');
	if (snapshot.key?.arn === keyId) return {...snapshot, key: {...snapshot.key!, grants: [...(snapshot.key!.grants ?? []), grant]}};
	return {...snapshot, source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, grants: [...(snapshot.source!.keyInfo!.grants ?? []), grant]}}};
};

/** Put the fix's whole policy where the fix says it goes (a changed request: send it; a grant: create it). */
export const applyFix = (snapshot: Snapshot, fix: Fix): Snapshot => {
	if (fix.kind === 'change-request') return changedQuestion(snapshot, fix);
	if (fix.place === 'key-grant') return withGrantOf(snapshot, fix);
	const policy = fix.policy!;
	switch (fix.place) {
		case 'key-policy':
			if (snapshot.key?.arn === fix.target) return {...snapshot, key: {...snapshot.key, policy}};
			return {...snapshot, source: {...snapshot.source, keyInfo: {...snapshot.source!.keyInfo!, policy}}};
		case 'bucket-policy':
			if (bucketNameOf(fix.target!) === snapshot.question.bucket) return {...snapshot, bucket: {...snapshot.bucket, policy}};
			return {...snapshot, source: {...snapshot.source, bucketInfo: {...snapshot.source?.bucketInfo, policy}}};
		case 'identity-policy': {
			const existing = snapshot.principal!.identityPolicies ?? [];
			const replaced = existing.some(isFixedBy(fix));
			const identityPolicies = replaced
				? existing.map(entry => (isFixedBy(fix)(entry) ? {...entry, document: policy} : entry))
				: [...existing, {name: fix.policyName!, document: policy}];
			return {...snapshot, principal: {...snapshot.principal!, identityPolicies}};
		}
		case 'permissions-boundary':
			return {...snapshot, principal: {...snapshot.principal!, permissionsBoundary: {...snapshot.principal!.permissionsBoundary!, document: policy}}};
		default:
			throw new Error(`no test support for applying fixes in ${fix.place}`);
	}
};

/** What the shell would pass to `aws`: the command runs with `aws` replaced by a function that prints its argv. */
export const argvOf = (command: string): string[] => {
	const output = execFileSync('sh', ['-c', `aws() { printf '%s\\0' "$@"; }\n${command}`], {encoding: 'utf8'});
	return output.split('\0').slice(0, -1);
};

const valueAfter = (argv: readonly string[], flag: string): string | undefined => {
	const index = argv.indexOf(flag);
	return index === -1 ? undefined : argv[index + 1];
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * A corrected Deny that lets requests AWS services make pass ("Bool": {"aws:ViaAWSService": "false"}), or an Allow's twin
 * for them (kms:ViaService or aws:ViaAWSService true in place of the network): it gives something up.
 */
export const exemptsServiceRequests = (fix: Fix): boolean => {
	if (fix.kind !== 'correct-condition') return false;
	const condition = JSON.stringify(fix.statement?.['Condition'] ?? {});
	if (fix.statement?.['Effect'] === 'Deny') return condition.includes('"aws:ViaAWSService":"false"');
	// The twin tests one kms:ViaService; a kms:ViaService corrected in place keeps its old value beside the new (a list).
	return condition.includes('"kms:ViaService":"') || condition.includes('"aws:ViaAWSService":"true"');
};

/** A Deny's encryption context corrected to accept a bucket ARN beside a narrower value (a prefix, an object): the prefix is given up. */
const widensDenyContext = (fix: Fix): boolean => {
	if (fix.kind !== 'correct-condition' || fix.statement?.['Effect'] !== 'Deny') return false;
	const blocks = Object.values((fix.statement['Condition'] ?? {}) as Record<string, Record<string, unknown>>);
	const values = blocks.flatMap(block => Object.entries(block).filter(([key]) => key.toLowerCase() === 'kms:encryptioncontext:aws:s3:arn').flatMap(([, value]) => [value].flat().map(String)));
	return values.some(bucketArn => !bucketArn.includes('/') && values.some(value => value.includes('/') && value !== `${bucketArn}/*` && value !== `${bucketArn}*`));
};

/** A Deny's kms:ViaService corrected to accept S3 in the bucket's Region beside the one it named (perhaps a Region guardrail). */
const correctsDenyRegion = (fix: Fix): boolean => {
	if (fix.kind !== 'correct-condition' || fix.statement?.['Effect'] !== 'Deny') return false;
	const blocks = Object.values((fix.statement['Condition'] ?? {}) as Record<string, Record<string, unknown>>);
	return blocks.some(block => Object.entries(block).some(([key, value]) => key.toLowerCase() === 'kms:viaservice' && [value].flat().length > 1));
};

/** A Deny corrected so that it keeps less than it did: a prefix given up for the bucket, or another Region let through. */
export const correctsDenyScope = (fix: Fix): boolean => widensDenyContext(fix) || correctsDenyRegion(fix);

/** An Allow's twin for the requests AWS services make: added after the statements there, which all stay as they were. */
const addsTwin = (fix: Fix): boolean => exemptsServiceRequests(fix) && fix.statement?.['Effect'] === 'Allow';

/**
 * No `*` principal, no wildcard action (`kms:*`, `s3:*`, `kms:GenerateDataKey*`), no resource wider than the
 * request (`requested`: the resources of the rows the fix targets); in a key policy only `*`, the key itself.
 */
/** A corrected Deny that now applies only to requests carrying aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths. */
const keepsToServicePrincipals = (fix: Fix): boolean => {
	const condition = fix.kind === 'correct-condition' && fix.statement?.['Effect'] === 'Deny' ? fix.statement['Condition'] : undefined;
	const nullBlock = typeof condition === 'object' && condition !== null && !Array.isArray(condition) ? (condition as Record<string, unknown>)['Null'] : undefined;
	return typeof nullBlock === 'object' && nullBlock !== null && Object.entries(nullBlock).some(([key, value]) => /^aws:source(arn|account|orgid|orgpaths)$/i.test(key) && value === 'false');
};

export const expectLeastPrivilege = (fix: Fix, requested?: readonly string[]): void => {
	if (fix.kind === 'narrow-deny') {
		expect(fix.statement!['Effect']).toBe('Deny');
		expect(fix.weakens, 'a narrowed Deny says what it gives up').toMatch(/\S/);
		return;
	}
	if (exemptsServiceRequests(fix)) {
		expect(fix.weakens, 'an exemption of requests AWS services make says what it gives up').toMatch(/\S/);
		return;
	}
	// A Deny kept to a prefix of the bucket (or to S3 in one Region), corrected to accept what AWS sends, gives that up.
	if (correctsDenyScope(fix)) {
		expect(fix.weakens, 'a Deny corrected to accept what AWS sends says what it gives up').toMatch(/no longer keeps (the key's|KMS) use to/);
		return;
	}
	// A Deny kept to requests that carry a service principal's key (aws:SourceAccount …) no longer stops the caller's own.
	if (keepsToServicePrincipals(fix)) {
		expect(fix.weakens, 'a Deny kept to requests that carry the key says what it gives up').toMatch(/no longer denies requests without aws:Source/);
		return;
	}
	// A permissions boundary is a guardrail: an Allow that widens it says so; any other Allow gives nothing up.
	if (fix.place === 'permissions-boundary') expect(fix.weakens, 'a widened permissions boundary says what it gives up').toMatch(/guardrail/);
	else expect(fix.weakens).toBeNull();
	if (fix.kind !== 'add-allow' || fix.statement === null) return;
	const statement = fix.statement as Record<string, unknown>;
	expect(statement['Effect']).toBe('Allow');
	const principal = statement['Principal'];
	expect(principal).not.toBe('*');
	if (principal !== undefined) expect(asList((principal as Record<string, unknown>)['AWS'])).not.toContain('*');
	if (fix.place === 'key-policy' || fix.place === 'bucket-policy') expect(principal).toBeDefined();
	else expect(principal).toBeUndefined();
	expect(statement['NotAction']).toBeUndefined();
	expect(statement['NotResource']).toBeUndefined();
	for (const action of asList(statement['Action'])) {
		expect(typeof action).toBe('string');
		expect(action as string).not.toMatch(/[*?]/);
	}
	if (fix.place !== 'key-policy') {
		for (const resource of asList(statement['Resource'])) {
			expect(resource).not.toBe('*');
			if (requested) expect(requested, 'a resource no wider than the request').toContain(resource);
		}
	} else {
		expect(asList(statement['Resource'])).toEqual(['*']);
	}
};

/** The new policy keeps every statement that was there, unchanged, except those the fix shows rewritten; new ones come last. */
export const expectExistingStatementsKept = (before: PolicyJson | null | undefined, fix: Fix): void => {
	if (fix.policy === null) return;
	const old = statementsOf(before);
	const now = statementsOf(fix.policy);
	// Byte for byte: the same keys in the same order, so a diff of the pasted policy shows only the change.
	const text = (statements: readonly unknown[]): string[] => statements.map(statement => JSON.stringify(statement));
	if (fix.kind === 'add-allow' || addsTwin(fix)) {
		// Each old statement stays byte for byte, unless the fix shows it corrected (a correction of the same policy folded in).
		const shown = text(fix.statements.filter(statement => statement !== fix.statement));
		now.slice(0, old.length).forEach((statement, index) => {
			const [written] = text([statement]);
			if (written !== text([old[index]])[0]) expect(shown, 'a statement changed in place is one the fix shows').toContain(written);
		});
		// New statements come after the old ones, each shown by the fix (two merged into one fix add two), its own first.
		const added = now.slice(old.length);
		expect(added.length).toBeGreaterThan(0);
		expect(added).toContainEqual(fix.statement);
		for (const statement of added) {
			expect(text(fix.statements), 'an added statement is one the fix shows').toContain(text([statement])[0]);
			if (fix.kind === 'add-allow') expectLeastPrivilege({...fix, statement: statement as PolicyJson});
		}
		for (const [name, value] of Object.entries(before ?? {})) if (name !== 'Statement') expect(fix.policy[name]).toEqual(value);
		return;
	}
	// A narrow-deny rewrites one statement in place; when the narrowing uncovers a missing Allow in the same
	// policy, the fix also appends that Allow (least privilege, like any added statement) after the old ones.
	const kept = now.slice(0, old.length);
	const changed = kept.filter((statement, index) => text([statement])[0] !== text([old[index]])[0]);
	expect(changed).toEqual([fix.statement]);
	for (const added of now.slice(old.length)) expectLeastPrivilege({...fix, kind: 'add-allow', weakens: null, statement: added as PolicyJson});
};

/** The CLI command names the right target and carries exactly the fix's policy, once the shell has parsed it. */
export const expectCommandFits = (snapshot: Snapshot, fix: Fix): void => {
	const argv = argvOf(fix.command);
	const target = fix.target ?? '';
	if (fix.kind === 'change-request') {
		expect(argv.slice(0, 2)).toEqual(['s3', 'cp']);
		expect(argv).toContain(`s3://${snapshot.question.bucket}/${snapshot.question.objectKey}`);
		return;
	}
	switch (fix.place) {
		case 'key-policy':
			expect(argv.slice(0, 2)).toEqual(['kms', 'put-key-policy']);
			expect(valueAfter(argv, '--key-id')).toBe(fix.target);
			// KMS answers in the key's Region only: the profile's default Region may be another.
			expect(valueAfter(argv, '--region')).toBe(target.split(':')[3]);
			expect(valueAfter(argv, '--policy-name')).toBe('default');
			expect(JSON.parse(valueAfter(argv, '--policy')!)).toEqual(fix.policy);
			break;
		case 'bucket-policy':
			expect(argv.slice(0, 2)).toEqual(['s3api', 'put-bucket-policy']);
			expect(valueAfter(argv, '--bucket')).toBe(bucketNameOf(target));
			expect(JSON.parse(valueAfter(argv, '--policy')!)).toEqual(fix.policy);
			break;
		case 'identity-policy': {
			const managed = snapshot.principal?.identityPolicies?.find(isFixedBy(fix))?.arn;
			if (managed) {
				expect(argv.slice(0, 2)).toEqual(['iam', 'create-policy-version']);
				expect(valueAfter(argv, '--policy-arn')).toBe(managed);
			} else if (groupOf(fix) !== undefined) {
				expect(snapshot.principal?.identityPolicies?.some(isFixedBy(fix)), 'the group policy it rewrites is in the snapshot').toBe(true);
				expect(argv.slice(0, 2)).toEqual(['iam', 'put-group-policy']);
				expect(valueAfter(argv, '--group-name')).toBe(groupOf(fix));
				expect(valueAfter(argv, '--policy-name')).toBe(fix.policyName);
			} else {
				const kind = /:user\//.test(target) ? 'user' : 'role';
				expect(fix.target).toMatch(kind === 'user' ? /^arn:aws:iam::\d{12}:user\// : /^arn:aws:iam::\d{12}:role\//);
				expect(argv.slice(0, 2)).toEqual(['iam', `put-${kind}-policy`]);
				expect(valueAfter(argv, `--${kind}-name`)).toBe(target.split('/').pop());
				expect(valueAfter(argv, '--policy-name')).toBe(fix.policyName);
			}
			expect(JSON.parse(valueAfter(argv, '--policy-document')!)).toEqual(fix.policy);
			break;
		}
		case 'permissions-boundary':
			expect(argv.slice(0, 2)).toEqual(['iam', 'create-policy-version']);
			expect(valueAfter(argv, '--policy-arn')).toBe(fix.target);
			expect(JSON.parse(valueAfter(argv, '--policy-document')!)).toEqual(fix.policy);
			break;
		case 'key-grant':
			expect(argv.slice(0, 2)).toEqual(['kms', 'create-grant']);
			expect(valueAfter(argv, '--key-id')).toBe(fix.target);
			expect(valueAfter(argv, '--region')).toBe(target.split(':')[3]);
			break;
		default:
			throw new Error(`no command check for ${fix.place}`);
	}
};

/**
 * Every fix of the diagnosis: marked proven, least privilege, keeps the existing statements, a command
 * that fits, and — checked here, independently — applied to the snapshot it turns its targets `ok`
 * (a narrowed Deny: no longer `denied`). Returns the diagnoses after each fix for further assertions.
 */
export const expectFixesHold = (snapshot: Snapshot, diagnosis: Diagnosis = diagnose(snapshot)): Diagnosis[] =>
	diagnosis.fixes.map(fix => {
		expect(fix.proven, fix.summary).toBe(true);
		expect(fix.resolves.length).toBeGreaterThan(0);
		expect(fix.appliesIn.role).toMatch(/\S/);
		const rows = fix.resolves.map(id => {
			const [actionId, place] = id.split('#') as [string, Place];
			return requirementOf(diagnosis, actionId, place);
		});
		expectLeastPrivilege(fix, rows.map(row => row.resource));
		if (fix.policy !== null) expectExistingStatementsKept(policyBefore(snapshot, fix), fix);
		expectCommandFits(snapshot, fix);
		const after = diagnose(applyFix(snapshot, fix));
		for (const row of rows) {
			const id = `${row.actionId}#${row.place}`;
			// A grant whose constraint does not fit is fixed by a grant or by a key-policy statement.
			if (fix.kind !== 'change-request') expect(row.place === 'key-grant' ? ['key-grant', 'key-policy'] : [row.place]).toContain(fix.place);
			expect(['ok', 'not-needed'], `${id} after "${fix.summary}"`).toContain(requirementOf(after, row.actionId, row.place).status);
		}
		return after;
	});

/** Apply every fix in turn, as a user pasting each command would. */
export const applyAllFixes = (snapshot: Snapshot, diagnosis: Diagnosis = diagnose(snapshot)): Snapshot =>
	diagnosis.fixes.reduce((current, fix) => {
		// Each fix's policy was computed from the original snapshot; re-merge its new statement into the current one.
		if (fix.policy === null) return applyFix(current, fix);
		const before = policyBefore(current, fix);
		if (fix.kind === 'add-allow' && fix.place !== 'identity-policy') {
			return applyFix(current, {...fix, policy: {...(before ?? {Version: '2012-10-17'}), Statement: [...statementsOf(before), fix.statement!]}});
		}
		return applyFix(current, fix);
	}, snapshot);
