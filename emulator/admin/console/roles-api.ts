import { isSessionOfRole } from '../../request-log.js';
import type { EmulatorRuntime } from '../../runtime.js';
import type { RoleRecord } from '../../store/iam-store.js';
import { decodeToken, encodeToken, isRecord, iso, limitOf, notFound, parsedJson, tagMapOf } from './console-http.js';
import { consoleState } from './console-state.js';

/** `GET api/roles`: the account's roles by name. */
export function listRoles(runtime: EmulatorRuntime, query: URLSearchParams): object {
  const limit = limitOf(query);
  const after = decodeToken(query, (value): value is { n: string } => isRecord(value) && typeof value.n === 'string');
  const { accountId } = runtime.config;
  const { queries } = consoleState(runtime);
  const names = queries.rolePage(accountId, after?.n ?? '', limit);
  const roles = names.flatMap((name) => {
    const role = runtime.iam.findRole(accountId, name);
    if (!role) return [];
    return [
      {
        name: role.roleName,
        arn: role.arn,
        roleId: role.roleId,
        createdAt: iso(role.createdAt),
        description: role.description,
        usedByPools: queries.poolsUsingRole(role.arn).map((pool) => pool.poolId),
      },
    ];
  });
  const last = names[names.length - 1];
  return { roles, nextToken: names.length === limit && last ? encodeToken({ n: last }) : undefined };
}

/** The role's sessions in the request log, latest first. */
function recentSessions(runtime: EmulatorRuntime, role: RoleRecord): object[] {
  const sessions = new Map<
    string,
    { sessionName?: string; arn: string; identityId?: string; lastSeen: string; requests: number }
  >();
  const entries = runtime.requests.entries({ role: role.roleId, limit: runtime.requests.capacity });
  for (const entry of entries) {
    const caller = entry.caller;
    if (!caller || !isSessionOfRole(entry, role.roleId)) continue;
    const session = sessions.get(caller.arn);
    if (session) session.requests++;
    else if (sessions.size < 50) {
      const seen = { sessionName: caller.sessionName, arn: caller.arn, identityId: caller.identityId };
      sessions.set(caller.arn, { ...seen, lastSeen: iso(entry.time), requests: 1 });
    }
  }
  return [...sessions.values()];
}

/** `GET api/roles/:roleName`: its policies, the pools that use it and its recent sessions. */
export function describeRole(runtime: EmulatorRuntime, roleName: string): object {
  const { accountId } = runtime.config;
  const role = runtime.iam.findRole(accountId, roleName);
  if (!role) throw notFound(`No role ${roleName}`);
  const attachedPolicies = runtime.iam.attachedPolicyArns(accountId, role.roleName).map((arn) => {
    const policy = runtime.iam.findPolicy(arn);
    const version = policy && runtime.iam.findPolicyVersion(arn, policy.defaultVersionId);
    return { arn, name: policy?.policyName ?? arn, document: version ? parsedJson(version.document) : null };
  });
  return {
    name: role.roleName,
    arn: role.arn,
    roleId: role.roleId,
    path: role.path,
    createdAt: iso(role.createdAt),
    description: role.description,
    maxSessionDuration: role.maxSessionDuration,
    trustPolicy: parsedJson(role.assumeRolePolicy),
    inlinePolicies: runtime.iam.inlinePolicies(accountId, role.roleName).map((policy) => ({
      name: policy.policyName,
      document: parsedJson(policy.document),
    })),
    attachedPolicies,
    tags: tagMapOf(role.tags),
    usedByPools: consoleState(runtime).queries.poolsUsingRole(role.arn),
    recentSessions: recentSessions(runtime, role),
  };
}
