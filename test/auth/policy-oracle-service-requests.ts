import type { Permission } from '../../emulator/auth/authorization-spec.js';
import type { AuthorizationScope } from '../../emulator/auth/authorization-spec.js';
import { serviceCallContext } from '../../emulator/auth/authorize.js';
import type { RoleSessionCaller } from '../../emulator/auth/caller.js';
import type { ContextValue } from '../../emulator/auth/policy/index.js';
import { serviceAuthorizations } from '../../emulator/services/authorization.js';
import { ApiGatewayStore } from '../../emulator/store/apigateway-store.js';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { LambdaStore } from '../../emulator/store/lambda-store.js';

/**
 * The request contexts the services build, for the oracle comparison: representative calls of every service,
 * turned into permissions by their authorization specs over stores holding a tagged role, managed policy, function
 * (with a function policy), identity pool and REST API, by a Cognito session carrying principal tags.
 */
export const ACCOUNT = '000000000000';
const now = Date.parse('2026-01-01T00:00:00Z');
const poolId = 'us-east-1:11111111-2222-3333-4444-555555555555';
const apiId = 'abc123defg';

export interface ServiceRequest {
  label: string;
  caller: RoleSessionCaller;
  permission: Permission;
  /** The whole context: global keys plus the spec's. */
  context: Record<string, ContextValue>;
}

