import { compilePolicy } from '../../auth/policy/compile-policy.js';
import { notPrincipalMatch, principalMatch } from '../../auth/policy/principal-match.js';
import { RequestContext as PolicyContext } from '../../auth/policy/request-context.js';
import { statementApplies } from '../../auth/policy/statement-match.js';
import { suggestPolicy } from '../../auth/suggest-policy.js';
import type { EvaluatedRequest } from '../../request-context.js';
import type { StoredRequest } from '../../request-log.js';
import type { EmulatorRuntime } from '../../runtime.js';
import { iso } from './console-http.js';

/** Each statement of each evaluated policy: whether it applies to the request, and whether it decided. */
function evaluatedPolicies(entry: StoredRequest, evaluation: EvaluatedRequest): object[] {
  const request = {
    lowerCaseAction: evaluation.action.toLowerCase(),
    resource: evaluation.resource,
    context: new PolicyContext(evaluation.context),
  };
  const denied = entry.decision === 'explicit-deny';
  return evaluation.policies.map((policy) => ({
    policyKind: policy.kind,
    policyName: policy.name,
    document: policy.document,
    statements: compilePolicy(policy.document).map((statement) => {
      const id = statement.sid ?? String(statement.statementIndex);
      let matched = statementApplies(statement, request);
      if (matched && statement.principals) {
        const { negated, entries } = statement.principals;
        const match = (negated ? notPrincipalMatch : principalMatch)(entries, evaluation.principal);
        matched = match !== 'none';
      }
      const decidedBy = entry.decidedBy;
      const deciding =
        denied &&
        decidedBy !== undefined &&
        decidedBy.policyKind === policy.kind &&
        decidedBy.policyName === policy.name &&
        decidedBy.statement === id;
      return { id, effect: statement.effect, matched, deciding };
    }),
  }));
}

/** The statement `idpool policy suggest` writes for this one refused request. */
function suggestedStatement(entry: StoredRequest): object {
  const role = entry.caller?.roleName;
  const fallback = { Effect: 'Allow', Action: entry.actions?.[0] ?? '*', Resource: entry.resource ?? '*' };
  if (!role) return fallback;
  const [statement] = suggestPolicy([entry], role, { deniedOnly: true }).document.Statement;
  return statement ? { Effect: statement.Effect, Action: statement.Action, Resource: statement.Resource } : fallback;
}

function iamDenial(entry: StoredRequest): object {
  const action = entry.evaluation?.action ?? entry.actions?.[entry.actions.length - 1] ?? '';
  const resource = entry.resource ?? '*';
  const outcome = entry.decision as 'implicit-deny' | 'explicit-deny';
  const who = entry.caller?.arn ?? 'an anonymous caller';
  const by = entry.decidedBy;
  const message =
    outcome === 'explicit-deny'
      ? `${who} may not ${action} on ${resource}: explicitly denied` +
        (by ? ` by statement ${by.statement} of the ${by.policyKind} policy ${by.policyName}` : '')
      : `${who} may not ${action} on ${resource}: no policy allows it (an implicit deny)`;
  return {
    kind: 'iam-denial',
    outcome,
    action,
    resource,
    message,
    evaluated: entry.evaluation ? evaluatedPolicies(entry, entry.evaluation) : [],
    suggestedStatement: suggestedStatement(entry),
  };
}

function expiry(runtime: EmulatorRuntime, entry: StoredRequest): object | undefined {
  if (!entry.expired) return undefined;
  const { what } = entry.expired;
  const expiredAt = iso(entry.expired.expiredAt);
  const renew =
    what === 'token'
      ? 'get a new one with GetOpenIdTokenForDeveloperIdentity'
      : 'get new ones with GetCredentialsForIdentity';
  const message =
    `The ${what === 'token' ? 'OpenID token' : 'temporary credentials'} expired at ${expiredAt} on the emulator's ` +
    `clock (the request came at ${iso(entry.time)}): ${renew}.`;
  return { kind: 'expired', what, expiredAt, emulatorNow: runtime.clock.now().toISOString(), message };
}

/** Why a denied or failed request went as it did; undefined for one that succeeded. */
export function explanationOf(runtime: EmulatorRuntime, entry: StoredRequest): object | undefined {
  if (entry.signatureMismatch) {
    return {
      kind: 'signature',
      // The first paragraph: the rest quotes what canonicalRequest and stringToSign hold.
      message: (entry.errorMessage ?? 'The request signature does not match.').split('\n\n')[0],
      canonicalRequest: entry.signatureMismatch.canonicalRequest,
      stringToSign: entry.signatureMismatch.stringToSign,
    };
  }
  if (entry.decision === 'implicit-deny' || entry.decision === 'explicit-deny') return iamDenial(entry);
  const expired = expiry(runtime, entry);
  if (expired) return expired;
  const failure = runtime.lambda.history.failureCausedBy(entry.requestId);
  if (failure) {
    const { invocation } = failure;
    return {
      kind: 'lambda-error',
      functionName: failure.functionName,
      errorType: invocation.errorType ?? (invocation.status === 'timeout' ? 'Sandbox.Timedout' : 'Error'),
      errorMessage: invocation.errorMessage ?? '',
      logs: invocation.logs,
    };
  }
  if (entry.status >= 400 || entry.errorCode !== undefined) {
    const errorCode = entry.errorCode ?? `HTTP ${entry.status}`;
    return { kind: 'error', errorCode, message: entry.errorMessage ?? `The request answered ${entry.status}.` };
  }
  return undefined;
}
