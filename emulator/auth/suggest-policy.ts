import { isSessionOfRole, type StoredRequest } from '../request-log.js';
import type { DecidingStatement } from '../request-context.js';

/** What a suggestion reads of a request-log entry. */
export type LoggedDecision = Pick<StoredRequest, 'seq' | 'caller' | 'decision' | 'actions' | 'resource' | 'decidedBy'>;

interface SuggestedStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
}

export interface PolicySuggestion {
  document: { Version: '2012-10-17'; Statement: SuggestedStatement[] };
  /** Requests of the role's sessions the document was built from. */
  requests: number;
  /** Action and resource pairs still refused by an explicit Deny, which no Allow can override. */
  explicitlyDenied: { action: string; resource: string; decidedBy?: DecidingStatement }[];
}

const evaluated = new Set(['allow', 'implicit-deny', 'explicit-deny']);

/** `$`, `*` and `?` stand for themselves in a Resource only when written as the policy variables `${$}`, … */
function literalResource(resource: string): string {
  return resource === '*' ? resource : resource.replace(/[$*?]/g, (character) => `\${${character}}`);
}

/** `execute-api` → `ExecuteApi`: Sids are alphanumeric. */
function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

function oneOrList(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values;
}

/**
 * The least-privilege policy covering what the role's sessions did or were refused: for each action, exactly the
 * resources it was called on, one statement per service and set of resources (so no statement grants an action on
 * a resource it was not called on). With `deniedOnly`, only the pairs whose latest decision was a denial.
 */
export function suggestPolicy(
  entries: LoggedDecision[],
  role: string,
  options: { deniedOnly: boolean },
): PolicySuggestion {
  const latest = new Map<string, { action: string; resource: string; entry: LoggedDecision }>();
  let requests = 0;
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (!isSessionOfRole(entry, role) || entry.decision === undefined || !evaluated.has(entry.decision)) continue;
    if (!entry.actions || entry.actions.length === 0) continue;
    requests++;
    const resource = entry.resource ?? '*';
    for (const action of entry.actions) latest.set(`${action}\u0000${resource}`, { action, resource, entry });
  }

  const explicitlyDenied: PolicySuggestion['explicitlyDenied'] = [];
  // service → action → resources
  const byService = new Map<string, Map<string, Set<string>>>();
  for (const { action, resource, entry } of latest.values()) {
    if (entry.decision === 'explicit-deny') explicitlyDenied.push({ action, resource, decidedBy: entry.decidedBy });
    if (options.deniedOnly && entry.decision === 'allow') continue;
    const service = (action.split(':')[0] as string).toLowerCase();
    const actions = byService.get(service) ?? new Map<string, Set<string>>();
    byService.set(service, actions);
    const resources = actions.get(action) ?? new Set<string>();
    actions.set(action, resources);
    resources.add(literalResource(resource));
  }

  const statements: SuggestedStatement[] = [];
  const sids = new Set<string>();
  for (const service of [...byService.keys()].sort()) {
    const actions = byService.get(service) as Map<string, Set<string>>;
    // Actions called on the same resources share a statement.
    const byResources = new Map<string, { actions: string[]; resources: string[] }>();
    for (const [action, resourceSet] of actions) {
      const resources = resourceSet.has('*') ? ['*'] : [...resourceSet].sort();
      const key = resources.join('\u0000');
      const group = byResources.get(key);
      if (group) group.actions.push(action);
      else byResources.set(key, { actions: [action], resources });
    }
    const groups = [...byResources.values()].map((group) => ({ ...group, actions: group.actions.sort() }));
    groups.sort((a, b) => (a.actions[0] as string).localeCompare(b.actions[0] as string));
    for (const group of groups) {
      const names = group.actions.map((action) => pascal(action.slice(action.indexOf(':') + 1)));
      const base = pascal(service) + (names.length <= 2 ? names.join('') : `${names[0]}And${names.length - 1}More`);
      let sid = base;
      for (let suffix = 2; sids.has(sid); suffix++) sid = `${base}${suffix}`;
      sids.add(sid);
      statements.push({
        Sid: sid,
        Effect: 'Allow',
        Action: oneOrList(group.actions),
        Resource: oneOrList(group.resources),
      });
    }
  }
  return { document: { Version: '2012-10-17', Statement: statements }, requests, explicitlyDenied };
}
