import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import aws4 from 'aws4';
import type { RunningEmulator } from '../../emulator/index.js';
import type { RequestLogEntry } from '../../emulator/request-log.js';
import type { Provisioner } from '../../src/stack/provisioner.js';
import type { AwsClients } from '../../contracts/types.js';
import { clientsFor } from '../../src/targets/clients.js';
import { provisionSeedStack, type SeedStack } from '../support/seed-stack.js';

interface SessionKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface SeededFlow {
  provisioner: Provisioner;
  clients: AwsClients;
  names: SeedStack['names'];
  apiId: string;
  apiUrl: string;
  identityId: string;
  token: string;
  keys: SessionKeys;
  /** `arn:aws:execute-api:<region>:<account>:<api>/dev/GET<path>` */
  methodArn(path: string, method?: string): string;
  /** The aws4-signed GET the tutorial's client makes (the session's keys unless others are given). */
  get(path: string, keys?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): Promise<Response>;
}

/** The seed stack through the SDK with the root keys, then the developer token and the client's credentials. */
export async function seedFlow(emulator: RunningEmulator): Promise<SeededFlow> {
  const { provisioner, clients, session, names } = await provisionSeedStack(emulator);
  const { stack } = provisioner;
  const developerToken = await clients.cognito.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: stack.identityPoolId,
      Logins: { [stack.developerProviderName as string]: 'log-user' },
    }),
  );
  const unsigned = clientsFor(session, { accessKeyId: 'unused', secretAccessKey: 'unused' }).cognito;
  const identityId = developerToken.IdentityId as string;
  const token = developerToken.Token as string;
  const answer = await unsigned.send(
    new GetCredentialsForIdentityCommand({
      IdentityId: identityId,
      Logins: { 'cognito-identity.amazonaws.com': token },
    }),
  );
  const credentials = answer.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
  const keys = {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretKey,
    sessionToken: credentials.SessionToken,
  };
  const apiId = stack.restApiId as string;
  const apiUrl = stack.apiUrl as string;
  return {
    provisioner,
    clients,
    names,
    apiId,
    apiUrl,
    identityId,
    token,
    keys,
    methodArn: (path, method = 'GET') =>
      `arn:aws:execute-api:${emulator.region}:${emulator.accountId}:${apiId}/dev/${method}${path}`,
    get: (path, signingKeys = keys) => {
      const url = new URL(`${apiUrl}${path}`);
      const signed = aws4.sign(
        { host: url.host, path: url.pathname, method: 'GET', service: 'execute-api', region: emulator.region },
        signingKeys,
      );
      return fetch(url, { headers: signed.headers as Record<string, string> });
    },
  };
}

export async function requestLog(emulator: Pick<RunningEmulator, 'url'>, query = ''): Promise<RequestLogEntry[]> {
  const response = await fetch(`${emulator.url}/_idpool/requests${query}`);
  if (!response.ok)
    throw new Error(`GET /_idpool/requests${query} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { entries: RequestLogEntry[] }).entries;
}
