import type { AwsCredentials } from '../../contracts/types.js';
import { routedFetch } from '../flow-client/routed-fetch.js';
import type { TargetSession } from './target.js';

/** The base URL of a deployed stage (paths like `/hello` are appended). */
export function apiBaseUrl(
  session: Pick<TargetSession, 'executeApiUrlStyle' | 'endpoint' | 'region'>,
  restApiId: string,
  stage: string,
): string {
  if (session.executeApiUrlStyle === 'aws' || session.endpoint === undefined)
    return `https://${restApiId}.execute-api.${session.region}.amazonaws.com/${stage}`;
  const endpoint = new URL(session.endpoint);
  if (session.executeApiUrlStyle === 'path') return `${session.endpoint}/restapis/${restApiId}/${stage}/_user_request_`;
  return (
    `${endpoint.protocol}//${restApiId}.execute-api.localhost:` +
    `${endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80)}/${stage}`
  );
}

/** The fetch that reaches the target's execute-api URLs (host style: connect to the endpoint, send the API's Host). */
export function executeApiFetch(session: Pick<TargetSession, 'executeApiUrlStyle' | 'endpoint'>): typeof fetch {
  if (session.executeApiUrlStyle !== 'host' || session.endpoint === undefined) return fetch;
  const endpoint = new URL(session.endpoint);
  return routedFetch({ hostname: endpoint.hostname, port: Number(endpoint.port || 80) });
}

export function serviceUrl(
  session: Pick<TargetSession, 'endpoint' | 'region'>,
  service: 'cognito-identity' | 'sts',
): string {
  return session.endpoint ? `${session.endpoint}/` : `https://${service}.${session.region}.amazonaws.com/`;
}

export function jwksUrl(session: Pick<TargetSession, 'endpoint'>): string {
  return session.endpoint
    ? `${session.endpoint}/.well-known/jwks_uri`
    : 'https://cognito-identity.amazonaws.com/.well-known/jwks_uri';
}

/** Credentials from the usual AWS variables, `test`/`test` when unset (what emulators accept). */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID || 'test',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY || 'test',
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}
