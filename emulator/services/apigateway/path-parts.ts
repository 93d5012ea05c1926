import { BadRequestException } from './errors.js';

const literalPart = /^[a-zA-Z0-9._-]+$/;
const variablePart = /^\{[a-zA-Z0-9._-]+\+?\}$/;

export function isVariablePart(pathPart: string | undefined): boolean {
  return pathPart?.startsWith('{') === true && pathPart.endsWith('}');
}

export function isGreedyPart(pathPart: string | undefined): boolean {
  return pathPart?.startsWith('{') === true && pathPart.endsWith('+}');
}

/** A path part as CreateResource accepts it: a literal, `{name}` or the greedy `{name+}` (AWS's message, quoted by moto). */
export function checkPathPart(pathPart: string): void {
  if (!literalPart.test(pathPart) && !variablePart.test(pathPart)) {
    throw new BadRequestException(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
}

export function childPath(parentPath: string, pathPart: string): string {
  return parentPath === '/' ? `/${pathPart}` : `${parentPath}/${pathPart}`;
}
