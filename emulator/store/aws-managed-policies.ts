import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The AWS managed policies idpool knows: the ones setup scripts for the developer-authenticated flow commonly
 * attach. Each entry is the policy's default version as the AWS Managed Policy Reference Guide publishes it
 * (docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html, read 2026), with its creation and edit
 * times; AdministratorAccess and AmazonCognitoPowerUser were also checked against the version records mirrored in
 * the public zoph-io/MAMIP and zoph-io/IAMTrail repositories.
 *
 * Differences from AWS, on purpose: only the default version is kept (AWS also keeps older versions, which
 * GetPolicyVersion would return), and the policy ids are derived from the ARN (real ones are fixed `ANPA…` ids
 * idpool does not know). A policy not listed here answers NoSuchEntity saying so: add it here, with its source,
 * and add a migration in iam-store.ts that calls seedAwsManagedPolicies again.
 */
export interface AwsManagedPolicy {
  name: string;
  path: string;
  description: string;
  defaultVersionId: string;
  /** ISO 8601 UTC: "Creation time" of the reference page. */
  createdAt: string;
  /** ISO 8601 UTC: "Edited time" of the reference page, also the default version's creation time. */
  updatedAt: string;
  document: unknown;
}

export const awsManagedPolicies: AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    defaultVersionId: 'v1',
    createdAt: '2015-02-06T18:39:46Z',
    updatedAt: '2015-02-06T18:39:46Z',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    name: 'PowerUserAccess',
    path: '/',
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    defaultVersionId: 'v12',
    createdAt: '2015-02-06T18:39:00Z',
    updatedAt: '2026-02-12T17:59:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: [
            'account:GetAccountInformation',
            'account:GetGovCloudAccountInformation',
            'account:GetPrimaryEmail',
            'account:ListRegions',
            'iam:CreateServiceLinkedRole',
            'iam:DeleteServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeEffectivePolicy',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    description: 'Provides write permissions to CloudWatch Logs.',
    defaultVersionId: 'v1',
    createdAt: '2015-04-09T15:03:00Z',
    updatedAt: '2015-04-09T15:03:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'AWSLambdaRole',
    path: '/service-role/',
    description: 'Default policy for AWS Lambda service role.',
    defaultVersionId: 'v1',
    createdAt: '2015-02-06T18:41:00Z',
    updatedAt: '2015-02-06T18:41:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }],
    },
  },
  {
    name: 'AmazonAPIGatewayInvokeFullAccess',
    path: '/',
    description: 'Provides full access to invoke APIs in Amazon API Gateway.',
    defaultVersionId: 'v2',
    createdAt: '2015-07-09T17:36:00Z',
    updatedAt: '2018-12-18T18:25:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['execute-api:Invoke', 'execute-api:ManageConnections'],
          Resource: 'arn:aws:execute-api:*:*:*',
        },
      ],
    },
  },
  {
    name: 'AmazonAPIGatewayAdministrator',
    path: '/',
    description:
      'Provides full access to create/edit/delete APIs in Amazon API Gateway via the AWS Management Console.',
    defaultVersionId: 'v1',
    createdAt: '2015-07-09T17:34:00Z',
    updatedAt: '2015-07-09T17:34:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['apigateway:*'], Resource: 'arn:aws:apigateway:*::/*' }],
    },
  },
  {
    name: 'AmazonCognitoPowerUser',
    path: '/',
    description:
      'Provides administrative access to existing Amazon Cognito resources. ' +
      'You will need AWS account admin privileges to create new Cognito resources.',
    defaultVersionId: 'v9',
    createdAt: '2015-03-24T17:14:00Z',
    updatedAt: '2026-02-12T18:00:09Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'cognito-identity:*',
            'cognito-idp:*',
            'cognito-sync:*',
            'iam:ListRoles',
            'iam:ListOpenIdConnectProviders',
            'iam:GetRole',
            'iam:ListSAMLProviders',
            'iam:GetSAMLProvider',
            'kinesis:ListStreams',
            'lambda:GetPolicy',
            'lambda:ListFunctions',
            'sns:GetSMSSandboxAccountStatus',
            'sns:ListPlatformApplications',
            'ses:ListIdentities',
            'ses:GetIdentityVerificationAttributes',
            'mobiletargeting:GetApps',
            'acm:ListCertificates',
            'sms-voice:DescribeAccountAttributes',
          ],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: 'iam:CreateServiceLinkedRole',
          Resource: '*',
          Condition: {
            StringEquals: { 'iam:AWSServiceName': ['cognito-idp.amazonaws.com', 'email.cognito-idp.amazonaws.com'] },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:DeleteServiceLinkedRole', 'iam:GetServiceLinkedRoleDeletionStatus'],
          Resource: [
            'arn:aws:iam::*:role/aws-service-role/cognito-idp.amazonaws.com/AWSServiceRoleForAmazonCognitoIdp*',
            'arn:aws:iam::*:role/aws-service-role/email.cognito-idp.amazonaws.com/' +
              'AWSServiceRoleForAmazonCognitoIdpEmail*',
          ],
        },
      ],
    },
  },
  {
    name: 'AmazonCognitoDeveloperAuthenticatedIdentities',
    path: '/',
    description:
      'Provides access to Amazon Cognito APIs to support developer authenticated identities ' +
      'from your authentication backend.',
    defaultVersionId: 'v1',
    createdAt: '2015-03-24T17:22:00Z',
    updatedAt: '2015-03-24T17:22:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
            'cognito-identity:LookupDeveloperIdentity',
            'cognito-identity:MergeDeveloperIdentities',
            'cognito-identity:UnlinkDeveloperIdentity',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMFullAccess',
    path: '/',
    description: 'Provides full access to IAM via the AWS Management Console.',
    defaultVersionId: 'v2',
    createdAt: '2015-02-06T18:40:00Z',
    updatedAt: '2019-06-21T19:40:00Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'iam:*',
            'organizations:DescribeAccount',
            'organizations:DescribeOrganization',
            'organizations:DescribeOrganizationalUnit',
            'organizations:DescribePolicy',
            'organizations:ListChildren',
            'organizations:ListParents',
            'organizations:ListPoliciesForTarget',
            'organizations:ListRoots',
            'organizations:ListPolicies',
            'organizations:ListTargetsForPolicy',
          ],
          Resource: '*',
        },
      ],
    },
  },
];

/** The account column of AWS managed policies, as their ARNs name it (`arn:aws:iam::aws:policy/…`). */
export const awsManagedAccount = 'aws';

export function awsManagedPolicyArn(policy: Pick<AwsManagedPolicy, 'name' | 'path'>): string {
  return `arn:aws:iam::aws:policy${policy.path}${policy.name}`;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A stable `ANPA…` id per ARN, so ids do not change between runs or after a reset. */
function stablePolicyId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'ANPA';
  for (let index = 0; index < 17; index++) id += base32[digest[index] & 31];
  return id;
}

/** Writes the catalog into iam_policies / iam_policy_versions, replacing what an older catalog wrote there. */
export function seedAwsManagedPolicies(sql: BetterSqlite3.Database): void {
  const current = new Set(awsManagedPolicies.map(awsManagedPolicyArn));
  const seeded = sql.prepare('SELECT arn FROM iam_policies WHERE account_id = ?').all(awsManagedAccount) as {
    arn: string;
  }[];
  const removePolicy = sql.prepare('DELETE FROM iam_policies WHERE arn = ?');
  const removeVersions = sql.prepare('DELETE FROM iam_policy_versions WHERE policy_arn = ?');
  const policyColumns =
    'arn, account_id, policy_name, policy_id, path, description, default_version_id, tags, created_at, updated_at';
  const upsertPolicy = sql.prepare(`
    INSERT INTO iam_policies (${policyColumns})
    VALUES (@arn, @account, @name, @id, @path, @description, @version, '[]', @created, @updated)
    ON CONFLICT(arn) DO UPDATE SET description = excluded.description, default_version_id = excluded.default_version_id,
      created_at = excluded.created_at, updated_at = excluded.updated_at`);
  const insertVersion = sql.prepare(
    'INSERT INTO iam_policy_versions (policy_arn, version_id, document, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const { arn } of seeded) {
    if (current.has(arn)) continue;
    removeVersions.run(arn);
    removePolicy.run(arn);
  }
  for (const policy of awsManagedPolicies) {
    const arn = awsManagedPolicyArn(policy);
    const updated = Date.parse(policy.updatedAt);
    upsertPolicy.run({
      arn,
      account: awsManagedAccount,
      name: policy.name,
      id: stablePolicyId(arn),
      path: policy.path,
      description: policy.description,
      version: policy.defaultVersionId,
      created: Date.parse(policy.createdAt),
      updated,
    });
    removeVersions.run(arn);
    insertVersion.run(arn, policy.defaultVersionId, JSON.stringify(policy.document, null, 4), updated);
  }
}
