import type { RoleMapping } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { getIdentityPoolRoles } from '../../emulator/services/cognito-identity/get-identity-pool-roles.js';
import { listTagsForResource } from '../../emulator/services/cognito-identity/list-tags-for-resource.js';
import { setIdentityPoolRoles } from '../../emulator/services/cognito-identity/set-identity-pool-roles.js';
import { tagResource } from '../../emulator/services/cognito-identity/tag-resource.js';
import { untagResource } from '../../emulator/services/cognito-identity/untag-resource.js';
import { updateIdentityPool } from '../../emulator/services/cognito-identity/update-identity-pool.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, poolId } from '../support/cognito-pools.js';

const roleArn = (name: string) => `arn:aws:iam::000000000000:role/${name}`;
const poolArn = `arn:aws:cognito-identity:us-east-1:000000000000:identitypool/${poolId}`;

describe('SetIdentityPoolRoles and GetIdentityPoolRoles', () => {
  const setup = () => {
    const { cognito } = developerPool({ supportedLoginProviders: { 'accounts.google.com': 'client-id' } });
    return { set: setIdentityPoolRoles.build({ cognito }), get: getIdentityPoolRoles.build({ cognito }) };
  };
  const rules: RoleMapping = {
    Type: 'Rules',
    AmbiguousRoleResolution: 'Deny',
    RulesConfiguration: {
      Rules: [{ Claim: 'hd', MatchType: 'Equals', Value: 'example.com', RoleARN: roleArn('staff') }],
    },
  };

  it('replaces the roles and role mappings, which need not exist yet', () => {
    const { set, get } = setup();
    set({ IdentityPoolId: poolId, Roles: { authenticated: roleArn('old') } }, callContext());
    expect(get({ IdentityPoolId: poolId }, callContext())).toEqual({
      IdentityPoolId: poolId,
      Roles: { authenticated: roleArn('old') },
      RoleMappings: undefined,
    });
    set(
      {
        IdentityPoolId: poolId,
        Roles: { unauthenticated: roleArn('guest') },
        RoleMappings: { 'accounts.google.com': rules },
      },
      callContext(),
    );
    expect(get({ IdentityPoolId: poolId }, callContext())).toEqual({
      IdentityPoolId: poolId,
      Roles: { unauthenticated: roleArn('guest') },
      RoleMappings: { 'accounts.google.com': rules },
    });
  });

  it('accepts a role mapping for the developer provider', async () => {
    const { set, get } = setup();
    set(
      { IdentityPoolId: poolId, Roles: {}, RoleMappings: { [developerProvider]: { ...rules, Type: 'Token' } } },
      callContext(),
    );
    expect(Object.keys((await get({ IdentityPoolId: poolId }, callContext())).RoleMappings ?? {})).toEqual([
      developerProvider,
    ]);
  });

  it(
    'refuses what is not a role ARN, an unconfigured provider and incomplete mappings, ' + 'and keeps what was there',
    async () => {
      const { set, get } = setup();
      set({ IdentityPoolId: poolId, Roles: { authenticated: roleArn('kept') } }, callContext());
      const refusals: [Parameters<typeof set>[0], Record<string, string>][] = [
        [
          { IdentityPoolId: poolId, Roles: { authenticated: 'arn:aws:iam::000000000000:user/bob' } },
          {
            code: 'NotAuthorizedException',
            message: "Access to Role 'arn:aws:iam::000000000000:user/bob' is forbidden.",
          },
        ],
        [
          { IdentityPoolId: poolId, Roles: {}, RoleMappings: { 'graph.facebook.com': rules } },
          {
            code: 'InvalidParameterException',
            message: '(graph.facebook.com) is not a valid RoleMapping ProviderName or is not a configured provider.',
          },
        ],
        [
          { IdentityPoolId: poolId, Roles: {}, RoleMappings: { 'accounts.google.com': { Type: 'Token' } } },
          { code: 'InvalidParameterException' },
        ],
        [
          {
            IdentityPoolId: poolId,
            Roles: {},
            RoleMappings: { 'accounts.google.com': { Type: 'Rules', AmbiguousRoleResolution: 'Deny' } },
          },
          { code: 'InvalidParameterException' },
        ],
        [
          {
            IdentityPoolId: poolId,
            Roles: {},
            RoleMappings: {
              'accounts.google.com': {
                ...rules,
                RulesConfiguration: {
                  Rules: [{ Claim: 'hd', MatchType: 'Equals', Value: 'x', RoleARN: 'not-an-arn' }],
                },
              },
            },
          },
          { code: 'NotAuthorizedException', message: "Access to Role 'not-an-arn' is forbidden." },
        ],
      ];
      for (const [input, error] of refusals)
        expect(() => set(input, callContext())).toThrow(expect.objectContaining(error));
      expect((await get({ IdentityPoolId: poolId }, callContext())).Roles).toEqual({ authenticated: roleArn('kept') });
    },
  );
});

