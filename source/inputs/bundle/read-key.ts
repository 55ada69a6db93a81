import {aliasesPageOf, describedKeyOf, grantsPageOf, keyAliases, keyPolicyOf} from '../../snapshot/aws-answers/index.js';
import type {KeyInfo} from '../../snapshot/snapshot.js';
import {mappedAnswer, noteOf} from './bundle-files.js';
import {calls, sourcePrefix} from './bundle-layout.js';
import type {ReadContext} from './read-principal.js';
import {type Mutable} from '../../shared/json.js';
import {aliasNameOf, isKeyArn} from '../../names/index.js';

/**
 * A KMS key: DescribeKey's facts, the key policy, grants and aliases. `namedKeyId` is what the request, the
 * bucket or the replication rule named (a replica key's files carry a prefix of their own); when DescribeKey
 * failed and it is a key ARN, the key is still known by it.
 */
export const readKey = (context: ReadContext, prefix: string, namedKeyId: string | undefined, path: 'key' | 'source.keyInfo' = prefix === sourcePrefix ? 'source.keyInfo' : 'key'): KeyInfo | undefined => {
	const describe = context.files.call(`${prefix}${calls.describeKey.stem}`);
	if (describe.state === 'absent' && !namedKeyId) return undefined;
	const described = mappedAnswer(calls.describeKey, describe, describedKeyOf);
	const metadata = described.ok ? described.value : undefined;
	const arn = metadata?.arn ?? (namedKeyId && isKeyArn(namedKeyId) ? namedKeyId : undefined);
	if (!described.ok) context.notes.push(noteOf(path, calls.describeKey, described.error, namedKeyId));
	if (!arn) return undefined;
	const key: Mutable<KeyInfo> = {arn, ...metadata?.facts};
	const keyAccount = arn.split(':')[4];
	const policy = context.files.call(`${prefix}${calls.getKeyPolicy.stem}`);
	const document = policy.state === 'ok' ? keyPolicyOf(policy.answer) : undefined;
	if (document?.ok) key.policy = document.value;
	else {
		context.notes.push(
			noteOf(`${path}.policy`, calls.getKeyPolicy, policy, arn, `kms:GetKeyPolicy on ${arn}, from the key's own account ${keyAccount} (not possible across accounts), or paste the key policy`),
		);
	}
	const grants = mappedAnswer(calls.listGrants, context.files.call(`${prefix}${calls.listGrants.stem}`), grantsPageOf);
	if (grants.ok) key.grants = [...grants.value.items];
	else context.notes.push(noteOf(`${path}.grants`, calls.listGrants, grants.error, arn));
	// DescribeKey of an alias proves the alias names this key, even when list-aliases fails (kms:ListAliases is IAM-only).
	const namedAlias = metadata && namedKeyId ? aliasNameOf(namedKeyId) : undefined;
	const aliases = mappedAnswer(calls.listAliases, context.files.call(`${prefix}${calls.listAliases.stem}`), aliasesPageOf);
	const known = keyAliases(namedAlias, aliases.ok ? aliases.value.items : undefined);
	if (known.aliases) key.aliases = known.aliases;
	// kms:ResourceAliases needs every alias: a list that list-aliases did not give is noted as partial.
	if (!aliases.ok && known.partial) context.notes.push(noteOf(`${path}.aliases`, calls.listAliases, aliases.error, arn));
	return key;
};

