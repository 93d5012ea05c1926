import type { RoleMapping } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { resolveRoleArn, ruleMatches } from '../../emulator/services/cognito-identity/role-resolution.js';
import type { IdentityPoolRecord } from '../../emulator/store/cognito-pools.js';

const pool = (
  roleMappings: Record<string, RoleMapping> = {},
  roles: Record<string, string> = { authenticated: 'auth', unauthenticated: 'guest' },
): IdentityPoolRecord => ({
  seq: 1,
  poolId: 'us-east-1:pool',
  accountId: '000000000000',
  region: 'us-east-1',
  name: 'p',
  allowUnauthenticatedIdentities: true,
  allowClassicFlow: undefined,
  developerProviderName: 'dev',
  supportedLoginProviders: {},
  openIdConnectProviderArns: [],
  cognitoIdentityProviders: [],
  samlProviderArns: [],
  tags: {},
  roles,
  roleMappings,
  createdAt: 0,
});

const authenticated = (claims: Record<string, unknown>, customRoleArn?: string) =>
  ({ authenticationType: 'authenticated', provider: 'dev', claims, customRoleArn }) as const;

describe('role resolution', () => {
  it('gives each kind of identity its pool role, and refuses a missing one', () => {
    expect(resolveRoleArn(pool(), { authenticationType: 'unauthenticated' })).toBe('guest');
    expect(resolveRoleArn(pool(), authenticated({}))).toBe('auth');
    expect(() => resolveRoleArn(pool({}, {}), authenticated({}))).toThrow(
      expect.objectContaining({ code: 'InvalidIdentityPoolConfigurationException' }),
    );
  });

  it('matches rules in order with each match type', () => {
    const rule = (MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual', Value: string) => ({
      Claim: 'c',
      MatchType,
      Value,
      RoleARN: 'r',
    });
    expect(ruleMatches(rule('Equals', 'paid'), 'paid')).toBe(true);
    expect(ruleMatches(rule('Equals', 'paid'), 'paid-not')).toBe(false);
    expect(ruleMatches(rule('Contains', 'ai'), 'paid')).toBe(true);
    expect(ruleMatches(rule('StartsWith', 'pa'), 'paid')).toBe(true);
    expect(ruleMatches(rule('StartsWith', 'id'), 'paid')).toBe(false);
    expect(ruleMatches(rule('NotEqual', 'free'), 'paid')).toBe(true);
    expect(ruleMatches(rule('NotEqual', 'paid'), 'paid')).toBe(false);
    expect(ruleMatches(rule('Equals', 'admins'), ['users', 'admins'])).toBe(true);
    expect(ruleMatches(rule('Equals', 'true'), true)).toBe(true);
    expect(ruleMatches(rule('NotEqual', 'x'), undefined)).toBe(false);

    const mapping: RoleMapping = {
      Type: 'Rules',
      AmbiguousRoleResolution: 'Deny',
      RulesConfiguration: {
        Rules: [
          { Claim: 'tier', MatchType: 'Equals', Value: 'gold', RoleARN: 'gold-role' },
          { Claim: 'tier', MatchType: 'StartsWith', Value: 'g', RoleARN: 'g-role' },
        ],
      },
    };
    expect(resolveRoleArn(pool({ dev: mapping }), authenticated({ tier: 'gold' }))).toBe('gold-role');
    expect(resolveRoleArn(pool({ dev: mapping }), authenticated({ tier: 'green' }))).toBe('g-role');
    expect(() => resolveRoleArn(pool({ dev: mapping }), authenticated({ tier: 'blue' }))).toThrow(
      'The ambiguous role mapping rules for: dev denied this request.',
    );
  });

  it('takes the role from cognito:preferred_role and cognito:roles for Token mappings', () => {
    const token = (resolution: 'AuthenticatedRole' | 'Deny') =>
      pool({ dev: { Type: 'Token', AmbiguousRoleResolution: resolution } });
    expect(
      resolveRoleArn(
        token('Deny'),
        authenticated({ 'cognito:preferred_role': 'preferred', 'cognito:roles': ['a', 'preferred'] }),
      ),
    ).toBe('preferred');
    expect(resolveRoleArn(token('Deny'), authenticated({ 'cognito:roles': ['only'] }))).toBe('only');
    expect(resolveRoleArn(token('Deny'), authenticated({ 'cognito:roles': ['a', 'b'] }, 'b'))).toBe('b');
    expect(resolveRoleArn(token('AuthenticatedRole'), authenticated({ 'cognito:roles': ['a', 'b'] }))).toBe('auth');
    expect(resolveRoleArn(token('AuthenticatedRole'), authenticated({ 'cognito:roles': ['a', 'b'] }, 'c'))).toBe(
      'auth',
    );
    expect(() => resolveRoleArn(token('Deny'), authenticated({ 'cognito:roles': ['a', 'b'] }))).toThrow(
      expect.objectContaining({ code: 'NotAuthorizedException' }),
    );
  });
});
