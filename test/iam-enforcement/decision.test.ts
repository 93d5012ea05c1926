import { describe, expect, it } from 'vitest';
import { authorizeOperation } from '../../emulator/auth/authorize.js';
import { rootCaller, type RoleSessionCaller } from '../../emulator/auth/caller.js';
import { newRequestContext, type RequestContext } from '../../emulator/request-context.js';
import { iamAuthorization } from '../../emulator/services/iam/authorization.js';
import { stsAuthorization } from '../../emulator/services/sts/authorization.js';
import { ApiGatewayStore } from '../../emulator/store/apigateway-store.js';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { LambdaStore } from '../../emulator/store/lambda-store.js';

const account = '000000000000';
const roleArn = `arn:aws:iam::${account}:role/app`;

// The decision recorded on the request context, over the stores alone (no HTTP).
function setup() {
  const db = Database.open();
  const stores = {
    iam: new IamStore(db),
    lambdaStore: new LambdaStore(db),
    cognito: new CognitoStore(db),
    apigateway: new ApiGatewayStore(db),
  };
  const now = Date.parse('2026-01-01T00:00:00Z');
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  stores.iam.insertRole({
    accountId: account,
    roleName: 'app',
    roleId: 'AROAEXAMPLEEXAMPLE123',
    arn: roleArn,
    path: '/',
    assumeRolePolicy: trust,
    maxSessionDuration: 3600,
    tags: [],
    createdAt: now,
  });
  const reader = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadRoles', Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }],
  };
  stores.iam.putInlinePolicy(account, 'app', 'reader', JSON.stringify(reader));
  const guardArn = `arn:aws:iam::${account}:policy/guard`;
  const guard = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
    ],
  };
  stores.iam.insertPolicy(
    {
      arn: guardArn,
      accountId: account,
      policyName: 'guard',
      policyId: 'ANPAEXAMPLEEXAMPLE123',
      path: '/',
      defaultVersionId: 'v1',
      tags: [],
      createdAt: now,
      updatedAt: now,
      nextVersionNumber: 2,
    },
    JSON.stringify(guard),
  );
  stores.iam.attachPolicy(account, 'app', guardArn);
  const caller: RoleSessionCaller = {
    kind: 'role-session',
    accountId: account,
    accessKeyId: 'ASIAEXAMPLE',
    arn: `arn:aws:sts::${account}:assumed-role/app/session`,
    userId: 'AROAEXAMPLEEXAMPLE123:session',
    session: {
      roleArn,
      roleName: 'app',
      roleId: 'AROAEXAMPLEEXAMPLE123',
      sessionName: 'session',
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/app/session`,
    },
    expiresAt: now + 3600_000,
  };
  const context = (who: RequestContext['caller'] = caller): RequestContext => ({
    ...newRequestContext(
      { requestId: 'r', receivedAt: new Date(now), sourceIp: '127.0.0.1', userAgent: 'test' },
      { region: 'us-east-1', accountId: account },
    ),
    caller: who,
    authentication: 'sigv4',
  });
  return { stores, context, guardArn };
}

describe('the decision recorded on the request context', () => {
  it('names the inline policy and Sid that allowed', () => {
    const { stores, context } = setup();
    const request = context();
    authorizeOperation(stores, iamAuthorization, 'GetRole', { RoleName: 'app' }, request);
    expect(request.authorization).toEqual({
      outcome: 'allow',
      actions: ['iam:GetRole'],
      resource: roleArn,
      decidedBy: { policyKind: 'inline', policyName: 'reader', statement: 'ReadRoles' },
    });
  });

  it('names the managed policy and statement index that explicitly denied, and throws AccessDenied', () => {
    const { stores, context, guardArn } = setup();
    const request = context();
    expect(() => authorizeOperation(stores, iamAuthorization, 'DeleteRole', { RoleName: 'app' }, request)).toThrowError(
      `User: arn:aws:sts::${account}:assumed-role/app/session is not authorized to perform: iam:DeleteRole on ` +
        `resource: role app with an explicit deny in an identity-based policy: ${guardArn}`,
    );
    expect(request.authorization).toEqual({
      outcome: 'explicit-deny',
      actions: ['iam:DeleteRole'],
      resource: roleArn,
      decidedBy: { policyKind: 'managed', policyName: guardArn, statement: '1' },
      // What was evaluated, for the console's explanation of the denial.
      evaluation: expect.objectContaining({
        action: 'iam:DeleteRole',
        resource: roleArn,
        policies: expect.arrayContaining([expect.objectContaining({ kind: 'managed', name: guardArn })]),
      }),
    });
  });

  it('records an implicit deny with no deciding statement, the trust policy for AssumeRole', () => {
    const { stores, context } = setup();
    const request = context();
    expect(() =>
      authorizeOperation(
        stores,
        stsAuthorization,
        'AssumeRole',
        { RoleArn: roleArn, RoleSessionName: 'again' },
        request,
      ),
    ).toThrowError(
      `User: arn:aws:sts::${account}:assumed-role/app/session is not authorized to perform: sts:AssumeRole on ` +
        `resource: ${roleArn}`,
    );
    expect(request.authorization).toEqual({
      outcome: 'implicit-deny',
      actions: ['sts:AssumeRole'],
      resource: roleArn,
      decidedBy: undefined,
      evaluation: expect.objectContaining({
        action: 'sts:AssumeRole',
        policies: expect.arrayContaining([expect.objectContaining({ kind: 'trust', name: roleArn })]),
      }),
    });
  });

  it('records root, unsigned and no-permission operations without evaluating', () => {
    const { stores, context } = setup();
    const root = context(rootCaller(account, 'test'));
    authorizeOperation(stores, iamAuthorization, 'DeleteRole', { RoleName: 'app' }, root);
    expect(root.authorization).toEqual({ outcome: 'root', actions: ['iam:DeleteRole'] });
    const unsigned = { ...context(undefined), authentication: 'unsigned' as const };
    authorizeOperation(stores, stsAuthorization, 'AssumeRoleWithWebIdentity', {}, unsigned);
    expect(unsigned.authorization).toEqual({ outcome: 'unsigned', actions: ['sts:AssumeRoleWithWebIdentity'] });
    const identity = context();
    authorizeOperation(stores, stsAuthorization, 'GetCallerIdentity', {}, identity);
    expect(identity.authorization).toEqual({ outcome: 'allow', actions: ['sts:GetCallerIdentity'] });
  });

  it('checks an operation without a spec as <prefix>:<Operation> on every resource', () => {
    const { stores, context } = setup();
    const request = context();
    authorizeOperation(stores, { ...iamAuthorization, operations: {} }, 'ListUsers', {}, request);
    expect(request.authorization?.actions).toEqual(['iam:ListUsers']);
    expect(request.authorization?.outcome).toBe('allow');
    expect(() =>
      authorizeOperation(stores, { ...stsAuthorization, operations: {} }, 'GetSessionToken', {}, context()),
    ).toThrowError(
      /is not authorized to perform: sts:GetSessionToken on resource: \* because no identity-based policy allows/,
    );
  });
});