describe('TagResource, UntagResource and ListTagsForResource', () => {
  const setup = () => {
    const { cognito } = developerPool();
    return {
      tag: tagResource.build({ cognito }),
      untag: untagResource.build({ cognito }),
      list: listTagsForResource.build({ cognito }),
    };
  };

  it('adds tags (replacing values), removes keys (ignoring unknown ones) and lists them', () => {
    const { tag, untag, list } = setup();
    expect(tag({ ResourceArn: poolArn, Tags: { team: 'blue', stage: 'dev' } }, callContext())).toEqual({});
    tag({ ResourceArn: poolArn, Tags: { team: 'red' } }, callContext());
    expect(list({ ResourceArn: poolArn }, callContext())).toEqual({ Tags: { team: 'red', stage: 'dev' } });
    untag({ ResourceArn: poolArn, TagKeys: ['stage', 'absent'] }, callContext());
    expect(list({ ResourceArn: poolArn }, callContext())).toEqual({ Tags: { team: 'red' } });
  });

  it('refuses more than 50 tags in all, and keeps the tags it had', async () => {
    const { tag, list } = setup();
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key-${index}`, 'v']));
    tag({ ResourceArn: poolArn, Tags: fifty }, callContext());
    expect(() => tag({ ResourceArn: poolArn, Tags: { one: 'more' } }, callContext())).toThrow(
      expect.objectContaining({
        code: 'InvalidParameterException',
        message: 'An identity pool can have at most 50 tags.',
      }),
    );
    expect(Object.keys((await list({ ResourceArn: poolArn }, callContext())).Tags ?? {})).toHaveLength(50);
  });

  it("refuses an ARN that names no identity pool, and does not find another account's pool", () => {
    const { tag, list } = setup();
    expect(() => list({ ResourceArn: 'arn:aws:iam::000000000000:role/x' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'InvalidParameterException',
        message: 'Invalid ResourceArn: arn:aws:iam::000000000000:role/x',
      }),
    );
    expect(() => tag({ ResourceArn: poolArn, Tags: { a: 'b' } }, callContext({ accountId: '111111111111' }))).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException', message: `IdentityPool '${poolId}' not found.` }),
    );
  });
});

describe('UpdateIdentityPool', () => {
  const setup = () => {
    const { cognito } = developerPool();
    cognito.pools.setTags(poolId, { team: 'blue' });
    return { cognito, update: updateIdentityPool.build({ cognito }) };
  };

  it('replaces the settings, keeps the developer provider when left out and the tags when not given', async () => {
    const { update } = setup();
    expect(
      update(
        { IdentityPoolId: poolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true },
        callContext(),
      ),
    ).toEqual({
      IdentityPoolId: poolId,
      IdentityPoolName: 'renamed',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: undefined,
      SupportedLoginProviders: undefined,
      DeveloperProviderName: developerProvider,
      OpenIdConnectProviderARNs: undefined,
      CognitoIdentityProviders: undefined,
      SamlProviderARNs: undefined,
      IdentityPoolTags: { team: 'blue' },
    });
    const retagged = await update(
      {
        IdentityPoolId: poolId,
        IdentityPoolName: 'renamed',
        AllowUnauthenticatedIdentities: true,
        IdentityPoolTags: { team: 'red' },
      },
      callContext(),
    );
    expect(retagged.IdentityPoolTags).toEqual({ team: 'red' });
  });

  it('refuses another developer provider, or too many tags, and changes nothing', () => {
    const { cognito, update } = setup();
    const base = { IdentityPoolId: poolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true };
    expect(() => update({ ...base, DeveloperProviderName: 'other.login' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'InvalidParameterException',
        message: 'DeveloperProviderName cannot be changed once it has been set.',
      }),
    );
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key-${index}`, 'v']));
    expect(() => update({ ...base, IdentityPoolTags: tooMany }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException' }),
    );
    expect(cognito.pools.find(poolId)).toMatchObject({
      name: 'pool',
      allowUnauthenticatedIdentities: false,
      tags: { team: 'blue' },
    });
  });
});
