import {accountIdSource, isAccountId} from './account-id.js';
import {iamNameSource} from './iam-name.js';
import {notA, parsed, type Parsed} from './name-error.js';
import {partitionSource} from './partition.js';

// STS takes IAM's name characters (iam-name.ts) for a role session name and a federated user's name too.
/** "Path names must begin and end with a forward slash (/)"; between them IAM takes printable ASCII. */
const pathSource = '/(?:[!-~]*/)?';

/** IAM User Guide, IAM ARNs: the account root, a user or role (with its path), an assumed-role session, a federated user. */
export const principalArnSource =
	`arn:${partitionSource}:(?:iam::${accountIdSource}:(?:root|(?:user|role)${pathSource}${iamNameSource})` +
	`|sts::${accountIdSource}:(?:assumed-role/${iamNameSource}/${iamNameSource}|federated-user/${iamNameSource}))`;

/** A role's ARN with its path, as GetRole returns it. */
export const roleArnSource = `arn:${partitionSource}:iam::${accountIdSource}:role${pathSource}${iamNameSource}`;

type Base = {readonly text: string; readonly partition: string; readonly account: string};

/** Who can make a request, by the ARN `aws sts get-caller-identity` shows. */
export type PrincipalArn =
	| (Base & {readonly kind: 'root'})
	| (Base & {readonly kind: 'user' | 'role'; readonly path: string; readonly name: string})
	| (Base & {readonly kind: 'assumed-role'; readonly roleName: string; readonly sessionName: string})
	| (Base & {readonly kind: 'federated-user'; readonly name: string});

const shape = new RegExp(`^arn:(${partitionSource}):(iam|sts)::([^:]*):(.*)$`, 's');
const iamName = new RegExp(`^${iamNameSource}$`);
const pathAndName = new RegExp(`^(${pathSource})(${iamNameSource})$`);

const expected = 'an IAM user, role or assumed-role ARN';
const example = 'as aws sts get-caller-identity shows it, such as arn:aws:iam::111122223333:role/Uploader or arn:aws:sts::111122223333:assumed-role/Uploader/alice';
const nameRule = 'IAM names have letters, digits and + = , . @ _ -';

const iamPrincipal = (base: Base, resource: string): Parsed<PrincipalArn> => {
	if (resource === 'root') return parsed({...base, kind: 'root'});
	const kind = resource.startsWith('user/') ? 'user' : resource.startsWith('role/') ? 'role' : undefined;
	if (!kind) return notA(expected, 'an IAM caller ARN names user/NAME, role/NAME or root');
	const match = pathAndName.exec(resource.slice(kind.length));
	return match ? parsed({...base, kind, path: match[1]!, name: match[2]!}) : notA(expected, nameRule);
};

const stsPrincipal = (base: Base, resource: string): Parsed<PrincipalArn> => {
	const [kind, ...parts] = resource.split('/');
	if (kind === 'assumed-role' && parts.length === 2) {
		const [roleName, sessionName] = parts as [string, string];
		return iamName.test(roleName) && iamName.test(sessionName) ? parsed({...base, kind, roleName, sessionName}) : notA(expected, nameRule);
	}
	if (kind === 'federated-user' && parts.length === 1) return iamName.test(parts[0]!) ? parsed({...base, kind, name: parts[0]!}) : notA(expected, nameRule);
	return notA(expected, 'an STS caller ARN reads arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION');
};

/** A principal's ARN: the account root, an IAM user or role, an assumed-role session or a federated user. */
export const parsePrincipalArn = (text: string): Parsed<PrincipalArn> => {
	const match = shape.exec(text);
	if (!match) return notA(expected, example);
	const [, partition, service, account, resource] = match as unknown as [string, string, string, string, string];
	if (!isAccountId(account)) return notA(expected, `its account "${account}" is not 12 digits`);
	const base = {text, partition, account};
	return service === 'iam' ? iamPrincipal(base, resource) : stsPrincipal(base, resource);
};

export const isPrincipalArn = (text: string): boolean => parsePrincipalArn(text).ok;
