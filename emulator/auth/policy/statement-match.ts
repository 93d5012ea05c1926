import { matchesArnPattern } from './arn-pattern.js';
import type { CompiledStatement } from './compile-policy.js';
import { conditionHolds } from './condition-evaluator.js';
import { resolveToGlob } from './policy-variables.js';
import type { RequestContext } from './request-context.js';
import { compileGlob } from './wildcard-pattern.js';

/** The parts of a request a statement is matched against, normalised once per evaluation. */
export interface MatchableRequest {
  lowerCaseAction: string;
  resource: string;
  context: RequestContext;
}

function actionMatches(actions: CompiledStatement['actions'], lowerCaseAction: string): boolean {
  let listed = actions.exact.has(lowerCaseAction);
  for (let index = 0; !listed && index < actions.globs.length; index++) {
    listed = compileGlob(actions.globs[index], true).test(lowerCaseAction);
  }
  return listed !== actions.negated;
}

/**
 * A Resource pattern whose policy variable has no value matches nothing. In NotResource such a pattern makes
 * the whole statement inapplicable: AWS warns that an unresolvable variable "might cause the entire statement
 * to be invalid", and treating it as excluding nothing would widen a NotResource Allow.
 */
function resourceMatches(request: MatchableRequest, resources: CompiledStatement['resources']): boolean {
  if (!resources) return true;
  for (const template of resources.templates) {
    const glob = resolveToGlob(template, request.context);
    if (glob === undefined) {
      if (resources.negated) return false;
    } else if (matchesArnPattern(glob, request.resource)) {
      return !resources.negated;
    }
  }
  return resources.negated;
}

/** Whether Action/NotAction, Resource/NotResource and every Condition fit the request (not the principal). */
export function statementApplies(statement: CompiledStatement, request: MatchableRequest): boolean {
  if (!actionMatches(statement.actions, request.lowerCaseAction)) return false;
  if (!resourceMatches(request, statement.resources)) return false;
  for (const condition of statement.conditions) {
    if (!conditionHolds(condition, request.context)) return false;
  }
  return true;
}
