import type { DeploymentSnapshot, ResourceRecord, StoredMethod } from '../../../store/apigateway-store.js';
import { isGreedyPart, isVariablePart } from '../path-parts.js';
import type { CanonicalPath, PathSegment } from './canonical-path.js';

type DeployedResource = ResourceRecord & { methods: Record<string, StoredMethod> };

interface RouteNode {
  resource: DeployedResource;
  literals: Map<string, RouteNode>;
  variable?: { name: string; node: RouteNode };
  greedy?: { name: string; resource: DeployedResource };
}

export interface RouteMatch {
  resource: DeployedResource;
  method: StoredMethod;
  /** As the client spelt them (recorded: `%2B` stays `%2B` in `pathParameters.proxy`). */
  pathParameters: Record<string, string>;
}

const tables = new WeakMap<DeploymentSnapshot, RouteTable>();

/**
 * A deployment's resource tree, compiled once, matched as API Gateway matches: at each level a literal part
 * before `{param}` before the greedy `{proxy+}`; a resource serves a request when it has the request's method or
 * ANY, else the next candidate is tried [unverified: AWS's fallback between candidates]. Matching reads the decoded
 * segments of the canonical path; values are reported in the client's spelling.
 */
export class RouteTable {
  private readonly root: RouteNode | undefined;

  private constructor(snapshot: DeploymentSnapshot) {
    const nodes = new Map<string, RouteNode>();
    for (const resource of snapshot.resources) nodes.set(resource.resourceId, { resource, literals: new Map() });
    for (const resource of snapshot.resources) {
      const parent = resource.parentId === undefined ? undefined : nodes.get(resource.parentId);
      if (!parent || resource.pathPart === undefined) continue;
      const node = nodes.get(resource.resourceId) as RouteNode;
      if (isGreedyPart(resource.pathPart)) parent.greedy = { name: resource.pathPart.slice(1, -2), resource };
      else if (isVariablePart(resource.pathPart)) parent.variable = { name: resource.pathPart.slice(1, -1), node };
      else parent.literals.set(resource.pathPart, node);
    }
    this.root = snapshot.resources
      .map((resource) => nodes.get(resource.resourceId) as RouteNode)
      .find((node) => node.resource.parentId === undefined);
  }

  static of(snapshot: DeploymentSnapshot): RouteTable {
    let table = tables.get(snapshot);
    if (!table) tables.set(snapshot, (table = new RouteTable(snapshot)));
    return table;
  }

  match(path: CanonicalPath, httpMethod: string): RouteMatch | undefined {
    return this.root && this.matchFrom(this.root, path.segments, 0, httpMethod, {});
  }

  private matchFrom(
    node: RouteNode,
    segments: PathSegment[],
    index: number,
    httpMethod: string,
    parameters: Record<string, string>,
  ): RouteMatch | undefined {
    if (index === segments.length) return serving(node.resource, httpMethod, parameters);
    const segment = segments[index] as PathSegment;
    const literal = node.literals.get(segment.value);
    const viaLiteral = literal && this.matchFrom(literal, segments, index + 1, httpMethod, parameters);
    if (viaLiteral) return viaLiteral;
    if (node.variable) {
      const viaVariable = this.matchFrom(node.variable.node, segments, index + 1, httpMethod, {
        ...parameters,
        [node.variable.name]: segment.raw,
      });
      if (viaVariable) return viaVariable;
    }
    if (node.greedy) {
      const rest = segments
        .slice(index)
        .map((part) => part.raw)
        .join('/');
      return serving(node.greedy.resource, httpMethod, { ...parameters, [node.greedy.name]: rest });
    }
    return undefined;
  }
}

function serving(
  resource: DeployedResource,
  httpMethod: string,
  pathParameters: Record<string, string>,
): RouteMatch | undefined {
  const method = resource.methods[httpMethod] ?? resource.methods.ANY;
  return method && { resource, method, pathParameters };
}
