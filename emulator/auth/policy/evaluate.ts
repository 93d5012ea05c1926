import { compilePolicy } from './compile-policy.js';
import { notPrincipalMatch, principalMatch, type PrincipalMatch } from './principal-match.js';
import { RequestContext } from './request-context.js';
import { statementApplies, type MatchableRequest } from './statement-match.js';
import type { EvaluationInput, EvaluationResult, PolicyDocument } from './types.js';

type DecisiveStatement = EvaluationResult['decisiveStatements'][number];

interface ApplicableStatements {
  denies: DecisiveStatement[];
  identityAllows: DecisiveStatement[];
  resourceAllowsNamingPrincipal: DecisiveStatement[];
  resourceAllowsNamingAccount: DecisiveStatement[];
}

function collectIdentityStatements(
  policies: PolicyDocument[],
  request: MatchableRequest,
  into: ApplicableStatements,
): void {
  policies.forEach((policy, policyIndex) => {
    for (const statement of compilePolicy(policy)) {
      if (!statementApplies(statement, request)) continue;
      const decisive = {
        source: 'identity' as const,
        policyIndex,
        statementIndex: statement.statementIndex,
        sid: statement.sid,
      };
      (statement.effect === 'Deny' ? into.denies : into.identityAllows).push(decisive);
    }
  });
}

function collectResourceStatements(
  policy: PolicyDocument,
  request: MatchableRequest,
  input: EvaluationInput,
  into: ApplicableStatements,
): void {
  for (const statement of compilePolicy(policy)) {
    if (!statement.principals) continue;
    const match: PrincipalMatch = statement.principals.negated
      ? notPrincipalMatch(statement.principals.entries, input.request.principal)
      : principalMatch(statement.principals.entries, input.request.principal);
    if (match === 'none' || !statementApplies(statement, request)) continue;
    const decisive = {
      source: 'resource' as const,
      policyIndex: 0,
      statementIndex: statement.statementIndex,
      sid: statement.sid,
    };
    if (statement.effect === 'Deny') into.denies.push(decisive);
    else if (match === 'direct') into.resourceAllowsNamingPrincipal.push(decisive);
    else into.resourceAllowsNamingAccount.push(decisive);
  }
}

/** The allowing statements that grant the request, or undefined when nothing grants it. */
function grantingStatements(input: EvaluationInput, applicable: ApplicableStatements): DecisiveStatement[] | undefined {
  const {
    identityAllows,
    resourceAllowsNamingPrincipal: byPrincipal,
    resourceAllowsNamingAccount: byAccount,
  } = applicable;
  const principal = input.request.principal;
  // Only an IAM principal has identity policies; everyone else needs the resource policy to name them.
  if (principal.kind !== 'aws') return byPrincipal.length > 0 ? byPrincipal : undefined;

  const sameAccount = input.resourceAccountId === undefined || input.resourceAccountId === principal.accountId;
  const identityAllowed = identityAllows.length > 0;
  if (!sameAccount) {
    const resourceAllows = [...byPrincipal, ...byAccount];
    return identityAllowed && resourceAllows.length > 0 ? [...identityAllows, ...resourceAllows] : undefined;
  }
  if (input.resourcePolicyKind === 'trust' && input.resourcePolicy) {
    // A role's trust policy must itself allow the request, even within the account.
    if (byPrincipal.length > 0) return byPrincipal;
    return identityAllowed && byAccount.length > 0 ? [...identityAllows, ...byAccount] : undefined;
  }
  const allows = [...identityAllows, ...byPrincipal];
  return allows.length > 0 ? allows : undefined;
}

/**
 * AWS's policy evaluation logic for one request: an applicable Deny anywhere wins; otherwise the request is
 * allowed when the identity and resource policies grant it (see `grantingStatements`); otherwise it is
 * implicitly denied. Pure and synchronous; compiled policies and wildcard patterns are cached.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const request: MatchableRequest = {
    lowerCaseAction: input.request.action.toLowerCase(),
    resource: input.request.resource,
    context: new RequestContext(input.request.context),
  };
  const applicable: ApplicableStatements = {
    denies: [],
    identityAllows: [],
    resourceAllowsNamingPrincipal: [],
    resourceAllowsNamingAccount: [],
  };
  collectIdentityStatements(input.identityPolicies, request, applicable);
  if (input.resourcePolicy) collectResourceStatements(input.resourcePolicy, request, input, applicable);

  if (applicable.denies.length > 0) return { decision: 'ExplicitDeny', decisiveStatements: applicable.denies };
  const granting = grantingStatements(input, applicable);
  return granting
    ? { decision: 'Allow', decisiveStatements: granting }
    : { decision: 'ImplicitDeny', decisiveStatements: [] };
}
