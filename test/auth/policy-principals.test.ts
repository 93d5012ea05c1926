import { describe, expect, it } from 'vitest';
import { evaluate } from '../../emulator/auth/policy/index.js';
import type { PolicyStatement, RequestPrincipal } from '../../emulator/auth/policy/index.js';
import {
  ACCOUNT,
  API_RESOURCE,
  OTHER_ACCOUNT,
  allow,
  decide,
  deny,
  policy,
  roleSession,
} from './policy-test-helpers.js';

const resourceAllow = (Principal: PolicyStatement['Principal']) => policy(allow({ Principal }));
const decideWithResourcePolicy = (
  principal: RequestPrincipal,
  resourceStatement: PolicyStatement,
  identityStatements: PolicyStatement[] = [],
  resourceAccountId = ACCOUNT,
) =>
  decide(
    identityStatements.length ? [policy(...identityStatements)] : [],
    { principal },
    {
      resourcePolicy: policy(resourceStatement),
      resourceAccountId,
    },
  );

describe('Principal in resource policies', () => {
  const session = roleSession();
  it.each([
    ['"*"', '*' as const],
    ['{"AWS":"*"}', { AWS: '*' }],
    ['the role ARN (matches its sessions)', { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }],
    ['the session ARN', { AWS: session.kind === 'aws' ? session.arn : '' }],
  ])('Principal %s allows a same-account role session on its own', (_, Principal) => {
    expect(
      decide([], { principal: session }, { resourcePolicy: resourceAllow(Principal), resourceAccountId: ACCOUNT }),
    ).toBe('Allow');
  });

  it.each([
    ['account id', ACCOUNT],
    ['account root ARN', `arn:aws:iam::${ACCOUNT}:root`],
  ])('Principal naming the %s delegates to the account: its identity policies must allow', (_, AWS) => {
    expect(decideWithResourcePolicy(session, allow({ Principal: { AWS } }))).toBe('ImplicitDeny');
    expect(decideWithResourcePolicy(session, allow({ Principal: { AWS } }), [allow()])).toBe('Allow');
  });

  it('does not match other roles, accounts or principal types', () => {
    expect(decideWithResourcePolicy(session, allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/other` } }))).toBe(
      'ImplicitDeny',
    );
    expect(decideWithResourcePolicy(session, allow({ Principal: { Service: 'apigateway.amazonaws.com' } }))).toBe(
      'ImplicitDeny',
    );
    expect(decideWithResourcePolicy(session, allow({ Principal: { AWS: OTHER_ACCOUNT } }), [allow()])).toBe('Allow');
  });

  it('matches service principals and anonymous callers', () => {
    const service: RequestPrincipal = { kind: 'service', service: 'apigateway.amazonaws.com' };
    expect(decideWithResourcePolicy(service, allow({ Principal: { Service: 'apigateway.amazonaws.com' } }))).toBe(
      'Allow',
    );
    expect(decideWithResourcePolicy(service, allow({ Principal: { Service: 'lambda.amazonaws.com' } }))).toBe(
      'ImplicitDeny',
    );
    expect(decideWithResourcePolicy({ kind: 'anonymous' }, allow({ Principal: '*' }))).toBe('Allow');
    expect(decideWithResourcePolicy({ kind: 'anonymous' }, allow({ Principal: { AWS: ACCOUNT } }))).toBe(
      'ImplicitDeny',
    );
  });

  it('lets a resource-policy Deny win, including one naming the account', () => {
    expect(decideWithResourcePolicy(session, deny({ Principal: { AWS: ACCOUNT } }), [allow()])).toBe('ExplicitDeny');
    expect(decideWithResourcePolicy(session, deny({ Principal: { AWS: OTHER_ACCOUNT } }), [allow()])).toBe('Allow');
  });
});

describe('NotPrincipal', () => {
  const session = roleSession();
  it('applies to everyone it does not name', () => {
    const denyAllBut = (AWS: string) => deny({ Principal: undefined, NotPrincipal: { AWS } });
    expect(decideWithResourcePolicy(session, denyAllBut(`arn:aws:iam::${ACCOUNT}:role/app`), [allow()])).toBe('Allow');
    expect(decideWithResourcePolicy(session, denyAllBut(`arn:aws:iam::${ACCOUNT}:role/other`), [allow()])).toBe(
      'ExplicitDeny',
    );
    expect(decideWithResourcePolicy(session, denyAllBut(ACCOUNT), [allow()])).toBe('Allow');
    expect(
      decideWithResourcePolicy(session, allow({ Principal: undefined, NotPrincipal: { AWS: OTHER_ACCOUNT } })),
    ).toBe('Allow');
  });
});

describe('cross-account requests', () => {
  const stranger = roleSession(OTHER_ACCOUNT, 'partner');
  const partnerRole = `arn:aws:iam::${OTHER_ACCOUNT}:role/partner`;
  it('need both an identity-policy allow and a resource-policy allow', () => {
    expect(decideWithResourcePolicy(stranger, allow({ Principal: { AWS: partnerRole } }))).toBe('ImplicitDeny');
    expect(decideWithResourcePolicy(stranger, allow({ Principal: { AWS: partnerRole } }), [allow()])).toBe('Allow');
    expect(decideWithResourcePolicy(stranger, allow({ Principal: { AWS: OTHER_ACCOUNT } }), [allow()])).toBe('Allow');
    expect(decide([policy(allow())], { principal: stranger }, { resourceAccountId: ACCOUNT })).toBe('ImplicitDeny');
  });

  it('are same-account when no resource account is given', () => {
    expect(decide([policy(allow())], { principal: stranger })).toBe('Allow');
  });
});

describe('role trust policies', () => {
  const cognitoTrust = policy({
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    },
  });
  const assumeWithWebIdentity = (
    context: Record<string, string | string[]>,
    provider = 'cognito-identity.amazonaws.com',
  ) =>
    evaluate({
      request: {
        principal: { kind: 'federated', provider },
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: `arn:aws:iam::${ACCOUNT}:role/cognito-authenticated`,
        context,
      },
      identityPolicies: [],
      resourcePolicy: cognitoTrust,
      resourcePolicyKind: 'trust',
      resourceAccountId: ACCOUNT,
    });
  const pool = 'us-east-1:11111111-2222-3333-4444-555555555555';

  it('lets Cognito assume the role for authenticated identities of the pool', () => {
    const result = assumeWithWebIdentity({
      'cognito-identity.amazonaws.com:aud': pool,
      'cognito-identity.amazonaws.com:amr': ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_x'],
    });
    expect(result.decision).toBe('Allow');
    expect(result.decisiveStatements).toEqual([
      { source: 'resource', policyIndex: 0, statementIndex: 0, sid: undefined },
    ]);
  });

  it('refuses unauthenticated identities, other pools and other providers', () => {
    expect(
      assumeWithWebIdentity({
        'cognito-identity.amazonaws.com:aud': pool,
        'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
      }).decision,
    ).toBe('ImplicitDeny');
    expect(
      assumeWithWebIdentity({
        'cognito-identity.amazonaws.com:aud': 'us-east-1:other',
        'cognito-identity.amazonaws.com:amr': ['authenticated'],
      }).decision,
    ).toBe('ImplicitDeny');
    expect(assumeWithWebIdentity({ 'cognito-identity.amazonaws.com:aud': pool }).decision).toBe('ImplicitDeny');
    expect(
      assumeWithWebIdentity(
        { 'cognito-identity.amazonaws.com:aud': pool, 'cognito-identity.amazonaws.com:amr': ['authenticated'] },
        'accounts.google.com',
      ).decision,
    ).toBe('ImplicitDeny');
  });

  it('must allow sts:AssumeRole itself, even for a caller in the same account', () => {
    const caller = roleSession(ACCOUNT, 'deployer');
    const assumeRole = (trustStatement: PolicyStatement, callerAllowed: boolean) =>
      decide(
        callerAllowed ? [policy(allow({ Action: 'sts:AssumeRole' }))] : [],
        {
          principal: caller,
          action: 'sts:AssumeRole',
          resource: `arn:aws:iam::${ACCOUNT}:role/target`,
        },
        { resourcePolicy: policy(trustStatement), resourcePolicyKind: 'trust', resourceAccountId: ACCOUNT },
      );
    const trusting = (AWS: string): PolicyStatement => ({
      Effect: 'Allow',
      Principal: { AWS },
      Action: 'sts:AssumeRole',
    });

    expect(assumeRole(trusting(`arn:aws:iam::${ACCOUNT}:role/deployer`), false)).toBe('Allow');
    expect(assumeRole(trusting(`arn:aws:iam::${ACCOUNT}:root`), false)).toBe('ImplicitDeny');
    expect(assumeRole(trusting(`arn:aws:iam::${ACCOUNT}:root`), true)).toBe('Allow');
    expect(assumeRole(trusting(`arn:aws:iam::${OTHER_ACCOUNT}:root`), true)).toBe('ImplicitDeny');
  });
});

describe('decisive statements', () => {
  it('names the denying statements, or the allowing ones', () => {
    const result = evaluate({
      request: { principal: roleSession(), action: 'execute-api:Invoke', resource: API_RESOURCE, context: {} },
      identityPolicies: [
        policy(allow({ Sid: 'Read' })),
        policy({ ...deny({ Sid: 'NoDev' }), Resource: 'arn:aws:execute-api:*:*:*/dev/*' }),
      ],
    });
    expect(result).toEqual({
      decision: 'ExplicitDeny',
      decisiveStatements: [{ source: 'identity', policyIndex: 1, statementIndex: 0, sid: 'NoDev' }],
    });
  });
});