function stores(): AuthorizationScope['stores'] {
  const db = Database.open();
  const iam = new IamStore(db);
  const lambdaStore = new LambdaStore(db);
  const cognito = new CognitoStore(db);
  const apigateway = new ApiGatewayStore(db);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ],
  });
  for (const name of ['app', 'target']) {
    iam.insertRole({
      accountId: ACCOUNT,
      roleName: name,
      roleId: `AROA${name.toUpperCase()}EXAMPLE00000`,
      arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      path: '/',
      assumeRolePolicy: trust,
      maxSessionDuration: 3600,
      tags: [{ Key: 'team', Value: 'blue' }],
      createdAt: now,
    });
  }
  iam.insertPolicy(
    {
      arn: `arn:aws:iam::${ACCOUNT}:policy/shared`,
      accountId: ACCOUNT,
      policyName: 'shared',
      policyId: 'ANPASHAREDEXAMPLE0000',
      path: '/',
      defaultVersionId: 'v1',
      tags: [{ Key: 'team', Value: 'red' }],
      createdAt: now,
      updatedAt: now,
      nextVersionNumber: 2,
    },
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
  );
  const settings = {
    runtime: 'nodejs20.x',
    role: `arn:aws:iam::${ACCOUNT}:role/app`,
    handler: 'index.handler',
    description: '',
    timeout: 3,
    memorySize: 128,
    architectures: ['x86_64'],
    ephemeralStorageSize: 512,
  };
  const fn = {
    accountId: ACCOUNT,
    region: 'us-east-1',
    name: 'orders',
    version: '$LATEST',
    settings,
    codeSha256: 'x',
    codeSize: 1,
    revisionId: 'r',
    lastModified: now,
    policy: [],
    tags: { owner: 'me' },
    reservedConcurrency: undefined,
    lastVersion: 0,
  };
  lambdaStore.putCode('x', new Uint8Array([1]));
  lambdaStore.insertFunction(fn);
  lambdaStore.savePolicy({
    ...fn,
    policy: [
      {
        Sid: 'app',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
        Action: 'lambda:GetFunction',
        Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`,
      },
    ],
  });
  cognito.pools.create(
    { poolId, accountId: ACCOUNT, region: 'us-east-1', createdAt: now, tags: { tenant: 'acme' } },
    {
      name: 'pool',
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: undefined,
      developerProviderName: 'login.example',
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      samlProviderArns: [],
    },
  );
  apigateway.insertRestApi({
    apiId,
    accountId: ACCOUNT,
    region: 'us-east-1',
    name: 'orders-api',
    apiKeySource: 'HEADER',
    endpointConfiguration: { types: ['REGIONAL'] },
    binaryMediaTypes: [],
    disableExecuteApiEndpoint: false,
    tags: { stage: 'dev' },
    rootResourceId: 'root123456',
    createdAt: now,
  });
  return { iam, lambdaStore, cognito, apigateway };
}

const caller: RoleSessionCaller = {
  kind: 'role-session',
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLE',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/CognitoIdentityCredentials`,
  userId: 'AROAAPPEXAMPLE00000:CognitoIdentityCredentials',
  session: {
    roleArn: `arn:aws:iam::${ACCOUNT}:role/app`,
    roleName: 'app',
    roleId: 'AROAAPPEXAMPLE00000',
    sessionName: 'CognitoIdentityCredentials',
    assumedRoleArn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/CognitoIdentityCredentials`,
    tags: { team: 'blue', tenant: 'acme' },
    source: {
      kind: 'cognito-identity',
      identityPoolId: poolId,
      identityId: 'us-east-1:identity',
      authenticationType: 'authenticated',
      amr: ['authenticated', 'login.example'],
    },
  },
  expiresAt: now + 3600_000,
};

const functionArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`;
const poolArn = `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/${poolId}`;
const calls: [service: string, operation: string, input: object][] = [
  ['iam', 'CreateRole', { RoleName: 'made', Path: '/app/', Tags: [{ Key: 'team', Value: 'blue' }] }],
  ['iam', 'GetRole', { RoleName: 'target' }],
  ['iam', 'PutRolePolicy', { RoleName: 'app', PolicyName: 'p', PolicyDocument: '{}' }],
  ['iam', 'AttachRolePolicy', { RoleName: 'target', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/shared` }],
  ['iam', 'TagRole', { RoleName: 'target', Tags: [{ Key: 'env', Value: 'prod' }] }],
  ['iam', 'UntagRole', { RoleName: 'target', TagKeys: ['team'] }],
  ['iam', 'GetPolicy', { PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/shared` }],
  ['iam', 'CreatePolicy', { PolicyName: 'made', PolicyDocument: '{}', Tags: [{ Key: 'team', Value: 'red' }] }],
  ['iam', 'ListPolicies', {}],
  [
    'sts',
    'AssumeRole',
    {
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/target`,
      RoleSessionName: 'chained',
      ExternalId: 'x-1',
      Tags: [{ Key: 'env', Value: 'dev' }],
    },
  ],
  [
    'lambda',
    'CreateFunction',
    { FunctionName: 'made', Role: `arn:aws:iam::${ACCOUNT}:role/app`, Tags: { owner: 'you' } },
  ],
  ['lambda', 'GetFunction', { FunctionName: 'orders' }],
  ['lambda', 'Invoke', { FunctionName: 'orders', Qualifier: '1' }],
  ['lambda', 'UpdateFunctionCode', { FunctionName: functionArn }],
  ['lambda', 'UpdateFunctionConfiguration', { FunctionName: 'orders', Role: `arn:aws:iam::${ACCOUNT}:role/target` }],
  [
    'lambda',
    'AddPermission',
    {
      FunctionName: 'orders',
      StatementId: 's',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
    },
  ],
  ['lambda', 'TagResource', { Resource: functionArn, Tags: { stage: 'prod' } }],
  ['lambda', 'UntagResource', { Resource: functionArn, TagKeys: ['owner'] }],
  ['lambda', 'ListFunctions', {}],
  [
    'cognito-identity',
    'CreateIdentityPool',
    { IdentityPoolName: 'p', AllowUnauthenticatedIdentities: false, IdentityPoolTags: { tenant: 'acme' } },
  ],
  ['cognito-identity', 'DescribeIdentityPool', { IdentityPoolId: poolId }],
  [
    'cognito-identity',
    'GetOpenIdTokenForDeveloperIdentity',
    { IdentityPoolId: poolId, Logins: { 'login.example': 'admin' } },
  ],
  ['cognito-identity', 'ListIdentities', { IdentityPoolId: poolId, MaxResults: 10 }],
  [
    'cognito-identity',
    'SetIdentityPoolRoles',
    { IdentityPoolId: poolId, Roles: { authenticated: `arn:aws:iam::${ACCOUNT}:role/target` } },
  ],
  ['cognito-identity', 'TagResource', { ResourceArn: poolArn, Tags: { tenant: 'globex' } }],
  ['cognito-identity', 'UntagResource', { ResourceArn: poolArn, TagKeys: ['tenant'] }],
  [
    'apigateway',
    'CreateRestApi',
    { name: 'made', tags: { stage: 'prod' }, endpointConfiguration: { types: ['EDGE'] }, policy: '{}' },
  ],
  ['apigateway', 'GetRestApi', { restApiId: apiId }],
  [
    'apigateway',
    'PutMethod',
    { restApiId: apiId, resourceId: 'root123456', httpMethod: 'GET', authorizationType: 'AWS_IAM' },
  ],
  ['apigateway', 'DeleteStage', { restApiId: apiId, stageName: 'dev' }],
  [
    'apigateway',
    'UpdateRestApi',
    { restApiId: apiId, patchOperations: [{ op: 'replace', path: '/policy', value: '{}' }] },
  ],
];

/** Every permission the calls above ask for, each with the context the emulator evaluates it in. */
export function serviceRequests(): ServiceRequest[] {
  const scope: AuthorizationScope = {
    partition: 'aws',
    region: 'us-east-1',
    accountId: ACCOUNT,
    caller,
    stores: stores(),
  };
  const base = serviceCallContext(caller, {
    region: 'us-east-1',
    sourceIp: '203.0.113.10',
    userAgent: 'aws-sdk-js/3',
    now: new Date(now),
  });
  return calls.flatMap(([service, operation, input]) => {
    const spec = serviceAuthorizations[service]?.operations[operation];
    if (spec?.kind !== 'checked') throw new Error(`${service} ${operation} has no checked spec`);
    return spec.permissions(input, scope).map((permission) => ({
      label: `${service} ${operation} ${permission.action}`,
      caller,
      permission,
      context: { ...base, ...permission.context },
    }));
  });
}
