/**
 * One pure mapper per AWS answer: `unknown` in (an SDK output object from live collection, or the AWS CLI's
 * JSON from a support bundle; both have AWS's PascalCase shape), a snapshot fragment or an AnswerProblem out.
 * source/aws makes the calls and source/inputs/bundle finds the files; both map the answers here.
 */
export type {AnswerProblem, Mapped, Page} from './answer.js';
export {kmsPageLimit} from './answer.js';
export {policyDocumentOf} from './policy-document.js';
export {callerIdentityOf, type CallerIdentity} from './sts-get-caller-identity.js';
export {accessKeyAccountOf} from './sts-get-access-key-info.js';
export {iamEntityOf, type IamEntity} from './iam-get-role-or-user.js';
export {policyNamesPageOf} from './iam-list-policy-names.js';
export {inlinePolicyNamesOf, inlinePolicyOf, inlinePolicyOwnerFields, type InlinePolicyNames} from './iam-get-inline-policy.js';
export {attachedPoliciesPageOf, type AttachedPolicy} from './iam-list-attached-policies.js';
export {managedPolicyOf, type ManagedPolicy} from './iam-get-policy.js';
export {policyVersionDocumentOf} from './iam-get-policy-version.js';
export {groupsPageOf, type UserGroup} from './iam-list-groups-for-user.js';
export {describedKeyOf, type DescribedKey, type KeyFacts} from './kms-describe-key.js';
export {keyPolicyOf} from './kms-get-key-policy.js';
export {grantsPageOf} from './kms-list-grants.js';
export {aliasesPageOf, keyAliases} from './kms-list-aliases.js';
export {bucketPolicyOf, noBucketPolicyCode} from './s3-get-bucket-policy.js';
export {defaultEncryptionOf, noDefaultEncryptionCode} from './s3-get-bucket-encryption.js';
export {objectOwnershipOf, noOwnershipControlsCode} from './s3-get-bucket-ownership-controls.js';
export {versioningOf} from './s3-get-bucket-versioning.js';
export {noReplicationCode, replicationRuleOf, type RuleChoice} from './s3-get-bucket-replication.js';
export {regionOfLocation} from './s3-get-bucket-location.js';
export {regionOfHeadBucket, regionOfHeader} from './s3-head-bucket.js';
export {objectInfoOf} from './s3-head-object.js';
export {aclOwnerOf, objectOwnerOf} from './s3-get-acl.js';
export {notInOrganizationCode, organizationOf, type Organization} from './organizations-describe-organization.js';
export {parentOf, type Parent} from './organizations-list-parents.js';
export {policyTypeNotEnabledCode, targetPoliciesPageOf, type PolicySummary} from './organizations-list-policies-for-target.js';
export {organizationPolicyOf} from './organizations-describe-policy.js';
