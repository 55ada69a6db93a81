import {analyse} from '../../analyse.js';
import {evidenceOfThisRequest} from '../../evidence-legs.js';
import {isKeyArn} from '../../../names/index.js';
import type {Requirement} from '../../diagnosis.js';
import {requirementId} from '../../requirement-id.js';
import type {Snapshot} from '../../../snapshot/snapshot.js';
import {appliesIn} from '../applies-in.js';
import {changedUploadCommand} from '../commands.js';
import type {Draft, FixContext} from '../draft.js';
import {denyingStatement} from './narrow-deny.js';

/**
 * When the request itself is what a policy rejects — it relies on the bucket's default encryption and
 * sends no SSE header, names a key the bucket policy does not accept, or names the key by an alias that
 * resolves in the caller's account — the best fix changes what the request sends. It is proven by
 * re-diagnosing the changed question; a missing grant is never fixed this way (that is add-allow's).
 */

const headerKeys = ['s3:x-amz-server-side-encryption', 's3:x-amz-server-side-encryption-aws-kms-key-id'];

/** Denied rows whose Deny tests the SSE headers, and the key ARNs such a Deny demands. */
const headerDenials = (context: FixContext): {rows: Requirement[]; demanded: string[]} => {
	const rows: Requirement[] = [];
	const demanded: string[] = [];
	for (const requirement of context.analysis.requirements.filter(row => row.status === 'denied')) {
		const trace = denyingStatement(context.analysis, requirement);
		const held = trace?.conditions.filter(condition => condition.result === 'yes' && headerKeys.includes(condition.clause.key.toLowerCase())) ?? [];
		if (held.length === 0) continue;
		rows.push(requirement);
		for (const condition of held) {
			if (condition.clause.key.toLowerCase() === headerKeys[1] && /Not/.test(condition.clause.operator)) demanded.push(...condition.clause.values.filter(isKeyArn));
		}
	}
	return {rows, demanded};
};

const namesKeyByAlias = (snapshot: Snapshot, context: FixContext): boolean => {
	const named = snapshot.question.kmsKeyId;
	return named !== undefined && !named.startsWith('arn:') && context.analysis.facts.question.crossAccount.bucket === true;
};

const why = (reason: 'header' | 'demanded' | 'alias', keyArn: string): string => {
	const sdk = `With an SDK, set ServerSideEncryption: "aws:kms" and SSEKMSKeyId: "${keyArn}" on PutObject (on CreateMultipartUpload for a multipart upload).`;
	switch (reason) {
		case 'header':
			return `Send the SSE-KMS headers: a request that relies on the bucket's default encryption sends none, and the policy denies an upload without them. With the AWS CLI add --sse aws:kms --sse-kms-key-id ${keyArn} (--sse alone would use the AWS managed key aws/s3). ${sdk}`;
		case 'demanded':
			return `Name the key the policy demands, ${keyArn}, as a full key ARN: with the AWS CLI --sse aws:kms --sse-kms-key-id ${keyArn}. ${sdk}`;
		case 'alias':
			return `Name the key by its full ARN, ${keyArn}: an alias or key ID resolves in the caller's account, not the bucket's. ${sdk}`;
	}
};

export const changeRequest = (context: FixContext): Draft[] => {
	const {snapshot, analysis} = context;
	const {question} = snapshot;
	if (question.operation === 'download') return [];
	const denials = headerDenials(context);
	const alias = namesKeyByAlias(snapshot, context);
	if (denials.rows.length === 0 && !alias) return [];
	const failing = new Set(analysis.requirements.filter(row => (row.status === 'denied' || row.status === 'missing') && !row.alternative).map(requirementId));
	const candidates: {keyArn: string; reason: 'header' | 'demanded' | 'alias'}[] = [
		...denials.demanded.map(keyArn => ({keyArn, reason: 'demanded' as const})),
		...[analysis.facts.destinationKey.arn, snapshot.key?.arn].filter((arn): arn is string => arn !== undefined).map(keyArn => ({keyArn, reason: alias ? ('alias' as const) : ('header' as const)})),
	];
	const seen = new Set<string>([question.kmsKeyId ?? '']);
	return candidates.flatMap(({keyArn, reason}): Draft[] => {
		if (seen.has(keyArn) || !isKeyArn(keyArn)) return [];
		seen.add(keyArn);
		const apply = (target: Snapshot): Snapshot => ({...target, question: {...target.question, kmsKeyId: keyArn}});
		// A message about the key the request named before is not about this one (evidence-legs.ts), as in its proof.
		const after = analyse(evidenceOfThisRequest(apply(snapshot)).snapshot);
		const resolves = after.requirements.filter(row => failing.has(requirementId(row)) && (row.status === 'ok' || row.status === 'not-needed')).map(requirementId);
		// A key the policy demands but the snapshot does not describe is still offered: unproven, after the proven fixes.
		if (resolves.length === 0 && reason !== 'demanded') return [];
		return [
			{
				kind: 'change-request',
				place: null,
				target: null,
				resolves: resolves.length > 0 ? resolves : denials.rows.map(requirementId),
				statement: null,
				statements: [],
				policy: null,
				command: changedUploadCommand(snapshot.question, keyArn),
				summary: why(reason, keyArn),
				appliesIn: appliesIn('requester', analysis.facts.question.principalAccount),
				weakens: null,
				apply,
			},
		];
	});
};
