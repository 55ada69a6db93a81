/* eslint-disable */
// @ts-nocheck
// Generated from snapshot-schema.ts by ajv standalone code generation: do not edit.
// Regenerate: npm run generate
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:s3-kms-doctor:snapshot:1","title":"s3-kms-doctor snapshot","description":"Everything known about one S3 request on an SSE-KMS object. Absent means unknown; null means known to be none. See docs/snapshot.md.","type":"object","required":["format","question"],"properties":{"$schema":{"type":"string","description":"Optional: the path or URL of this schema, for editors."},"format":{"const":"s3-kms-doctor/snapshot@1"},"metadata":{"$ref":"#/$defs/metadata"},"question":{"$ref":"#/$defs/question"},"principal":{"$ref":"#/$defs/principal"},"bucket":{"$ref":"#/$defs/bucketInfo"},"object":{"$ref":"#/$defs/objectInfo"},"key":{"$ref":"#/$defs/keyInfo"},"source":{"type":"object","description":"copy, replication: facts of the source bucket, object and key.","properties":{"bucketInfo":{"$ref":"#/$defs/bucketInfo"},"objectInfo":{"$ref":"#/$defs/objectInfo"},"keyInfo":{"$ref":"#/$defs/keyInfo"}},"additionalProperties":false},"organization":{"$ref":"#/$defs/organization"},"distribution":{"$ref":"#/$defs/distribution"},"presignedUrl":{"$ref":"#/$defs/presignedUrl"},"replication":{"$ref":"#/$defs/replication"},"service":{"$ref":"#/$defs/service"},"requestContext":{"type":"object","description":"Other condition keys of the request (aws:SourceIp, aws:SourceVpce, …); null: known to be absent.","additionalProperties":{"type":["string","number","boolean","array","null"],"items":{"type":["string","number","boolean"]}}},"unread":{"type":"array","items":{"$ref":"#/$defs/unreadNote"},"description":"Why fields are missing, and what would fill them."},"evidence":{"type":"array","maxItems":16,"description":"What a pasted AccessDenied message proved: the policy type that denied an action, explicitly or because none of that type allows it.","items":{"type":"object","required":["deniedBy","action"],"properties":{"deniedBy":{"enum":["scp","rcp","identity","resource","boundary","session","vpc-endpoint"],"description":"The policy type AWS named: scp, rcp, identity (identity-based), resource (resource-based: the bucket policy for an s3: action, the key policy for a kms: one), boundary (permissions boundary), session (session policy), vpc-endpoint (the policy of the VPC endpoint the request went through, which no snapshot holds)."},"action":{"type":"string","pattern":"\\S","description":"The action AWS named, e.g. s3:PutObject."},"deny":{"enum":["explicit","implicit"],"description":"How AWS said it denied: \"with an explicit deny in a …\" (explicit) or \"because no … allows the ACTION action\" (implicit). Absent: explicit, what snapshots written before this field meant."},"policyArn":{"type":"string","pattern":"\\S","description":"The denying policy, when AWS named it."},"resource":{"type":"string","pattern":"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$","description":"The resource the message names (\"on resource: ARN\"), as an ARN: tells which leg it is about where two need the action."}},"additionalProperties":false}},"assumptions":{"type":"array","maxItems":16,"description":"Facts taken as given without reading them; each is shown beside the verdict.","items":{"type":"object","required":["id"],"properties":{"id":{"enum":["no-grants","bucket-key=on","bucket-key=off","guardrails-allow"],"description":"The assumed fact."},"because":{"type":"string","pattern":"\\S","description":"Where it comes from, when not the user's own choice."}},"additionalProperties":false}}},"additionalProperties":false,"$defs":{"metadata":{"type":"object","properties":{"title":{"type":"string"},"description":{"type":"string"},"createdAt":{"type":"string","description":"ISO 8601 date and time."},"collectedBy":{"enum":["live","manual","bundle","example"]},"redacted":{"type":"boolean","description":"Account IDs and names were replaced by placeholders."},"profiles":{"type":"array","maxItems":3,"description":"live: the named AWS CLI profiles read with; every AWS CLI command the report writes (a fix's, a remedy's, a read that settles an unknown) names the one of the account that runs it (--profile).","items":{"type":"object","required":["name","arn","roles"],"properties":{"name":{"type":"string","pattern":"^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$","description":"The profile name."},"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$","description":"Who its credentials are (sts:GetCallerIdentity): its account is the profile's."},"roles":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["caller","bucket","key"]},"description":"Its part: the caller's profile (--profile, AWS_PROFILE), the bucket's account's (--bucket-profile), the key's account's (--key-profile)."}},"additionalProperties":false}}},"additionalProperties":false},"question":{"type":"object","description":"What the user tried.","required":["operation","bucket","objectKey"],"properties":{"operation":{"enum":["upload","download","copy","cloudfront-download","cloudfront-upload","presigned-download","presigned-upload","service-read","service-write","replication"],"description":"upload, download, copy (CopyObject into question.bucket), cloudfront-download or cloudfront-upload (CloudFront with OAC reads or writes the object), presigned-download or presigned-upload (a presigned URL, made as its signer), service-read or service-write (an AWS service such as Athena or Glue reads or writes the object; see service), replication (S3 replicates question.source to question.bucket as the rule's role)."},"bucket":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"The bucket written to (upload, copy) or read from (download)."},"objectKey":{"type":"string","pattern":"\\S","description":"The object key."},"sizeBytes":{"type":"integer","minimum":0,"description":"Size of the object in bytes; decides multipart."},"multipart":{"type":"boolean","description":"Known from the request itself (an error from UploadPart): whether it went in parts. Size and tool then do not decide."},"multipartThresholdBytes":{"type":"integer","minimum":1,"description":"Above this size the tool uploads in parts. Default 8388608 (8 MiB, the AWS CLI's)."},"tool":{"enum":["aws-cli","sdk","sdk-js","boto3","dotnet","console","other"],"description":"The tool that made the request."},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The key named in the request (upload, copy) or the object's key (download): key ID, key ARN, alias name or alias ARN."},"source":{"$ref":"#/$defs/copySource"}},"additionalProperties":false,"if":{"required":["operation"],"properties":{"operation":{"enum":["copy","replication"]}}},"then":{"required":["source"]}},"copySource":{"type":"object","description":"copy: the object copied from; replication: the source object replicated.","required":["bucket","objectKey"],"properties":{"bucket":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"The source bucket."},"objectKey":{"type":"string","pattern":"\\S","description":"The source object key."},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The source object's key, when known."}},"additionalProperties":false},"principal":{"type":"object","description":"The caller: who made the request, and the policies that apply to them.","required":["arn"],"properties":{"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$","description":"IAM user, role, or assumed-role session ARN."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"For a session: the role behind it, with its path, as GetRole returns it."},"userId":{"type":"string","pattern":"\\S","description":"The unique ID (AIDA… or AROA…:session), for aws:userid."},"identityPolicies":{"type":"array","items":{"type":"object","$ref":"#/$defs/namedPolicy"},"description":"Every identity policy of the caller: inline, managed, and its groups'. [] means it has none."},"permissionsBoundary":{"type":["object","null"],"$ref":"#/$defs/namedPolicy","description":"null: no permissions boundary."},"permissionsBoundaryArn":{"type":"string","pattern":"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$","description":"The boundary's managed policy ARN, as GetRole or GetUser named it, where its document was not read (permissionsBoundary absent)."},"sessionPolicy":{"type":["object","null"],"description":"null: no session policy. Cannot be read from AWS, only pasted."},"tags":{"type":"object","additionalProperties":{"type":"string"},"description":"Principal tags, for aws:PrincipalTag conditions; for a session, its role's own tags (GetRole), which its session tags override."},"sessionTags":{"type":["object","null"],"additionalProperties":{"type":"string"},"description":"For a session: the tags passed when it was created (and those inherited in a role chain), which AWS cannot read back (CloudTrail shows them); null: none were passed. Absent: every aws:PrincipalTag key is unknown."},"organizationId":{"type":["string","null"],"pattern":"^o-[a-z0-9]{10,32}$","description":"The caller account's organization ID, for aws:PrincipalOrgID; null: in no organization."},"trustPolicy":{"$ref":"#/$defs/policyDocument","description":"For a role: its trust policy (GetRole's AssumeRolePolicyDocument)."}},"additionalProperties":false},"bucketInfo":{"type":"object","description":"Facts of the bucket: its account, Region, bucket policy, default encryption and object ownership.","properties":{"name":{"type":"string","pattern":"\\S","description":"The bucket name, when it differs from question.bucket (copy source)."},"accountId":{"type":"string","pattern":"^[0-9]{12}$","description":"The bucket owner's account ID."},"notCallersAccount":{"const":true,"description":"Given: the bucket is in another account than the caller's, though its ID is not known (with accountId absent). The check is then cross-account."},"region":{"type":"string","pattern":"^(?:[a-z]+-){2,3}[0-9]+$","description":"The bucket's Region."},"policy":{"type":["object","null"],"description":"The bucket policy document; null: the bucket has no bucket policy."},"defaultEncryption":{"type":["object","null"],"$ref":"#/$defs/encryption","description":"Default encryption; null: none configured (S3 then uses SSE-S3)."},"objectOwnership":{"enum":["BucketOwnerEnforced","BucketOwnerPreferred","ObjectWriter",null],"description":"The Object Ownership setting; null: none set."},"versioning":{"enum":["Enabled","Suspended",null],"description":"GetBucketVersioning's Status; null: never enabled. Replication needs Enabled on both buckets."}},"additionalProperties":false},"objectInfo":{"type":"object","description":"What HeadObject says of an existing object, and who owns it.","properties":{"encryption":{"type":["object","null"],"$ref":"#/$defs/encryption","description":"The object's encryption; null: not encrypted with a key."},"ownerAccountId":{"type":"string","pattern":"^[0-9]{12}$","description":"The object owner's account ID."},"ownedByBucketOwner":{"type":"boolean","description":"Whether the object's owner (GetObjectAcl's Owner) is the bucket's (GetBucketAcl's Owner). false: another account owns it; S3 names owners by canonical user ID, so which account is not known unless ownerAccountId says."}},"additionalProperties":false},"keyInfo":{"type":"object","description":"Facts of the KMS key: its ARN, manager, state, spec, key policy and grants.","required":["arn"],"properties":{"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$","description":"The key ARN."},"aliases":{"type":"array","items":{"type":"string","pattern":"\\S"},"description":"Alias names, e.g. alias/uploads."},"keyManager":{"enum":["CUSTOMER","AWS"],"description":"CUSTOMER: a customer managed key; AWS: an AWS managed key such as aws/s3."},"keyState":{"enum":["Enabled","Disabled","PendingDeletion","PendingImport","PendingReplicaDeletion","Unavailable","Creating","Updating"],"description":"The key state, as DescribeKey reports it."},"keySpec":{"type":"string","pattern":"\\S","description":"SYMMETRIC_DEFAULT, RSA_2048, … S3 needs a symmetric encryption key."},"keyUsage":{"type":"string","pattern":"\\S","description":"ENCRYPT_DECRYPT, SIGN_VERIFY, …"},"multiRegion":{"type":"boolean","description":"A multi-Region key (S3 treats it as a single-Region key)."},"policy":{"$ref":"#/$defs/policyDocument","description":"The key policy document. Every key has one, so it cannot be null."},"grants":{"type":"array","items":{"$ref":"#/$defs/keyGrant"},"description":"Grants on the key, as ListGrants returns them."}},"additionalProperties":false},"keyGrant":{"type":"object","required":["granteePrincipal","operations"],"properties":{"grantId":{"type":"string","pattern":"\\S"},"name":{"type":"string"},"granteePrincipal":{"type":"string","pattern":"\\S","description":"The principal the grant allows."},"retiringPrincipal":{"type":"string","pattern":"\\S"},"operations":{"type":"array","items":{"type":"string","pattern":"\\S"},"description":"Decrypt, GenerateDataKey, …"},"constraints":{"type":"object","properties":{"encryptionContextEquals":{"type":"object","additionalProperties":{"type":"string"}},"encryptionContextSubset":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false}},"additionalProperties":false},"organization":{"type":"object","properties":{"serviceControlPolicies":{"type":"array","items":{"type":"array","description":"One level of the organization tree: policy documents, or {name, arn, document} objects.","items":{"type":"object","if":{"required":["document"]},"then":{"$ref":"#/$defs/namedPolicy"}}},"description":"SCPs of the caller's account, root level first, the account's own level last. []: no SCPs apply."},"resourceControlPolicies":{"type":"array","items":{"type":"array","description":"One level of the organization tree: policy documents, or {name, arn, document} objects.","items":{"type":"object","if":{"required":["document"]},"then":{"$ref":"#/$defs/namedPolicy"}}},"description":"RCPs of the resource's account, in the same order. []: no RCPs apply."}},"additionalProperties":false},"distribution":{"type":"object","description":"cloudfront-download: the distribution whose origin requests are diagnosed.","properties":{"arn":{"type":"string","pattern":"^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$","description":"The distribution ARN, which its requests carry as AWS:SourceArn."},"originAccess":{"enum":["origin-access-control","origin-access-identity","none"],"description":"How the distribution signs its requests to the bucket: OAC, a legacy OAI, or not at all."},"originType":{"enum":["s3-rest","s3-website"],"description":"The origin: the bucket's REST endpoint, or its website endpoint (a custom origin)."}},"additionalProperties":false},"presignedUrl":{"type":"object","description":"presigned-download, presigned-upload: what the URL tells. Never its signature or security token.","required":["signatureVersion"],"properties":{"signatureVersion":{"enum":[2,4],"description":"4: X-Amz-Algorithm=AWS4-HMAC-SHA256; 2: AWSAccessKeyId and Signature."},"accessKeyId":{"type":"string","pattern":"^(AKIA|ASIA)[A-Z0-9]{12,124}$","description":"The signer's access key ID: AKIA… long-term, ASIA… temporary."},"signedAt":{"type":"string","description":"X-Amz-Date, as an ISO 8601 time."},"expiresSeconds":{"type":"integer","minimum":1,"maximum":604800,"description":"X-Amz-Expires, in seconds (at most 7 days)."},"expiresAt":{"type":"string","description":"When the URL itself stops working, as an ISO 8601 time."},"signedHeaders":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9-]+$"},"maxItems":64,"description":"X-Amz-SignedHeaders, lower case."},"signerAccount":{"type":"string","pattern":"^[0-9]{12}$","description":"The account of the signer's access key (sts:GetAccessKeyInfo)."},"signedByPrincipal":{"type":"boolean","description":"true: the snapshot's principal signed it (its own credentials use accessKeyId, or the user said so); false: its credentials use another key; absent: not known."}},"additionalProperties":false},"replication":{"type":"object","description":"replication: the source bucket's replication rule that covers the object (GetBucketReplication).","properties":{"role":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"The IAM role S3 assumes to replicate (the principal is that role)."},"ruleId":{"type":"string","description":"The rule's ID."},"status":{"enum":["Enabled","Disabled"],"description":"The rule's Status."},"destinationBucket":{"type":"string","pattern":"^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"Destination.Bucket, as an ARN."},"destinationAccount":{"type":"string","pattern":"^[0-9]{12}$","description":"Destination.Account: the destination bucket's owner, when the rule names it."},"replicaKmsKeyId":{"type":["string","null"],"pattern":"\\S","description":"Destination.EncryptionConfiguration.ReplicaKmsKeyID: a key ARN (best), key ID, alias or alias ARN; null: the rule names none."},"sseKmsEncryptedObjects":{"type":"boolean","description":"SourceSelectionCriteria.SseKmsEncryptedObjects.Status is Enabled; false: disabled or absent."}},"additionalProperties":false},"service":{"type":"object","description":"service-read, service-write: the AWS service that reads or writes the object, and the role it uses when it uses one of its own.","required":["name"],"properties":{"name":{"enum":["athena","glue","emr","lambda","redshift-spectrum","sagemaker","firehose","lake-formation"],"description":"The service: athena acts with the caller's own credentials; the others with a role of theirs."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"The IAM role the service uses (a Glue job's role, a Lambda function's execution role, …); the principal is then this role."}},"additionalProperties":false},"unreadNote":{"type":"object","required":["path","reason"],"properties":{"path":{"type":"string","pattern":"\\S","description":"Dotted path of the unknown field, e.g. key.policy."},"reason":{"type":"string","pattern":"\\S","description":"Why it could not be read."},"resolveWith":{"type":"string","pattern":"\\S","description":"The permission or paste that would fill it."}},"additionalProperties":false},"namedPolicy":{"required":["name","document"],"properties":{"name":{"type":"string","pattern":"\\S","description":"The policy name, e.g. the inline policy name or the managed policy name."},"arn":{"type":"string","pattern":"\\S","description":"The managed policy ARN, when it is one."},"document":{"$ref":"#/$defs/policyDocument"}},"additionalProperties":false},"encryption":{"required":["algorithm"],"properties":{"algorithm":{"enum":["aws:kms","aws:kms:dsse","AES256"]},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The key: key ARN (best), key ID, alias name or alias ARN."},"bucketKeyEnabled":{"type":"boolean","description":"S3 Bucket Keys are on."}},"additionalProperties":false},"policyDocument":{"type":"object","description":"An IAM policy document as AWS returns it: {\"Version\": \"2012-10-17\", \"Statement\": [...]}."}}};
const schema32 = {"type":"object","properties":{"title":{"type":"string"},"description":{"type":"string"},"createdAt":{"type":"string","description":"ISO 8601 date and time."},"collectedBy":{"enum":["live","manual","bundle","example"]},"redacted":{"type":"boolean","description":"Account IDs and names were replaced by placeholders."},"profiles":{"type":"array","maxItems":3,"description":"live: the named AWS CLI profiles read with; every AWS CLI command the report writes (a fix's, a remedy's, a read that settles an unknown) names the one of the account that runs it (--profile).","items":{"type":"object","required":["name","arn","roles"],"properties":{"name":{"type":"string","pattern":"^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$","description":"The profile name."},"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$","description":"Who its credentials are (sts:GetCallerIdentity): its account is the profile's."},"roles":{"type":"array","minItems":1,"uniqueItems":true,"items":{"enum":["caller","bucket","key"]},"description":"Its part: the caller's profile (--profile, AWS_PROFILE), the bucket's account's (--bucket-profile), the key's account's (--key-profile)."}},"additionalProperties":false}}},"additionalProperties":false};
const schema47 = {"type":"object","description":"cloudfront-download: the distribution whose origin requests are diagnosed.","properties":{"arn":{"type":"string","pattern":"^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$","description":"The distribution ARN, which its requests carry as AWS:SourceArn."},"originAccess":{"enum":["origin-access-control","origin-access-identity","none"],"description":"How the distribution signs its requests to the bucket: OAC, a legacy OAI, or not at all."},"originType":{"enum":["s3-rest","s3-website"],"description":"The origin: the bucket's REST endpoint, or its website endpoint (a custom origin)."}},"additionalProperties":false};
const schema48 = {"type":"object","description":"presigned-download, presigned-upload: what the URL tells. Never its signature or security token.","required":["signatureVersion"],"properties":{"signatureVersion":{"enum":[2,4],"description":"4: X-Amz-Algorithm=AWS4-HMAC-SHA256; 2: AWSAccessKeyId and Signature."},"accessKeyId":{"type":"string","pattern":"^(AKIA|ASIA)[A-Z0-9]{12,124}$","description":"The signer's access key ID: AKIA… long-term, ASIA… temporary."},"signedAt":{"type":"string","description":"X-Amz-Date, as an ISO 8601 time."},"expiresSeconds":{"type":"integer","minimum":1,"maximum":604800,"description":"X-Amz-Expires, in seconds (at most 7 days)."},"expiresAt":{"type":"string","description":"When the URL itself stops working, as an ISO 8601 time."},"signedHeaders":{"type":"array","items":{"type":"string","pattern":"^[a-z0-9-]+$"},"maxItems":64,"description":"X-Amz-SignedHeaders, lower case."},"signerAccount":{"type":"string","pattern":"^[0-9]{12}$","description":"The account of the signer's access key (sts:GetAccessKeyInfo)."},"signedByPrincipal":{"type":"boolean","description":"true: the snapshot's principal signed it (its own credentials use accessKeyId, or the user said so); false: its credentials use another key; absent: not known."}},"additionalProperties":false};
const schema49 = {"type":"object","description":"replication: the source bucket's replication rule that covers the object (GetBucketReplication).","properties":{"role":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"The IAM role S3 assumes to replicate (the principal is that role)."},"ruleId":{"type":"string","description":"The rule's ID."},"status":{"enum":["Enabled","Disabled"],"description":"The rule's Status."},"destinationBucket":{"type":"string","pattern":"^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"Destination.Bucket, as an ARN."},"destinationAccount":{"type":"string","pattern":"^[0-9]{12}$","description":"Destination.Account: the destination bucket's owner, when the rule names it."},"replicaKmsKeyId":{"type":["string","null"],"pattern":"\\S","description":"Destination.EncryptionConfiguration.ReplicaKmsKeyID: a key ARN (best), key ID, alias or alias ARN; null: the rule names none."},"sseKmsEncryptedObjects":{"type":"boolean","description":"SourceSelectionCriteria.SseKmsEncryptedObjects.Status is Enabled; false: disabled or absent."}},"additionalProperties":false};
const schema50 = {"type":"object","description":"service-read, service-write: the AWS service that reads or writes the object, and the role it uses when it uses one of its own.","required":["name"],"properties":{"name":{"enum":["athena","glue","emr","lambda","redshift-spectrum","sagemaker","firehose","lake-formation"],"description":"The service: athena acts with the caller's own credentials; the others with a role of theirs."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"The IAM role the service uses (a Glue job's role, a Lambda function's execution role, …); the principal is then this role."}},"additionalProperties":false};
const schema51 = {"type":"object","required":["path","reason"],"properties":{"path":{"type":"string","pattern":"\\S","description":"Dotted path of the unknown field, e.g. key.policy."},"reason":{"type":"string","pattern":"\\S","description":"Why it could not be read."},"resolveWith":{"type":"string","pattern":"\\S","description":"The permission or paste that would fill it."}},"additionalProperties":false};
const func1 = Object.prototype.hasOwnProperty;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern4 = new RegExp("^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$", "u");
const pattern5 = new RegExp("^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$", "u");
const pattern33 = new RegExp("^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$", "u");
const pattern34 = new RegExp("^(AKIA|ASIA)[A-Z0-9]{12,124}$", "u");
const pattern35 = new RegExp("^[a-z0-9-]+$", "u");
const pattern20 = new RegExp("^[0-9]{12}$", "u");
const pattern13 = new RegExp("^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$", "u");
const pattern38 = new RegExp("^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$", "u");
const pattern7 = new RegExp("\\S", "u");
const pattern17 = new RegExp("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$", "u");
const schema33 = {"type":"object","description":"What the user tried.","required":["operation","bucket","objectKey"],"properties":{"operation":{"enum":["upload","download","copy","cloudfront-download","cloudfront-upload","presigned-download","presigned-upload","service-read","service-write","replication"],"description":"upload, download, copy (CopyObject into question.bucket), cloudfront-download or cloudfront-upload (CloudFront with OAC reads or writes the object), presigned-download or presigned-upload (a presigned URL, made as its signer), service-read or service-write (an AWS service such as Athena or Glue reads or writes the object; see service), replication (S3 replicates question.source to question.bucket as the rule's role)."},"bucket":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"The bucket written to (upload, copy) or read from (download)."},"objectKey":{"type":"string","pattern":"\\S","description":"The object key."},"sizeBytes":{"type":"integer","minimum":0,"description":"Size of the object in bytes; decides multipart."},"multipart":{"type":"boolean","description":"Known from the request itself (an error from UploadPart): whether it went in parts. Size and tool then do not decide."},"multipartThresholdBytes":{"type":"integer","minimum":1,"description":"Above this size the tool uploads in parts. Default 8388608 (8 MiB, the AWS CLI's)."},"tool":{"enum":["aws-cli","sdk","sdk-js","boto3","dotnet","console","other"],"description":"The tool that made the request."},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The key named in the request (upload, copy) or the object's key (download): key ID, key ARN, alias name or alias ARN."},"source":{"$ref":"#/$defs/copySource"}},"additionalProperties":false,"if":{"required":["operation"],"properties":{"operation":{"enum":["copy","replication"]}}},"then":{"required":["source"]}};
const schema34 = {"type":"object","description":"copy: the object copied from; replication: the source object replicated.","required":["bucket","objectKey"],"properties":{"bucket":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$","description":"The source bucket."},"objectKey":{"type":"string","pattern":"\\S","description":"The source object key."},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The source object's key, when known."}},"additionalProperties":false};
const pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.operation === undefined) && (missing0 = "operation")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.operation !== undefined){
let data0 = data.operation;
if(!((data0 === "copy") || (data0 === "replication"))){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.source === undefined){
const err2 = {instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema33.then.required,parentSchema:schema33.then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
}
if(!valid0){
const err3 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema33.if,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.operation === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "operation"},message:"must have required property '"+"operation"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.bucket === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.objectKey === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "objectKey"},message:"must have required property '"+"objectKey"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema33.properties, key0))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.operation !== undefined){
let data1 = data.operation;
if(!((((((((((data1 === "upload") || (data1 === "download")) || (data1 === "copy")) || (data1 === "cloudfront-download")) || (data1 === "cloudfront-upload")) || (data1 === "presigned-download")) || (data1 === "presigned-upload")) || (data1 === "service-read")) || (data1 === "service-write")) || (data1 === "replication"))){
const err8 = {instancePath:instancePath+"/operation",schemaPath:"#/properties/operation/enum",keyword:"enum",params:{allowedValues: schema33.properties.operation.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.operation.enum,parentSchema:schema33.properties.operation,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.bucket !== undefined){
let data2 = data.bucket;
if(typeof data2 === "string"){
if(!pattern6.test(data2)){
const err9 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$",parentSchema:schema33.properties.bucket,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.bucket.type,parentSchema:schema33.properties.bucket,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.objectKey !== undefined){
let data3 = data.objectKey;
if(typeof data3 === "string"){
if(!pattern7.test(data3)){
const err11 = {instancePath:instancePath+"/objectKey",schemaPath:"#/properties/objectKey/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema33.properties.objectKey,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/objectKey",schemaPath:"#/properties/objectKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.objectKey.type,parentSchema:schema33.properties.objectKey,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.sizeBytes !== undefined){
let data4 = data.sizeBytes;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err13 = {instancePath:instancePath+"/sizeBytes",schemaPath:"#/properties/sizeBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.sizeBytes.type,parentSchema:schema33.properties.sizeBytes,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err14 = {instancePath:instancePath+"/sizeBytes",schemaPath:"#/properties/sizeBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.sizeBytes,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data.multipart !== undefined){
let data5 = data.multipart;
if(typeof data5 !== "boolean"){
const err15 = {instancePath:instancePath+"/multipart",schemaPath:"#/properties/multipart/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema33.properties.multipart.type,parentSchema:schema33.properties.multipart,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.multipartThresholdBytes !== undefined){
let data6 = data.multipartThresholdBytes;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err16 = {instancePath:instancePath+"/multipartThresholdBytes",schemaPath:"#/properties/multipartThresholdBytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.multipartThresholdBytes.type,parentSchema:schema33.properties.multipartThresholdBytes,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 1 || isNaN(data6)){
const err17 = {instancePath:instancePath+"/multipartThresholdBytes",schemaPath:"#/properties/multipartThresholdBytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.multipartThresholdBytes,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.tool !== undefined){
let data7 = data.tool;
if(!(((((((data7 === "aws-cli") || (data7 === "sdk")) || (data7 === "sdk-js")) || (data7 === "boto3")) || (data7 === "dotnet")) || (data7 === "console")) || (data7 === "other"))){
const err18 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/enum",keyword:"enum",params:{allowedValues: schema33.properties.tool.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.tool.enum,parentSchema:schema33.properties.tool,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.kmsKeyId !== undefined){
let data8 = data.kmsKeyId;
if(typeof data8 === "string"){
if(!pattern7.test(data8)){
const err19 = {instancePath:instancePath+"/kmsKeyId",schemaPath:"#/properties/kmsKeyId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema33.properties.kmsKeyId,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/kmsKeyId",schemaPath:"#/properties/kmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.kmsKeyId.type,parentSchema:schema33.properties.kmsKeyId,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.source !== undefined){
let data9 = data.source;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.bucket === undefined){
const err21 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/copySource/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema34.required,parentSchema:schema34,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data9.objectKey === undefined){
const err22 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/copySource/required",keyword:"required",params:{missingProperty: "objectKey"},message:"must have required property '"+"objectKey"+"'",schema:schema34.required,parentSchema:schema34,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
for(const key1 in data9){
if(!(((key1 === "bucket") || (key1 === "objectKey")) || (key1 === "kmsKeyId"))){
const err23 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/copySource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data9.bucket !== undefined){
let data10 = data9.bucket;
if(typeof data10 === "string"){
if(!pattern6.test(data10)){
const err24 = {instancePath:instancePath+"/source/bucket",schemaPath:"#/$defs/copySource/properties/bucket/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{2,254}$",parentSchema:schema34.properties.bucket,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/source/bucket",schemaPath:"#/$defs/copySource/properties/bucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.bucket.type,parentSchema:schema34.properties.bucket,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data9.objectKey !== undefined){
let data11 = data9.objectKey;
if(typeof data11 === "string"){
if(!pattern7.test(data11)){
const err26 = {instancePath:instancePath+"/source/objectKey",schemaPath:"#/$defs/copySource/properties/objectKey/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema34.properties.objectKey,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/source/objectKey",schemaPath:"#/$defs/copySource/properties/objectKey/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.objectKey.type,parentSchema:schema34.properties.objectKey,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data9.kmsKeyId !== undefined){
let data12 = data9.kmsKeyId;
if(typeof data12 === "string"){
if(!pattern7.test(data12)){
const err28 = {instancePath:instancePath+"/source/kmsKeyId",schemaPath:"#/$defs/copySource/properties/kmsKeyId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema34.properties.kmsKeyId,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/source/kmsKeyId",schemaPath:"#/$defs/copySource/properties/kmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.kmsKeyId.type,parentSchema:schema34.properties.kmsKeyId,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/source",schemaPath:"#/$defs/copySource/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema35 = {"type":"object","description":"The caller: who made the request, and the policies that apply to them.","required":["arn"],"properties":{"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$","description":"IAM user, role, or assumed-role session ARN."},"roleArn":{"type":"string","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$","description":"For a session: the role behind it, with its path, as GetRole returns it."},"userId":{"type":"string","pattern":"\\S","description":"The unique ID (AIDA… or AROA…:session), for aws:userid."},"identityPolicies":{"type":"array","items":{"type":"object","$ref":"#/$defs/namedPolicy"},"description":"Every identity policy of the caller: inline, managed, and its groups'. [] means it has none."},"permissionsBoundary":{"type":["object","null"],"$ref":"#/$defs/namedPolicy","description":"null: no permissions boundary."},"permissionsBoundaryArn":{"type":"string","pattern":"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$","description":"The boundary's managed policy ARN, as GetRole or GetUser named it, where its document was not read (permissionsBoundary absent)."},"sessionPolicy":{"type":["object","null"],"description":"null: no session policy. Cannot be read from AWS, only pasted."},"tags":{"type":"object","additionalProperties":{"type":"string"},"description":"Principal tags, for aws:PrincipalTag conditions; for a session, its role's own tags (GetRole), which its session tags override."},"sessionTags":{"type":["object","null"],"additionalProperties":{"type":"string"},"description":"For a session: the tags passed when it was created (and those inherited in a role chain), which AWS cannot read back (CloudTrail shows them); null: none were passed. Absent: every aws:PrincipalTag key is unknown."},"organizationId":{"type":["string","null"],"pattern":"^o-[a-z0-9]{10,32}$","description":"The caller account's organization ID, for aws:PrincipalOrgID; null: in no organization."},"trustPolicy":{"$ref":"#/$defs/policyDocument","description":"For a role: its trust policy (GetRole's AssumeRolePolicyDocument)."}},"additionalProperties":false};
const schema37 = {"type":"object","description":"An IAM policy document as AWS returns it: {\"Version\": \"2012-10-17\", \"Statement\": [...]}."};
const pattern18 = new RegExp("^o-[a-z0-9]{10,32}$", "u");
const schema36 = {"required":["name","document"],"properties":{"name":{"type":"string","pattern":"\\S","description":"The policy name, e.g. the inline policy name or the managed policy name."},"arn":{"type":"string","pattern":"\\S","description":"The managed policy ARN, when it is one."},"document":{"$ref":"#/$defs/policyDocument"}},"additionalProperties":false};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.document === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "document"},message:"must have required property '"+"document"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "arn")) || (key0 === "document"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema36.properties.name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.name.type,parentSchema:schema36.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.arn !== undefined){
let data1 = data.arn;
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
const err5 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema36.properties.arn,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.arn.type,parentSchema:schema36.properties.arn,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.document !== undefined){
let data2 = data.document;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err7 = {instancePath:instancePath+"/document",schemaPath:"#/$defs/policyDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arn === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "arn"},message:"must have required property '"+"arn"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema35.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.arn !== undefined){
let data0 = data.arn;
if(typeof data0 === "string"){
if(!pattern5.test(data0)){
const err2 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$"},message:"must match pattern \""+"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$"+"\"",schema:"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$",parentSchema:schema35.properties.arn,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.arn.type,parentSchema:schema35.properties.arn,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.roleArn !== undefined){
let data1 = data.roleArn;
if(typeof data1 === "string"){
if(!pattern13.test(data1)){
const err4 = {instancePath:instancePath+"/roleArn",schemaPath:"#/properties/roleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$",parentSchema:schema35.properties.roleArn,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/roleArn",schemaPath:"#/properties/roleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.roleArn.type,parentSchema:schema35.properties.roleArn,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.userId !== undefined){
let data2 = data.userId;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err6 = {instancePath:instancePath+"/userId",schemaPath:"#/properties/userId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema35.properties.userId,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/userId",schemaPath:"#/properties/userId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.userId.type,parentSchema:schema35.properties.userId,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.identityPolicies !== undefined){
let data3 = data.identityPolicies;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(!(data4 && typeof data4 == "object" && !Array.isArray(data4))){
const err8 = {instancePath:instancePath+"/identityPolicies/" + i0,schemaPath:"#/properties/identityPolicies/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.identityPolicies.items.type,parentSchema:schema35.properties.identityPolicies.items,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(validate24(data4, {instancePath:instancePath+"/identityPolicies/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err9 = {instancePath:instancePath+"/identityPolicies",schemaPath:"#/properties/identityPolicies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.identityPolicies.type,parentSchema:schema35.properties.identityPolicies,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.permissionsBoundary !== undefined){
let data5 = data.permissionsBoundary;
if((!(data5 && typeof data5 == "object" && !Array.isArray(data5))) && (data5 !== null)){
const err10 = {instancePath:instancePath+"/permissionsBoundary",schemaPath:"#/properties/permissionsBoundary/type",keyword:"type",params:{type: schema35.properties.permissionsBoundary.type},message:"must be object,null",schema:schema35.properties.permissionsBoundary.type,parentSchema:schema35.properties.permissionsBoundary,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!(validate24(data5, {instancePath:instancePath+"/permissionsBoundary",parentData:data,parentDataProperty:"permissionsBoundary",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
if(data.permissionsBoundaryArn !== undefined){
let data6 = data.permissionsBoundaryArn;
if(typeof data6 === "string"){
if(!pattern17.test(data6)){
const err11 = {instancePath:instancePath+"/permissionsBoundaryArn",schemaPath:"#/properties/permissionsBoundaryArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$"+"\"",schema:"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$",parentSchema:schema35.properties.permissionsBoundaryArn,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/permissionsBoundaryArn",schemaPath:"#/properties/permissionsBoundaryArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.permissionsBoundaryArn.type,parentSchema:schema35.properties.permissionsBoundaryArn,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.sessionPolicy !== undefined){
let data7 = data.sessionPolicy;
if((!(data7 && typeof data7 == "object" && !Array.isArray(data7))) && (data7 !== null)){
const err13 = {instancePath:instancePath+"/sessionPolicy",schemaPath:"#/properties/sessionPolicy/type",keyword:"type",params:{type: schema35.properties.sessionPolicy.type},message:"must be object,null",schema:schema35.properties.sessionPolicy.type,parentSchema:schema35.properties.sessionPolicy,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.tags !== undefined){
let data8 = data.tags;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
let data9 = data8[key1];
if(typeof data9 !== "string"){
const err14 = {instancePath:instancePath+"/tags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.tags.additionalProperties.type,parentSchema:schema35.properties.tags.additionalProperties,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.tags.type,parentSchema:schema35.properties.tags,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.sessionTags !== undefined){
let data10 = data.sessionTags;
if((!(data10 && typeof data10 == "object" && !Array.isArray(data10))) && (data10 !== null)){
const err16 = {instancePath:instancePath+"/sessionTags",schemaPath:"#/properties/sessionTags/type",keyword:"type",params:{type: schema35.properties.sessionTags.type},message:"must be object,null",schema:schema35.properties.sessionTags.type,parentSchema:schema35.properties.sessionTags,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
let data11 = data10[key2];
if(typeof data11 !== "string"){
const err17 = {instancePath:instancePath+"/sessionTags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/sessionTags/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.sessionTags.additionalProperties.type,parentSchema:schema35.properties.sessionTags.additionalProperties,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
if(data.organizationId !== undefined){
let data12 = data.organizationId;
if((typeof data12 !== "string") && (data12 !== null)){
const err18 = {instancePath:instancePath+"/organizationId",schemaPath:"#/properties/organizationId/type",keyword:"type",params:{type: schema35.properties.organizationId.type},message:"must be string,null",schema:schema35.properties.organizationId.type,parentSchema:schema35.properties.organizationId,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(typeof data12 === "string"){
if(!pattern18.test(data12)){
const err19 = {instancePath:instancePath+"/organizationId",schemaPath:"#/properties/organizationId/pattern",keyword:"pattern",params:{pattern: "^o-[a-z0-9]{10,32}$"},message:"must match pattern \""+"^o-[a-z0-9]{10,32}$"+"\"",schema:"^o-[a-z0-9]{10,32}$",parentSchema:schema35.properties.organizationId,data:data12};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
if(data.trustPolicy !== undefined){
let data13 = data.trustPolicy;
if(!(data13 && typeof data13 == "object" && !Array.isArray(data13))){
const err20 = {instancePath:instancePath+"/trustPolicy",schemaPath:"#/$defs/policyDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data13};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema39 = {"type":"object","description":"Facts of the bucket: its account, Region, bucket policy, default encryption and object ownership.","properties":{"name":{"type":"string","pattern":"\\S","description":"The bucket name, when it differs from question.bucket (copy source)."},"accountId":{"type":"string","pattern":"^[0-9]{12}$","description":"The bucket owner's account ID."},"notCallersAccount":{"const":true,"description":"Given: the bucket is in another account than the caller's, though its ID is not known (with accountId absent). The check is then cross-account."},"region":{"type":"string","pattern":"^(?:[a-z]+-){2,3}[0-9]+$","description":"The bucket's Region."},"policy":{"type":["object","null"],"description":"The bucket policy document; null: the bucket has no bucket policy."},"defaultEncryption":{"type":["object","null"],"$ref":"#/$defs/encryption","description":"Default encryption; null: none configured (S3 then uses SSE-S3)."},"objectOwnership":{"enum":["BucketOwnerEnforced","BucketOwnerPreferred","ObjectWriter",null],"description":"The Object Ownership setting; null: none set."},"versioning":{"enum":["Enabled","Suspended",null],"description":"GetBucketVersioning's Status; null: never enabled. Replication needs Enabled on both buckets."}},"additionalProperties":false};
const schema40 = {"required":["algorithm"],"properties":{"algorithm":{"enum":["aws:kms","aws:kms:dsse","AES256"]},"kmsKeyId":{"type":"string","pattern":"\\S","description":"The key: key ARN (best), key ID, alias name or alias ARN."},"bucketKeyEnabled":{"type":"boolean","description":"S3 Bucket Keys are on."}},"additionalProperties":false};
const pattern21 = new RegExp("^(?:[a-z]+-){2,3}[0-9]+$", "u");

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "name") || (key0 === "accountId")) || (key0 === "notCallersAccount")) || (key0 === "region")) || (key0 === "policy")) || (key0 === "defaultEncryption")) || (key0 === "objectOwnership")) || (key0 === "versioning"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err1 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema39.properties.name,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.name.type,parentSchema:schema39.properties.name,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.accountId !== undefined){
let data1 = data.accountId;
if(typeof data1 === "string"){
if(!pattern20.test(data1)){
const err3 = {instancePath:instancePath+"/accountId",schemaPath:"#/properties/accountId/pattern",keyword:"pattern",params:{pattern: "^[0-9]{12}$"},message:"must match pattern \""+"^[0-9]{12}$"+"\"",schema:"^[0-9]{12}$",parentSchema:schema39.properties.accountId,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/accountId",schemaPath:"#/properties/accountId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.accountId.type,parentSchema:schema39.properties.accountId,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.notCallersAccount !== undefined){
let data2 = data.notCallersAccount;
if(true !== data2){
const err5 = {instancePath:instancePath+"/notCallersAccount",schemaPath:"#/properties/notCallersAccount/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema39.properties.notCallersAccount,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.region !== undefined){
let data3 = data.region;
if(typeof data3 === "string"){
if(!pattern21.test(data3)){
const err6 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/pattern",keyword:"pattern",params:{pattern: "^(?:[a-z]+-){2,3}[0-9]+$"},message:"must match pattern \""+"^(?:[a-z]+-){2,3}[0-9]+$"+"\"",schema:"^(?:[a-z]+-){2,3}[0-9]+$",parentSchema:schema39.properties.region,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.region.type,parentSchema:schema39.properties.region,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.policy !== undefined){
let data4 = data.policy;
if((!(data4 && typeof data4 == "object" && !Array.isArray(data4))) && (data4 !== null)){
const err8 = {instancePath:instancePath+"/policy",schemaPath:"#/properties/policy/type",keyword:"type",params:{type: schema39.properties.policy.type},message:"must be object,null",schema:schema39.properties.policy.type,parentSchema:schema39.properties.policy,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.defaultEncryption !== undefined){
let data5 = data.defaultEncryption;
if((!(data5 && typeof data5 == "object" && !Array.isArray(data5))) && (data5 !== null)){
const err9 = {instancePath:instancePath+"/defaultEncryption",schemaPath:"#/properties/defaultEncryption/type",keyword:"type",params:{type: schema39.properties.defaultEncryption.type},message:"must be object,null",schema:schema39.properties.defaultEncryption.type,parentSchema:schema39.properties.defaultEncryption,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.algorithm === undefined){
const err10 = {instancePath:instancePath+"/defaultEncryption",schemaPath:"#/$defs/encryption/required",keyword:"required",params:{missingProperty: "algorithm"},message:"must have required property '"+"algorithm"+"'",schema:schema40.required,parentSchema:schema40,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
for(const key1 in data5){
if(!(((key1 === "algorithm") || (key1 === "kmsKeyId")) || (key1 === "bucketKeyEnabled"))){
const err11 = {instancePath:instancePath+"/defaultEncryption",schemaPath:"#/$defs/encryption/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data5.algorithm !== undefined){
let data6 = data5.algorithm;
if(!(((data6 === "aws:kms") || (data6 === "aws:kms:dsse")) || (data6 === "AES256"))){
const err12 = {instancePath:instancePath+"/defaultEncryption/algorithm",schemaPath:"#/$defs/encryption/properties/algorithm/enum",keyword:"enum",params:{allowedValues: schema40.properties.algorithm.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.algorithm.enum,parentSchema:schema40.properties.algorithm,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.kmsKeyId !== undefined){
let data7 = data5.kmsKeyId;
if(typeof data7 === "string"){
if(!pattern7.test(data7)){
const err13 = {instancePath:instancePath+"/defaultEncryption/kmsKeyId",schemaPath:"#/$defs/encryption/properties/kmsKeyId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema40.properties.kmsKeyId,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/defaultEncryption/kmsKeyId",schemaPath:"#/$defs/encryption/properties/kmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.kmsKeyId.type,parentSchema:schema40.properties.kmsKeyId,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.bucketKeyEnabled !== undefined){
let data8 = data5.bucketKeyEnabled;
if(typeof data8 !== "boolean"){
const err15 = {instancePath:instancePath+"/defaultEncryption/bucketKeyEnabled",schemaPath:"#/$defs/encryption/properties/bucketKeyEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.bucketKeyEnabled.type,parentSchema:schema40.properties.bucketKeyEnabled,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
if(data.objectOwnership !== undefined){
let data9 = data.objectOwnership;
if(!((((data9 === "BucketOwnerEnforced") || (data9 === "BucketOwnerPreferred")) || (data9 === "ObjectWriter")) || (data9 === null))){
const err16 = {instancePath:instancePath+"/objectOwnership",schemaPath:"#/properties/objectOwnership/enum",keyword:"enum",params:{allowedValues: schema39.properties.objectOwnership.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.objectOwnership.enum,parentSchema:schema39.properties.objectOwnership,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.versioning !== undefined){
let data10 = data.versioning;
if(!(((data10 === "Enabled") || (data10 === "Suspended")) || (data10 === null))){
const err17 = {instancePath:instancePath+"/versioning",schemaPath:"#/properties/versioning/enum",keyword:"enum",params:{allowedValues: schema39.properties.versioning.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.versioning.enum,parentSchema:schema39.properties.versioning,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema41 = {"type":"object","description":"What HeadObject says of an existing object, and who owns it.","properties":{"encryption":{"type":["object","null"],"$ref":"#/$defs/encryption","description":"The object's encryption; null: not encrypted with a key."},"ownerAccountId":{"type":"string","pattern":"^[0-9]{12}$","description":"The object owner's account ID."},"ownedByBucketOwner":{"type":"boolean","description":"Whether the object's owner (GetObjectAcl's Owner) is the bucket's (GetBucketAcl's Owner). false: another account owns it; S3 names owners by canonical user ID, so which account is not known unless ownerAccountId says."}},"additionalProperties":false};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "encryption") || (key0 === "ownerAccountId")) || (key0 === "ownedByBucketOwner"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.encryption !== undefined){
let data0 = data.encryption;
if((!(data0 && typeof data0 == "object" && !Array.isArray(data0))) && (data0 !== null)){
const err1 = {instancePath:instancePath+"/encryption",schemaPath:"#/properties/encryption/type",keyword:"type",params:{type: schema41.properties.encryption.type},message:"must be object,null",schema:schema41.properties.encryption.type,parentSchema:schema41.properties.encryption,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.algorithm === undefined){
const err2 = {instancePath:instancePath+"/encryption",schemaPath:"#/$defs/encryption/required",keyword:"required",params:{missingProperty: "algorithm"},message:"must have required property '"+"algorithm"+"'",schema:schema40.required,parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data0){
if(!(((key1 === "algorithm") || (key1 === "kmsKeyId")) || (key1 === "bucketKeyEnabled"))){
const err3 = {instancePath:instancePath+"/encryption",schemaPath:"#/$defs/encryption/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.algorithm !== undefined){
let data1 = data0.algorithm;
if(!(((data1 === "aws:kms") || (data1 === "aws:kms:dsse")) || (data1 === "AES256"))){
const err4 = {instancePath:instancePath+"/encryption/algorithm",schemaPath:"#/$defs/encryption/properties/algorithm/enum",keyword:"enum",params:{allowedValues: schema40.properties.algorithm.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.algorithm.enum,parentSchema:schema40.properties.algorithm,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.kmsKeyId !== undefined){
let data2 = data0.kmsKeyId;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err5 = {instancePath:instancePath+"/encryption/kmsKeyId",schemaPath:"#/$defs/encryption/properties/kmsKeyId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema40.properties.kmsKeyId,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/encryption/kmsKeyId",schemaPath:"#/$defs/encryption/properties/kmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.kmsKeyId.type,parentSchema:schema40.properties.kmsKeyId,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.bucketKeyEnabled !== undefined){
let data3 = data0.bucketKeyEnabled;
if(typeof data3 !== "boolean"){
const err7 = {instancePath:instancePath+"/encryption/bucketKeyEnabled",schemaPath:"#/$defs/encryption/properties/bucketKeyEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.bucketKeyEnabled.type,parentSchema:schema40.properties.bucketKeyEnabled,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
if(data.ownerAccountId !== undefined){
let data4 = data.ownerAccountId;
if(typeof data4 === "string"){
if(!pattern20.test(data4)){
const err8 = {instancePath:instancePath+"/ownerAccountId",schemaPath:"#/properties/ownerAccountId/pattern",keyword:"pattern",params:{pattern: "^[0-9]{12}$"},message:"must match pattern \""+"^[0-9]{12}$"+"\"",schema:"^[0-9]{12}$",parentSchema:schema41.properties.ownerAccountId,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/ownerAccountId",schemaPath:"#/properties/ownerAccountId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.ownerAccountId.type,parentSchema:schema41.properties.ownerAccountId,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.ownedByBucketOwner !== undefined){
let data5 = data.ownedByBucketOwner;
if(typeof data5 !== "boolean"){
const err10 = {instancePath:instancePath+"/ownedByBucketOwner",schemaPath:"#/properties/ownedByBucketOwner/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.ownedByBucketOwner.type,parentSchema:schema41.properties.ownedByBucketOwner,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema43 = {"type":"object","description":"Facts of the KMS key: its ARN, manager, state, spec, key policy and grants.","required":["arn"],"properties":{"arn":{"type":"string","pattern":"^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$","description":"The key ARN."},"aliases":{"type":"array","items":{"type":"string","pattern":"\\S"},"description":"Alias names, e.g. alias/uploads."},"keyManager":{"enum":["CUSTOMER","AWS"],"description":"CUSTOMER: a customer managed key; AWS: an AWS managed key such as aws/s3."},"keyState":{"enum":["Enabled","Disabled","PendingDeletion","PendingImport","PendingReplicaDeletion","Unavailable","Creating","Updating"],"description":"The key state, as DescribeKey reports it."},"keySpec":{"type":"string","pattern":"\\S","description":"SYMMETRIC_DEFAULT, RSA_2048, … S3 needs a symmetric encryption key."},"keyUsage":{"type":"string","pattern":"\\S","description":"ENCRYPT_DECRYPT, SIGN_VERIFY, …"},"multiRegion":{"type":"boolean","description":"A multi-Region key (S3 treats it as a single-Region key)."},"policy":{"$ref":"#/$defs/policyDocument","description":"The key policy document. Every key has one, so it cannot be null."},"grants":{"type":"array","items":{"$ref":"#/$defs/keyGrant"},"description":"Grants on the key, as ListGrants returns them."}},"additionalProperties":false};
const schema45 = {"type":"object","required":["granteePrincipal","operations"],"properties":{"grantId":{"type":"string","pattern":"\\S"},"name":{"type":"string"},"granteePrincipal":{"type":"string","pattern":"\\S","description":"The principal the grant allows."},"retiringPrincipal":{"type":"string","pattern":"\\S"},"operations":{"type":"array","items":{"type":"string","pattern":"\\S"},"description":"Decrypt, GenerateDataKey, …"},"constraints":{"type":"object","properties":{"encryptionContextEquals":{"type":"object","additionalProperties":{"type":"string"}},"encryptionContextSubset":{"type":"object","additionalProperties":{"type":"string"}}},"additionalProperties":false}},"additionalProperties":false};
const pattern25 = new RegExp("^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$", "u");

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arn === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "arn"},message:"must have required property '"+"arn"+"'",schema:schema43.required,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema43.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.arn !== undefined){
let data0 = data.arn;
if(typeof data0 === "string"){
if(!pattern25.test(data0)){
const err2 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$"},message:"must match pattern \""+"^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$"+"\"",schema:"^arn:aws[a-z-]*:kms:(?:[a-z]+-){2,3}[0-9]+:[0-9]{12}:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$",parentSchema:schema43.properties.arn,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/arn",schemaPath:"#/properties/arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.arn.type,parentSchema:schema43.properties.arn,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.aliases !== undefined){
let data1 = data.aliases;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err4 = {instancePath:instancePath+"/aliases/" + i0,schemaPath:"#/properties/aliases/items/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema43.properties.aliases.items,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/aliases/" + i0,schemaPath:"#/properties/aliases/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.aliases.items.type,parentSchema:schema43.properties.aliases.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema43.properties.aliases.type,parentSchema:schema43.properties.aliases,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.keyManager !== undefined){
let data3 = data.keyManager;
if(!((data3 === "CUSTOMER") || (data3 === "AWS"))){
const err7 = {instancePath:instancePath+"/keyManager",schemaPath:"#/properties/keyManager/enum",keyword:"enum",params:{allowedValues: schema43.properties.keyManager.enum},message:"must be equal to one of the allowed values",schema:schema43.properties.keyManager.enum,parentSchema:schema43.properties.keyManager,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.keyState !== undefined){
let data4 = data.keyState;
if(!((((((((data4 === "Enabled") || (data4 === "Disabled")) || (data4 === "PendingDeletion")) || (data4 === "PendingImport")) || (data4 === "PendingReplicaDeletion")) || (data4 === "Unavailable")) || (data4 === "Creating")) || (data4 === "Updating"))){
const err8 = {instancePath:instancePath+"/keyState",schemaPath:"#/properties/keyState/enum",keyword:"enum",params:{allowedValues: schema43.properties.keyState.enum},message:"must be equal to one of the allowed values",schema:schema43.properties.keyState.enum,parentSchema:schema43.properties.keyState,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.keySpec !== undefined){
let data5 = data.keySpec;
if(typeof data5 === "string"){
if(!pattern7.test(data5)){
const err9 = {instancePath:instancePath+"/keySpec",schemaPath:"#/properties/keySpec/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema43.properties.keySpec,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/keySpec",schemaPath:"#/properties/keySpec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.keySpec.type,parentSchema:schema43.properties.keySpec,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.keyUsage !== undefined){
let data6 = data.keyUsage;
if(typeof data6 === "string"){
if(!pattern7.test(data6)){
const err11 = {instancePath:instancePath+"/keyUsage",schemaPath:"#/properties/keyUsage/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema43.properties.keyUsage,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/keyUsage",schemaPath:"#/properties/keyUsage/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.keyUsage.type,parentSchema:schema43.properties.keyUsage,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.multiRegion !== undefined){
let data7 = data.multiRegion;
if(typeof data7 !== "boolean"){
const err13 = {instancePath:instancePath+"/multiRegion",schemaPath:"#/properties/multiRegion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema43.properties.multiRegion.type,parentSchema:schema43.properties.multiRegion,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.policy !== undefined){
let data8 = data.policy;
if(!(data8 && typeof data8 == "object" && !Array.isArray(data8))){
const err14 = {instancePath:instancePath+"/policy",schemaPath:"#/$defs/policyDocument/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.grants !== undefined){
let data9 = data.grants;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.granteePrincipal === undefined){
const err15 = {instancePath:instancePath+"/grants/" + i1,schemaPath:"#/$defs/keyGrant/required",keyword:"required",params:{missingProperty: "granteePrincipal"},message:"must have required property '"+"granteePrincipal"+"'",schema:schema45.required,parentSchema:schema45,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data10.operations === undefined){
const err16 = {instancePath:instancePath+"/grants/" + i1,schemaPath:"#/$defs/keyGrant/required",keyword:"required",params:{missingProperty: "operations"},message:"must have required property '"+"operations"+"'",schema:schema45.required,parentSchema:schema45,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data10){
if(!((((((key1 === "grantId") || (key1 === "name")) || (key1 === "granteePrincipal")) || (key1 === "retiringPrincipal")) || (key1 === "operations")) || (key1 === "constraints"))){
const err17 = {instancePath:instancePath+"/grants/" + i1,schemaPath:"#/$defs/keyGrant/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema45,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data10.grantId !== undefined){
let data11 = data10.grantId;
if(typeof data11 === "string"){
if(!pattern7.test(data11)){
const err18 = {instancePath:instancePath+"/grants/" + i1+"/grantId",schemaPath:"#/$defs/keyGrant/properties/grantId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema45.properties.grantId,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/grants/" + i1+"/grantId",schemaPath:"#/$defs/keyGrant/properties/grantId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.grantId.type,parentSchema:schema45.properties.grantId,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data10.name !== undefined){
let data12 = data10.name;
if(typeof data12 !== "string"){
const err20 = {instancePath:instancePath+"/grants/" + i1+"/name",schemaPath:"#/$defs/keyGrant/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.name.type,parentSchema:schema45.properties.name,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data10.granteePrincipal !== undefined){
let data13 = data10.granteePrincipal;
if(typeof data13 === "string"){
if(!pattern7.test(data13)){
const err21 = {instancePath:instancePath+"/grants/" + i1+"/granteePrincipal",schemaPath:"#/$defs/keyGrant/properties/granteePrincipal/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema45.properties.granteePrincipal,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/grants/" + i1+"/granteePrincipal",schemaPath:"#/$defs/keyGrant/properties/granteePrincipal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.granteePrincipal.type,parentSchema:schema45.properties.granteePrincipal,data:data13};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data10.retiringPrincipal !== undefined){
let data14 = data10.retiringPrincipal;
if(typeof data14 === "string"){
if(!pattern7.test(data14)){
const err23 = {instancePath:instancePath+"/grants/" + i1+"/retiringPrincipal",schemaPath:"#/$defs/keyGrant/properties/retiringPrincipal/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema45.properties.retiringPrincipal,data:data14};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/grants/" + i1+"/retiringPrincipal",schemaPath:"#/$defs/keyGrant/properties/retiringPrincipal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.retiringPrincipal.type,parentSchema:schema45.properties.retiringPrincipal,data:data14};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.operations !== undefined){
let data15 = data10.operations;
if(Array.isArray(data15)){
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
let data16 = data15[i2];
if(typeof data16 === "string"){
if(!pattern7.test(data16)){
const err25 = {instancePath:instancePath+"/grants/" + i1+"/operations/" + i2,schemaPath:"#/$defs/keyGrant/properties/operations/items/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema45.properties.operations.items,data:data16};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/grants/" + i1+"/operations/" + i2,schemaPath:"#/$defs/keyGrant/properties/operations/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.operations.items.type,parentSchema:schema45.properties.operations.items,data:data16};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/grants/" + i1+"/operations",schemaPath:"#/$defs/keyGrant/properties/operations/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.operations.type,parentSchema:schema45.properties.operations,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.constraints !== undefined){
let data17 = data10.constraints;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key2 in data17){
if(!((key2 === "encryptionContextEquals") || (key2 === "encryptionContextSubset"))){
const err28 = {instancePath:instancePath+"/grants/" + i1+"/constraints",schemaPath:"#/$defs/keyGrant/properties/constraints/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema45.properties.constraints,data:data17};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data17.encryptionContextEquals !== undefined){
let data18 = data17.encryptionContextEquals;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key3 in data18){
let data19 = data18[key3];
if(typeof data19 !== "string"){
const err29 = {instancePath:instancePath+"/grants/" + i1+"/constraints/encryptionContextEquals/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/keyGrant/properties/constraints/properties/encryptionContextEquals/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.constraints.properties.encryptionContextEquals.additionalProperties.type,parentSchema:schema45.properties.constraints.properties.encryptionContextEquals.additionalProperties,data:data19};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/grants/" + i1+"/constraints/encryptionContextEquals",schemaPath:"#/$defs/keyGrant/properties/constraints/properties/encryptionContextEquals/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.constraints.properties.encryptionContextEquals.type,parentSchema:schema45.properties.constraints.properties.encryptionContextEquals,data:data18};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data17.encryptionContextSubset !== undefined){
let data20 = data17.encryptionContextSubset;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key4 in data20){
let data21 = data20[key4];
if(typeof data21 !== "string"){
const err31 = {instancePath:instancePath+"/grants/" + i1+"/constraints/encryptionContextSubset/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/keyGrant/properties/constraints/properties/encryptionContextSubset/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.constraints.properties.encryptionContextSubset.additionalProperties.type,parentSchema:schema45.properties.constraints.properties.encryptionContextSubset.additionalProperties,data:data21};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/grants/" + i1+"/constraints/encryptionContextSubset",schemaPath:"#/$defs/keyGrant/properties/constraints/properties/encryptionContextSubset/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.constraints.properties.encryptionContextSubset.type,parentSchema:schema45.properties.constraints.properties.encryptionContextSubset,data:data20};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/grants/" + i1+"/constraints",schemaPath:"#/$defs/keyGrant/properties/constraints/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.constraints.type,parentSchema:schema45.properties.constraints,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/grants/" + i1,schemaPath:"#/$defs/keyGrant/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/grants",schemaPath:"#/properties/grants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema43.properties.grants.type,parentSchema:schema43.properties.grants,data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema46 = {"type":"object","properties":{"serviceControlPolicies":{"type":"array","items":{"type":"array","description":"One level of the organization tree: policy documents, or {name, arn, document} objects.","items":{"type":"object","if":{"required":["document"]},"then":{"$ref":"#/$defs/namedPolicy"}}},"description":"SCPs of the caller's account, root level first, the account's own level last. []: no SCPs apply."},"resourceControlPolicies":{"type":"array","items":{"type":"array","description":"One level of the organization tree: policy documents, or {name, arn, document} objects.","items":{"type":"object","if":{"required":["document"]},"then":{"$ref":"#/$defs/namedPolicy"}}},"description":"RCPs of the resource's account, in the same order. []: no RCPs apply."}},"additionalProperties":false};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "serviceControlPolicies") || (key0 === "resourceControlPolicies"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.serviceControlPolicies !== undefined){
let data0 = data.serviceControlPolicies;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(Array.isArray(data1)){
const len1 = data1.length;
for(let i1=0; i1<len1; i1++){
let data2 = data1[i1];
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err1 = {instancePath:instancePath+"/serviceControlPolicies/" + i0+"/" + i1,schemaPath:"#/properties/serviceControlPolicies/items/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.properties.serviceControlPolicies.items.items.type,parentSchema:schema46.properties.serviceControlPolicies.items.items,data:data2};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const _errs8 = errors;
let valid5 = true;
const _errs9 = errors;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing0;
if((data2.document === undefined) && (missing0 = "document")){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs10 = errors;
if(!(validate24(data2, {instancePath:instancePath+"/serviceControlPolicies/" + i0+"/" + i1,parentData:data1,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var _valid0 = _errs10 === errors;
valid5 = _valid0;
}
if(!valid5){
const err3 = {instancePath:instancePath+"/serviceControlPolicies/" + i0+"/" + i1,schemaPath:"#/properties/serviceControlPolicies/items/items/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema46.properties.serviceControlPolicies.items.items.if,parentSchema:schema46.properties.serviceControlPolicies.items.items,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/serviceControlPolicies/" + i0,schemaPath:"#/properties/serviceControlPolicies/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.properties.serviceControlPolicies.items.type,parentSchema:schema46.properties.serviceControlPolicies.items,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/serviceControlPolicies",schemaPath:"#/properties/serviceControlPolicies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.properties.serviceControlPolicies.type,parentSchema:schema46.properties.serviceControlPolicies,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.resourceControlPolicies !== undefined){
let data3 = data.resourceControlPolicies;
if(Array.isArray(data3)){
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
if(Array.isArray(data4)){
const len3 = data4.length;
for(let i3=0; i3<len3; i3++){
let data5 = data4[i3];
if(!(data5 && typeof data5 == "object" && !Array.isArray(data5))){
const err6 = {instancePath:instancePath+"/resourceControlPolicies/" + i2+"/" + i3,schemaPath:"#/properties/resourceControlPolicies/items/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.properties.resourceControlPolicies.items.items.type,parentSchema:schema46.properties.resourceControlPolicies.items.items,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const _errs17 = errors;
let valid10 = true;
const _errs18 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
let missing1;
if((data5.document === undefined) && (missing1 = "document")){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid1 = _errs18 === errors;
errors = _errs17;
if(vErrors !== null){
if(_errs17){
vErrors.length = _errs17;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs19 = errors;
if(!(validate24(data5, {instancePath:instancePath+"/resourceControlPolicies/" + i2+"/" + i3,parentData:data4,parentDataProperty:i3,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var _valid1 = _errs19 === errors;
valid10 = _valid1;
}
if(!valid10){
const err8 = {instancePath:instancePath+"/resourceControlPolicies/" + i2+"/" + i3,schemaPath:"#/properties/resourceControlPolicies/items/items/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema46.properties.resourceControlPolicies.items.items.if,parentSchema:schema46.properties.resourceControlPolicies.items.items,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/resourceControlPolicies/" + i2,schemaPath:"#/properties/resourceControlPolicies/items/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.properties.resourceControlPolicies.items.type,parentSchema:schema46.properties.resourceControlPolicies.items,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/resourceControlPolicies",schemaPath:"#/properties/resourceControlPolicies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema46.properties.resourceControlPolicies.type,parentSchema:schema46.properties.resourceControlPolicies,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:s3-kms-doctor:snapshot:1" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.format === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.question === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "question"},message:"must have required property '"+"question"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.format !== undefined){
let data1 = data.format;
if("s3-kms-doctor/snapshot@1" !== data1){
const err4 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "s3-kms-doctor/snapshot@1"},message:"must be equal to constant",schema:"s3-kms-doctor/snapshot@1",parentSchema:schema31.properties.format,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((((((key1 === "title") || (key1 === "description")) || (key1 === "createdAt")) || (key1 === "collectedBy")) || (key1 === "redacted")) || (key1 === "profiles"))){
const err5 = {instancePath:instancePath+"/metadata",schemaPath:"#/$defs/metadata/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.title !== undefined){
let data3 = data2.title;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/metadata/title",schemaPath:"#/$defs/metadata/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.title.type,parentSchema:schema32.properties.title,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.description !== undefined){
let data4 = data2.description;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/metadata/description",schemaPath:"#/$defs/metadata/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.description.type,parentSchema:schema32.properties.description,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.createdAt !== undefined){
let data5 = data2.createdAt;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/metadata/createdAt",schemaPath:"#/$defs/metadata/properties/createdAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.createdAt.type,parentSchema:schema32.properties.createdAt,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.collectedBy !== undefined){
let data6 = data2.collectedBy;
if(!((((data6 === "live") || (data6 === "manual")) || (data6 === "bundle")) || (data6 === "example"))){
const err9 = {instancePath:instancePath+"/metadata/collectedBy",schemaPath:"#/$defs/metadata/properties/collectedBy/enum",keyword:"enum",params:{allowedValues: schema32.properties.collectedBy.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.collectedBy.enum,parentSchema:schema32.properties.collectedBy,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.redacted !== undefined){
let data7 = data2.redacted;
if(typeof data7 !== "boolean"){
const err10 = {instancePath:instancePath+"/metadata/redacted",schemaPath:"#/$defs/metadata/properties/redacted/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema32.properties.redacted.type,parentSchema:schema32.properties.redacted,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.profiles !== undefined){
let data8 = data2.profiles;
if(Array.isArray(data8)){
if(data8.length > 3){
const err11 = {instancePath:instancePath+"/metadata/profiles",schemaPath:"#/$defs/metadata/properties/profiles/maxItems",keyword:"maxItems",params:{limit: 3},message:"must NOT have more than 3 items",schema:3,parentSchema:schema32.properties.profiles,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.name === undefined){
const err12 = {instancePath:instancePath+"/metadata/profiles/" + i0,schemaPath:"#/$defs/metadata/properties/profiles/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema32.properties.profiles.items.required,parentSchema:schema32.properties.profiles.items,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data9.arn === undefined){
const err13 = {instancePath:instancePath+"/metadata/profiles/" + i0,schemaPath:"#/$defs/metadata/properties/profiles/items/required",keyword:"required",params:{missingProperty: "arn"},message:"must have required property '"+"arn"+"'",schema:schema32.properties.profiles.items.required,parentSchema:schema32.properties.profiles.items,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data9.roles === undefined){
const err14 = {instancePath:instancePath+"/metadata/profiles/" + i0,schemaPath:"#/$defs/metadata/properties/profiles/items/required",keyword:"required",params:{missingProperty: "roles"},message:"must have required property '"+"roles"+"'",schema:schema32.properties.profiles.items.required,parentSchema:schema32.properties.profiles.items,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key2 in data9){
if(!(((key2 === "name") || (key2 === "arn")) || (key2 === "roles"))){
const err15 = {instancePath:instancePath+"/metadata/profiles/" + i0,schemaPath:"#/$defs/metadata/properties/profiles/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema32.properties.profiles.items,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data9.name !== undefined){
let data10 = data9.name;
if(typeof data10 === "string"){
if(!pattern4.test(data10)){
const err16 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/name",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$"+"\"",schema:"^[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb-](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,254}$",parentSchema:schema32.properties.profiles.items.properties.name,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/name",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.profiles.items.properties.name.type,parentSchema:schema32.properties.profiles.items.properties.name,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data9.arn !== undefined){
let data11 = data9.arn;
if(typeof data11 === "string"){
if(!pattern5.test(data11)){
const err18 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/arn",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/arn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$"},message:"must match pattern \""+"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$"+"\"",schema:"^arn:aws[a-z-]*:(?:iam::[0-9]{12}:(?:root|(?:user|role)/(?:[!-~]*/)?[\\w+=,.@-]+)|sts::[0-9]{12}:(?:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+))$",parentSchema:schema32.properties.profiles.items.properties.arn,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/arn",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.profiles.items.properties.arn.type,parentSchema:schema32.properties.profiles.items.properties.arn,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data9.roles !== undefined){
let data12 = data9.roles;
if(Array.isArray(data12)){
if(data12.length < 1){
const err20 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/roles",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/roles/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.profiles.items.properties.roles,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
if(!(((data13 === "caller") || (data13 === "bucket")) || (data13 === "key"))){
const err21 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/roles/" + i1,schemaPath:"#/$defs/metadata/properties/profiles/items/properties/roles/items/enum",keyword:"enum",params:{allowedValues: schema32.properties.profiles.items.properties.roles.items.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.profiles.items.properties.roles.items.enum,parentSchema:schema32.properties.profiles.items.properties.roles.items,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
let i2 = data12.length;
let j0;
if(i2 > 1){
outer0:
for(;i2--;){
for(j0 = i2; j0--;){
if(func0(data12[i2], data12[j0])){
const err22 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/roles",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/roles/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema32.properties.profiles.items.properties.roles,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/metadata/profiles/" + i0+"/roles",schemaPath:"#/$defs/metadata/properties/profiles/items/properties/roles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.profiles.items.properties.roles.type,parentSchema:schema32.properties.profiles.items.properties.roles,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/metadata/profiles/" + i0,schemaPath:"#/$defs/metadata/properties/profiles/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.properties.profiles.items.type,parentSchema:schema32.properties.profiles.items,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/metadata/profiles",schemaPath:"#/$defs/metadata/properties/profiles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.profiles.type,parentSchema:schema32.properties.profiles,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/metadata",schemaPath:"#/$defs/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data2};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.question !== undefined){
if(!(validate21(data.question, {instancePath:instancePath+"/question",parentData:data,parentDataProperty:"question",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.principal !== undefined){
if(!(validate23(data.principal, {instancePath:instancePath+"/principal",parentData:data,parentDataProperty:"principal",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.bucket !== undefined){
if(!(validate28(data.bucket, {instancePath:instancePath+"/bucket",parentData:data,parentDataProperty:"bucket",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.object !== undefined){
if(!(validate30(data.object, {instancePath:instancePath+"/object",parentData:data,parentDataProperty:"object",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
if(data.key !== undefined){
if(!(validate32(data.key, {instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
if(data.source !== undefined){
let data19 = data.source;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key3 in data19){
if(!(((key3 === "bucketInfo") || (key3 === "objectInfo")) || (key3 === "keyInfo"))){
const err27 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.source,data:data19};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data19.bucketInfo !== undefined){
if(!(validate28(data19.bucketInfo, {instancePath:instancePath+"/source/bucketInfo",parentData:data19,parentDataProperty:"bucketInfo",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data19.objectInfo !== undefined){
if(!(validate30(data19.objectInfo, {instancePath:instancePath+"/source/objectInfo",parentData:data19,parentDataProperty:"objectInfo",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
errors = vErrors.length;
}
}
if(data19.keyInfo !== undefined){
if(!(validate32(data19.keyInfo, {instancePath:instancePath+"/source/keyInfo",parentData:data19,parentDataProperty:"keyInfo",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.source.type,parentSchema:schema31.properties.source,data:data19};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.organization !== undefined){
if(!(validate37(data.organization, {instancePath:instancePath+"/organization",parentData:data,parentDataProperty:"organization",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.distribution !== undefined){
let data24 = data.distribution;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key4 in data24){
if(!(((key4 === "arn") || (key4 === "originAccess")) || (key4 === "originType"))){
const err29 = {instancePath:instancePath+"/distribution",schemaPath:"#/$defs/distribution/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data:data24};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data24.arn !== undefined){
let data25 = data24.arn;
if(typeof data25 === "string"){
if(!pattern33.test(data25)){
const err30 = {instancePath:instancePath+"/distribution/arn",schemaPath:"#/$defs/distribution/properties/arn/pattern",keyword:"pattern",params:{pattern: "^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$"},message:"must match pattern \""+"^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$"+"\"",schema:"^arn:aws(-cn|-us-gov)?:cloudfront::[0-9]{12}:distribution/[A-Z0-9]{1,64}$",parentSchema:schema47.properties.arn,data:data25};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/distribution/arn",schemaPath:"#/$defs/distribution/properties/arn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.arn.type,parentSchema:schema47.properties.arn,data:data25};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data24.originAccess !== undefined){
let data26 = data24.originAccess;
if(!(((data26 === "origin-access-control") || (data26 === "origin-access-identity")) || (data26 === "none"))){
const err32 = {instancePath:instancePath+"/distribution/originAccess",schemaPath:"#/$defs/distribution/properties/originAccess/enum",keyword:"enum",params:{allowedValues: schema47.properties.originAccess.enum},message:"must be equal to one of the allowed values",schema:schema47.properties.originAccess.enum,parentSchema:schema47.properties.originAccess,data:data26};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data24.originType !== undefined){
let data27 = data24.originType;
if(!((data27 === "s3-rest") || (data27 === "s3-website"))){
const err33 = {instancePath:instancePath+"/distribution/originType",schemaPath:"#/$defs/distribution/properties/originType/enum",keyword:"enum",params:{allowedValues: schema47.properties.originType.enum},message:"must be equal to one of the allowed values",schema:schema47.properties.originType.enum,parentSchema:schema47.properties.originType,data:data27};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/distribution",schemaPath:"#/$defs/distribution/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data:data24};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.presignedUrl !== undefined){
let data28 = data.presignedUrl;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.signatureVersion === undefined){
const err35 = {instancePath:instancePath+"/presignedUrl",schemaPath:"#/$defs/presignedUrl/required",keyword:"required",params:{missingProperty: "signatureVersion"},message:"must have required property '"+"signatureVersion"+"'",schema:schema48.required,parentSchema:schema48,data:data28};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key5 in data28){
if(!((((((((key5 === "signatureVersion") || (key5 === "accessKeyId")) || (key5 === "signedAt")) || (key5 === "expiresSeconds")) || (key5 === "expiresAt")) || (key5 === "signedHeaders")) || (key5 === "signerAccount")) || (key5 === "signedByPrincipal"))){
const err36 = {instancePath:instancePath+"/presignedUrl",schemaPath:"#/$defs/presignedUrl/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema48,data:data28};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data28.signatureVersion !== undefined){
let data29 = data28.signatureVersion;
if(!((data29 === 2) || (data29 === 4))){
const err37 = {instancePath:instancePath+"/presignedUrl/signatureVersion",schemaPath:"#/$defs/presignedUrl/properties/signatureVersion/enum",keyword:"enum",params:{allowedValues: schema48.properties.signatureVersion.enum},message:"must be equal to one of the allowed values",schema:schema48.properties.signatureVersion.enum,parentSchema:schema48.properties.signatureVersion,data:data29};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data28.accessKeyId !== undefined){
let data30 = data28.accessKeyId;
if(typeof data30 === "string"){
if(!pattern34.test(data30)){
const err38 = {instancePath:instancePath+"/presignedUrl/accessKeyId",schemaPath:"#/$defs/presignedUrl/properties/accessKeyId/pattern",keyword:"pattern",params:{pattern: "^(AKIA|ASIA)[A-Z0-9]{12,124}$"},message:"must match pattern \""+"^(AKIA|ASIA)[A-Z0-9]{12,124}$"+"\"",schema:"^(AKIA|ASIA)[A-Z0-9]{12,124}$",parentSchema:schema48.properties.accessKeyId,data:data30};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/presignedUrl/accessKeyId",schemaPath:"#/$defs/presignedUrl/properties/accessKeyId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.accessKeyId.type,parentSchema:schema48.properties.accessKeyId,data:data30};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data28.signedAt !== undefined){
let data31 = data28.signedAt;
if(typeof data31 !== "string"){
const err40 = {instancePath:instancePath+"/presignedUrl/signedAt",schemaPath:"#/$defs/presignedUrl/properties/signedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.signedAt.type,parentSchema:schema48.properties.signedAt,data:data31};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data28.expiresSeconds !== undefined){
let data32 = data28.expiresSeconds;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
const err41 = {instancePath:instancePath+"/presignedUrl/expiresSeconds",schemaPath:"#/$defs/presignedUrl/properties/expiresSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.expiresSeconds.type,parentSchema:schema48.properties.expiresSeconds,data:data32};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 > 604800 || isNaN(data32)){
const err42 = {instancePath:instancePath+"/presignedUrl/expiresSeconds",schemaPath:"#/$defs/presignedUrl/properties/expiresSeconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 604800},message:"must be <= 604800",schema:604800,parentSchema:schema48.properties.expiresSeconds,data:data32};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data32 < 1 || isNaN(data32)){
const err43 = {instancePath:instancePath+"/presignedUrl/expiresSeconds",schemaPath:"#/$defs/presignedUrl/properties/expiresSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema48.properties.expiresSeconds,data:data32};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data28.expiresAt !== undefined){
let data33 = data28.expiresAt;
if(typeof data33 !== "string"){
const err44 = {instancePath:instancePath+"/presignedUrl/expiresAt",schemaPath:"#/$defs/presignedUrl/properties/expiresAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.expiresAt.type,parentSchema:schema48.properties.expiresAt,data:data33};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data28.signedHeaders !== undefined){
let data34 = data28.signedHeaders;
if(Array.isArray(data34)){
if(data34.length > 64){
const err45 = {instancePath:instancePath+"/presignedUrl/signedHeaders",schemaPath:"#/$defs/presignedUrl/properties/signedHeaders/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema48.properties.signedHeaders,data:data34};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
const len2 = data34.length;
for(let i3=0; i3<len2; i3++){
let data35 = data34[i3];
if(typeof data35 === "string"){
if(!pattern35.test(data35)){
const err46 = {instancePath:instancePath+"/presignedUrl/signedHeaders/" + i3,schemaPath:"#/$defs/presignedUrl/properties/signedHeaders/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+$"+"\"",schema:"^[a-z0-9-]+$",parentSchema:schema48.properties.signedHeaders.items,data:data35};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/presignedUrl/signedHeaders/" + i3,schemaPath:"#/$defs/presignedUrl/properties/signedHeaders/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.signedHeaders.items.type,parentSchema:schema48.properties.signedHeaders.items,data:data35};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/presignedUrl/signedHeaders",schemaPath:"#/$defs/presignedUrl/properties/signedHeaders/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema48.properties.signedHeaders.type,parentSchema:schema48.properties.signedHeaders,data:data34};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data28.signerAccount !== undefined){
let data36 = data28.signerAccount;
if(typeof data36 === "string"){
if(!pattern20.test(data36)){
const err49 = {instancePath:instancePath+"/presignedUrl/signerAccount",schemaPath:"#/$defs/presignedUrl/properties/signerAccount/pattern",keyword:"pattern",params:{pattern: "^[0-9]{12}$"},message:"must match pattern \""+"^[0-9]{12}$"+"\"",schema:"^[0-9]{12}$",parentSchema:schema48.properties.signerAccount,data:data36};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/presignedUrl/signerAccount",schemaPath:"#/$defs/presignedUrl/properties/signerAccount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.signerAccount.type,parentSchema:schema48.properties.signerAccount,data:data36};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data28.signedByPrincipal !== undefined){
let data37 = data28.signedByPrincipal;
if(typeof data37 !== "boolean"){
const err51 = {instancePath:instancePath+"/presignedUrl/signedByPrincipal",schemaPath:"#/$defs/presignedUrl/properties/signedByPrincipal/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema48.properties.signedByPrincipal.type,parentSchema:schema48.properties.signedByPrincipal,data:data37};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/presignedUrl",schemaPath:"#/$defs/presignedUrl/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data:data28};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.replication !== undefined){
let data38 = data.replication;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key6 in data38){
if(!(((((((key6 === "role") || (key6 === "ruleId")) || (key6 === "status")) || (key6 === "destinationBucket")) || (key6 === "destinationAccount")) || (key6 === "replicaKmsKeyId")) || (key6 === "sseKmsEncryptedObjects"))){
const err53 = {instancePath:instancePath+"/replication",schemaPath:"#/$defs/replication/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data:data38};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data38.role !== undefined){
let data39 = data38.role;
if(typeof data39 === "string"){
if(!pattern13.test(data39)){
const err54 = {instancePath:instancePath+"/replication/role",schemaPath:"#/$defs/replication/properties/role/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$",parentSchema:schema49.properties.role,data:data39};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/replication/role",schemaPath:"#/$defs/replication/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.role.type,parentSchema:schema49.properties.role,data:data39};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data38.ruleId !== undefined){
let data40 = data38.ruleId;
if(typeof data40 !== "string"){
const err56 = {instancePath:instancePath+"/replication/ruleId",schemaPath:"#/$defs/replication/properties/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.ruleId.type,parentSchema:schema49.properties.ruleId,data:data40};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data38.status !== undefined){
let data41 = data38.status;
if(!((data41 === "Enabled") || (data41 === "Disabled"))){
const err57 = {instancePath:instancePath+"/replication/status",schemaPath:"#/$defs/replication/properties/status/enum",keyword:"enum",params:{allowedValues: schema49.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.status.enum,parentSchema:schema49.properties.status,data:data41};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data38.destinationBucket !== undefined){
let data42 = data38.destinationBucket;
if(typeof data42 === "string"){
if(!pattern38.test(data42)){
const err58 = {instancePath:instancePath+"/replication/destinationBucket",schemaPath:"#/$defs/replication/properties/destinationBucket/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$"+"\"",schema:"^arn:aws[a-z-]*:s3:::[A-Za-z0-9][A-Za-z0-9._-]{2,254}$",parentSchema:schema49.properties.destinationBucket,data:data42};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/replication/destinationBucket",schemaPath:"#/$defs/replication/properties/destinationBucket/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.destinationBucket.type,parentSchema:schema49.properties.destinationBucket,data:data42};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data38.destinationAccount !== undefined){
let data43 = data38.destinationAccount;
if(typeof data43 === "string"){
if(!pattern20.test(data43)){
const err60 = {instancePath:instancePath+"/replication/destinationAccount",schemaPath:"#/$defs/replication/properties/destinationAccount/pattern",keyword:"pattern",params:{pattern: "^[0-9]{12}$"},message:"must match pattern \""+"^[0-9]{12}$"+"\"",schema:"^[0-9]{12}$",parentSchema:schema49.properties.destinationAccount,data:data43};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/replication/destinationAccount",schemaPath:"#/$defs/replication/properties/destinationAccount/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.destinationAccount.type,parentSchema:schema49.properties.destinationAccount,data:data43};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data38.replicaKmsKeyId !== undefined){
let data44 = data38.replicaKmsKeyId;
if((typeof data44 !== "string") && (data44 !== null)){
const err62 = {instancePath:instancePath+"/replication/replicaKmsKeyId",schemaPath:"#/$defs/replication/properties/replicaKmsKeyId/type",keyword:"type",params:{type: schema49.properties.replicaKmsKeyId.type},message:"must be string,null",schema:schema49.properties.replicaKmsKeyId.type,parentSchema:schema49.properties.replicaKmsKeyId,data:data44};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(typeof data44 === "string"){
if(!pattern7.test(data44)){
const err63 = {instancePath:instancePath+"/replication/replicaKmsKeyId",schemaPath:"#/$defs/replication/properties/replicaKmsKeyId/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema49.properties.replicaKmsKeyId,data:data44};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
if(data38.sseKmsEncryptedObjects !== undefined){
let data45 = data38.sseKmsEncryptedObjects;
if(typeof data45 !== "boolean"){
const err64 = {instancePath:instancePath+"/replication/sseKmsEncryptedObjects",schemaPath:"#/$defs/replication/properties/sseKmsEncryptedObjects/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema49.properties.sseKmsEncryptedObjects.type,parentSchema:schema49.properties.sseKmsEncryptedObjects,data:data45};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/replication",schemaPath:"#/$defs/replication/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data:data38};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data.service !== undefined){
let data46 = data.service;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
if(data46.name === undefined){
const err66 = {instancePath:instancePath+"/service",schemaPath:"#/$defs/service/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema50.required,parentSchema:schema50,data:data46};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
for(const key7 in data46){
if(!((key7 === "name") || (key7 === "roleArn"))){
const err67 = {instancePath:instancePath+"/service",schemaPath:"#/$defs/service/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data:data46};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data46.name !== undefined){
let data47 = data46.name;
if(!((((((((data47 === "athena") || (data47 === "glue")) || (data47 === "emr")) || (data47 === "lambda")) || (data47 === "redshift-spectrum")) || (data47 === "sagemaker")) || (data47 === "firehose")) || (data47 === "lake-formation"))){
const err68 = {instancePath:instancePath+"/service/name",schemaPath:"#/$defs/service/properties/name/enum",keyword:"enum",params:{allowedValues: schema50.properties.name.enum},message:"must be equal to one of the allowed values",schema:schema50.properties.name.enum,parentSchema:schema50.properties.name,data:data47};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data46.roleArn !== undefined){
let data48 = data46.roleArn;
if(typeof data48 === "string"){
if(!pattern13.test(data48)){
const err69 = {instancePath:instancePath+"/service/roleArn",schemaPath:"#/$defs/service/properties/roleArn/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"},message:"must match pattern \""+"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$"+"\"",schema:"^arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[!-~]*/)?[\\w+=,.@-]+$",parentSchema:schema50.properties.roleArn,data:data48};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/service/roleArn",schemaPath:"#/$defs/service/properties/roleArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.roleArn.type,parentSchema:schema50.properties.roleArn,data:data48};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/service",schemaPath:"#/$defs/service/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data:data46};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data.requestContext !== undefined){
let data49 = data.requestContext;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key8 in data49){
let data50 = data49[key8];
if(((((typeof data50 !== "string") && (!((typeof data50 == "number") && (isFinite(data50))))) && (typeof data50 !== "boolean")) && (!(Array.isArray(data50)))) && (data50 !== null)){
const err72 = {instancePath:instancePath+"/requestContext/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/requestContext/additionalProperties/type",keyword:"type",params:{type: schema31.properties.requestContext.additionalProperties.type},message:"must be string,number,boolean,array,null",schema:schema31.properties.requestContext.additionalProperties.type,parentSchema:schema31.properties.requestContext.additionalProperties,data:data50};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(Array.isArray(data50)){
const len3 = data50.length;
for(let i4=0; i4<len3; i4++){
let data51 = data50[i4];
if(((typeof data51 !== "string") && (!((typeof data51 == "number") && (isFinite(data51))))) && (typeof data51 !== "boolean")){
const err73 = {instancePath:instancePath+"/requestContext/" + key8.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i4,schemaPath:"#/properties/requestContext/additionalProperties/items/type",keyword:"type",params:{type: schema31.properties.requestContext.additionalProperties.items.type},message:"must be string,number,boolean",schema:schema31.properties.requestContext.additionalProperties.items.type,parentSchema:schema31.properties.requestContext.additionalProperties.items,data:data51};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
}
}
else {
const err74 = {instancePath:instancePath+"/requestContext",schemaPath:"#/properties/requestContext/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.requestContext.type,parentSchema:schema31.properties.requestContext,data:data49};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data.unread !== undefined){
let data52 = data.unread;
if(Array.isArray(data52)){
const len4 = data52.length;
for(let i5=0; i5<len4; i5++){
let data53 = data52[i5];
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
if(data53.path === undefined){
const err75 = {instancePath:instancePath+"/unread/" + i5,schemaPath:"#/$defs/unreadNote/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema51.required,parentSchema:schema51,data:data53};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(data53.reason === undefined){
const err76 = {instancePath:instancePath+"/unread/" + i5,schemaPath:"#/$defs/unreadNote/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema51.required,parentSchema:schema51,data:data53};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
for(const key9 in data53){
if(!(((key9 === "path") || (key9 === "reason")) || (key9 === "resolveWith"))){
const err77 = {instancePath:instancePath+"/unread/" + i5,schemaPath:"#/$defs/unreadNote/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema51,data:data53};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data53.path !== undefined){
let data54 = data53.path;
if(typeof data54 === "string"){
if(!pattern7.test(data54)){
const err78 = {instancePath:instancePath+"/unread/" + i5+"/path",schemaPath:"#/$defs/unreadNote/properties/path/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema51.properties.path,data:data54};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/unread/" + i5+"/path",schemaPath:"#/$defs/unreadNote/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.path.type,parentSchema:schema51.properties.path,data:data54};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data53.reason !== undefined){
let data55 = data53.reason;
if(typeof data55 === "string"){
if(!pattern7.test(data55)){
const err80 = {instancePath:instancePath+"/unread/" + i5+"/reason",schemaPath:"#/$defs/unreadNote/properties/reason/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema51.properties.reason,data:data55};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
else {
const err81 = {instancePath:instancePath+"/unread/" + i5+"/reason",schemaPath:"#/$defs/unreadNote/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.reason.type,parentSchema:schema51.properties.reason,data:data55};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data53.resolveWith !== undefined){
let data56 = data53.resolveWith;
if(typeof data56 === "string"){
if(!pattern7.test(data56)){
const err82 = {instancePath:instancePath+"/unread/" + i5+"/resolveWith",schemaPath:"#/$defs/unreadNote/properties/resolveWith/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema51.properties.resolveWith,data:data56};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
else {
const err83 = {instancePath:instancePath+"/unread/" + i5+"/resolveWith",schemaPath:"#/$defs/unreadNote/properties/resolveWith/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.properties.resolveWith.type,parentSchema:schema51.properties.resolveWith,data:data56};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath:instancePath+"/unread/" + i5,schemaPath:"#/$defs/unreadNote/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema51.type,parentSchema:schema51,data:data53};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
else {
const err85 = {instancePath:instancePath+"/unread",schemaPath:"#/properties/unread/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.unread.type,parentSchema:schema31.properties.unread,data:data52};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data.evidence !== undefined){
let data57 = data.evidence;
if(Array.isArray(data57)){
if(data57.length > 16){
const err86 = {instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items",schema:16,parentSchema:schema31.properties.evidence,data:data57};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
const len5 = data57.length;
for(let i6=0; i6<len5; i6++){
let data58 = data57[i6];
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
if(data58.deniedBy === undefined){
const err87 = {instancePath:instancePath+"/evidence/" + i6,schemaPath:"#/properties/evidence/items/required",keyword:"required",params:{missingProperty: "deniedBy"},message:"must have required property '"+"deniedBy"+"'",schema:schema31.properties.evidence.items.required,parentSchema:schema31.properties.evidence.items,data:data58};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if(data58.action === undefined){
const err88 = {instancePath:instancePath+"/evidence/" + i6,schemaPath:"#/properties/evidence/items/required",keyword:"required",params:{missingProperty: "action"},message:"must have required property '"+"action"+"'",schema:schema31.properties.evidence.items.required,parentSchema:schema31.properties.evidence.items,data:data58};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
for(const key10 in data58){
if(!(((((key10 === "deniedBy") || (key10 === "action")) || (key10 === "deny")) || (key10 === "policyArn")) || (key10 === "resource"))){
const err89 = {instancePath:instancePath+"/evidence/" + i6,schemaPath:"#/properties/evidence/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.evidence.items,data:data58};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data58.deniedBy !== undefined){
let data59 = data58.deniedBy;
if(!(((((((data59 === "scp") || (data59 === "rcp")) || (data59 === "identity")) || (data59 === "resource")) || (data59 === "boundary")) || (data59 === "session")) || (data59 === "vpc-endpoint"))){
const err90 = {instancePath:instancePath+"/evidence/" + i6+"/deniedBy",schemaPath:"#/properties/evidence/items/properties/deniedBy/enum",keyword:"enum",params:{allowedValues: schema31.properties.evidence.items.properties.deniedBy.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.evidence.items.properties.deniedBy.enum,parentSchema:schema31.properties.evidence.items.properties.deniedBy,data:data59};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data58.action !== undefined){
let data60 = data58.action;
if(typeof data60 === "string"){
if(!pattern7.test(data60)){
const err91 = {instancePath:instancePath+"/evidence/" + i6+"/action",schemaPath:"#/properties/evidence/items/properties/action/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema31.properties.evidence.items.properties.action,data:data60};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/evidence/" + i6+"/action",schemaPath:"#/properties/evidence/items/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.evidence.items.properties.action.type,parentSchema:schema31.properties.evidence.items.properties.action,data:data60};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data58.deny !== undefined){
let data61 = data58.deny;
if(!((data61 === "explicit") || (data61 === "implicit"))){
const err93 = {instancePath:instancePath+"/evidence/" + i6+"/deny",schemaPath:"#/properties/evidence/items/properties/deny/enum",keyword:"enum",params:{allowedValues: schema31.properties.evidence.items.properties.deny.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.evidence.items.properties.deny.enum,parentSchema:schema31.properties.evidence.items.properties.deny,data:data61};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data58.policyArn !== undefined){
let data62 = data58.policyArn;
if(typeof data62 === "string"){
if(!pattern7.test(data62)){
const err94 = {instancePath:instancePath+"/evidence/" + i6+"/policyArn",schemaPath:"#/properties/evidence/items/properties/policyArn/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema31.properties.evidence.items.properties.policyArn,data:data62};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/evidence/" + i6+"/policyArn",schemaPath:"#/properties/evidence/items/properties/policyArn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.evidence.items.properties.policyArn.type,parentSchema:schema31.properties.evidence.items.properties.policyArn,data:data62};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data58.resource !== undefined){
let data63 = data58.resource;
if(typeof data63 === "string"){
if(!pattern17.test(data63)){
const err96 = {instancePath:instancePath+"/evidence/" + i6+"/resource",schemaPath:"#/properties/evidence/items/properties/resource/pattern",keyword:"pattern",params:{pattern: "^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$"},message:"must match pattern \""+"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$"+"\"",schema:"^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(?:[0-9]{12}|aws)?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb](?:[^\\s\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]| ){0,2000}$",parentSchema:schema31.properties.evidence.items.properties.resource,data:data63};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
else {
const err97 = {instancePath:instancePath+"/evidence/" + i6+"/resource",schemaPath:"#/properties/evidence/items/properties/resource/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.evidence.items.properties.resource.type,parentSchema:schema31.properties.evidence.items.properties.resource,data:data63};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/evidence/" + i6,schemaPath:"#/properties/evidence/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.evidence.items.type,parentSchema:schema31.properties.evidence.items,data:data58};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/evidence",schemaPath:"#/properties/evidence/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.evidence.type,parentSchema:schema31.properties.evidence,data:data57};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data.assumptions !== undefined){
let data64 = data.assumptions;
if(Array.isArray(data64)){
if(data64.length > 16){
const err100 = {instancePath:instancePath+"/assumptions",schemaPath:"#/properties/assumptions/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items",schema:16,parentSchema:schema31.properties.assumptions,data:data64};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
const len6 = data64.length;
for(let i7=0; i7<len6; i7++){
let data65 = data64[i7];
if(data65 && typeof data65 == "object" && !Array.isArray(data65)){
if(data65.id === undefined){
const err101 = {instancePath:instancePath+"/assumptions/" + i7,schemaPath:"#/properties/assumptions/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema31.properties.assumptions.items.required,parentSchema:schema31.properties.assumptions.items,data:data65};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
for(const key11 in data65){
if(!((key11 === "id") || (key11 === "because"))){
const err102 = {instancePath:instancePath+"/assumptions/" + i7,schemaPath:"#/properties/assumptions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.assumptions.items,data:data65};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data65.id !== undefined){
let data66 = data65.id;
if(!((((data66 === "no-grants") || (data66 === "bucket-key=on")) || (data66 === "bucket-key=off")) || (data66 === "guardrails-allow"))){
const err103 = {instancePath:instancePath+"/assumptions/" + i7+"/id",schemaPath:"#/properties/assumptions/items/properties/id/enum",keyword:"enum",params:{allowedValues: schema31.properties.assumptions.items.properties.id.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.assumptions.items.properties.id.enum,parentSchema:schema31.properties.assumptions.items.properties.id,data:data66};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data65.because !== undefined){
let data67 = data65.because;
if(typeof data67 === "string"){
if(!pattern7.test(data67)){
const err104 = {instancePath:instancePath+"/assumptions/" + i7+"/because",schemaPath:"#/properties/assumptions/items/properties/because/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema31.properties.assumptions.items.properties.because,data:data67};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
else {
const err105 = {instancePath:instancePath+"/assumptions/" + i7+"/because",schemaPath:"#/properties/assumptions/items/properties/because/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.assumptions.items.properties.because.type,parentSchema:schema31.properties.assumptions.items.properties.because,data:data67};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath:instancePath+"/assumptions/" + i7,schemaPath:"#/properties/assumptions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.assumptions.items.type,parentSchema:schema31.properties.assumptions.items,data:data65};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/assumptions",schemaPath:"#/properties/assumptions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.assumptions.type,parentSchema:schema31.properties.assumptions,data:data64};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

