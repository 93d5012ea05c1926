import { parse as parseYaml } from 'yaml';
import { apiGatewayErrors } from './errors.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body of PutRestApi or ImportRestApi as a document: JSON, or YAML (AWS accepts both). */
export function parseDefinition(body: Uint8Array | undefined): Json {
  const text = body === undefined ? '' : Buffer.from(body).toString('utf8');
  let document: unknown;
  try {
    document = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch {
    throw apiGatewayErrors.invalidOpenApi();
  }
  if (!isObject(document)) throw apiGatewayErrors.invalidOpenApi();
  const openapi = document.openapi;
  const swagger = document.swagger;
  if (!(typeof openapi === 'string' && openapi.startsWith('3.')) && swagger !== '2.0' && swagger !== 2)
    throw apiGatewayErrors.invalidOpenApi();
  if (!isObject(document.paths) && document.paths !== undefined) throw apiGatewayErrors.invalidOpenApi();
  return document;
}

export function isOpenApi3(document: Json): boolean {
  return typeof document.openapi === 'string';
}

/** The base path: Swagger 2's `basePath`; OpenAPI 3's first server URL's path, its `{basePath}` variable filled in. */
export function basePathOf(document: Json): string {
  if (!isOpenApi3(document)) return typeof document.basePath === 'string' ? document.basePath : '/';
  const server = Array.isArray(document.servers) && isObject(document.servers[0]) ? document.servers[0] : undefined;
  if (!server || typeof server.url !== 'string') return '/';
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : '';
  });
  const path = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '/');
  return path || '/';
}
