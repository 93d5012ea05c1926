import { apiGatewayErrors } from './errors.js';

const literalPart = /^[a-zA-Z0-9._-]+$/;
const variablePart = /^\{[a-zA-Z0-9._-]+\+?\}$/;

export function isVariablePart(pathPart: string | undefined): boolean {
  return pathPart?.startsWith('{') === true && pathPart.endsWith('}');
}

export function isGreedyPart(pathPart: string | undefined): boolean {
  return pathPart?.startsWith('{') === true && pathPart.endsWith('+}');
}

/** A path part as CreateResource accepts it: a literal, `{name}` or the greedy `{name+}`. */
export function checkPathPart(pathPart: string): void {
  if (!literalPart.test(pathPart) && !variablePart.test(pathPart)) {
    throw apiGatewayErrors.invalidPathPart();
  }
}

export function childPath(parentPath: string, pathPart: string): string {
  return parentPath === '/' ? `/${pathPart}` : `${parentPath}/${pathPart}`;
}
