// The console's JSON API (CONSOLE-API.md): GET only, except posting a contract run.

export const base = import.meta.env.BASE_URL.replace(/\/$/, '');
const apiBase = `${base}/api`;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const response = await fetch(apiUrl(path, query), { headers: { accept: 'application/json' } });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = (body as { message?: string } | undefined)?.message ?? (text.slice(0, 200) || response.statusText);
    throw new ApiError(response.status, message);
  }
  return body as T;
}

export function apiUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${apiBase}/${path}${search ? `?${search}` : ''}`;
}

export interface Overview {
  region: string;
  accountId: string;
  persistent: boolean;
  now: string;
  clockOffsetSeconds: number;
  counts: { identityPools: number; roles: number; restApis: number; functions: number; requests: number };
}

export interface PoolSummary {
  id: string;
  name: string;
  developerProviderName?: string;
  allowUnauthenticated: boolean;
  allowClassicFlow: boolean;
  identityCount: number;
}

export interface Pool extends PoolSummary {
  arn: string;
  supportedLoginProviders: Record<string, string>;
  openIdConnectProviderArns: string[];
  roles: { authenticated?: string; unauthenticated?: string };
  roleMappings: Record<string, unknown>;
  tags: Record<string, string>;
}

export interface Login {
  provider: string;
  userIdentifier: string;
}

export interface IdentitySummary {
  identityId: string;
  logins: Login[];
  createdAt: string;
  lastModifiedAt: string;
  disabled: boolean;
}

export interface Identity extends IdentitySummary {
  poolId: string;
  recentRequests: RequestSummary[];
}

export interface RoleSummary {
  name: string;
  arn: string;
  roleId: string;
  createdAt: string;
  description?: string;
  usedByPools: string[];
}

export interface Role {
  name: string;
  arn: string;
  roleId: string;
  path: string;
  createdAt: string;
  description?: string;
  maxSessionDuration: number;
  trustPolicy: unknown;
  inlinePolicies: Array<{ name: string; document: unknown }>;
  attachedPolicies: Array<{ arn: string; name: string; document: unknown }>;
  tags: Record<string, string>;
  usedByPools: Array<{ poolId: string; name: string; as: 'authenticated' | 'unauthenticated' }>;
  recentSessions: Array<{ sessionName: string; arn: string; identityId?: string; lastSeen: string; requests: number }>;
}

export interface ApiSummary {
  id: string;
  name: string;
  createdAt: string;
  stages: string[];
}

interface Method {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  integration?: { type: string; httpMethod?: string; uri?: string; functionName?: string };
}

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  createdAt: string;
  endpointTypes: string[];
  resources: Array<{ id: string; parentId?: string; path: string; pathPart?: string; methods: Method[] }>;
  stages: Array<{
    name: string;
    deploymentId: string;
    createdAt: string;
    invokeUrls: { localhost: string; path: string };
  }>;
  deployments: Array<{ id: string; createdAt: string; description?: string }>;
  curl: Record<string, Record<string, Record<string, string>>>;
}

export interface FunctionSummary {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  lastModified: string;
  state: string;
}

interface Invocation {
  requestId: string;
  time: string;
  durationMs: number;
  status: 'ok' | 'error' | 'timeout';
  errorType?: string;
  errorMessage?: string;
  logs: string;
}

export interface LambdaFunction extends FunctionSummary {
  role: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, string>;
  codeSize: number;
  invocations: Invocation[];
}

export interface RequestSummary {
  seq: number;
  time: string;
  requestId: string;
  method: string;
  path: string;
  service?: string;
  operation?: string;
  callerArn?: string;
  identityId?: string;
  status: number;
  decision?: string;
  errorCode?: string;
  durationMs: number;
}

export interface EvaluatedPolicy {
  policyKind: string;
  policyName: string;
  document: unknown;
  statements: Array<{ id: string | number; effect: string; matched: boolean; deciding: boolean }>;
}

export type Explanation =
  | { kind: 'signature'; message: string; canonicalRequest: string; stringToSign: string }
  | {
      kind: 'iam-denial';
      outcome: 'implicit-deny' | 'explicit-deny';
      action: string;
      resource: string;
      message: string;
      evaluated: EvaluatedPolicy[];
      suggestedStatement: { Effect: 'Allow'; Action: string | string[]; Resource: string | string[] };
    }
  | { kind: 'expired'; what: 'token' | 'credentials'; expiredAt: string; emulatorNow: string; message: string }
  | { kind: 'lambda-error'; functionName: string; errorType: string; errorMessage: string; logs: string }
  | { kind: 'error'; errorCode: string; message: string };

export interface RequestDetail extends RequestSummary {
  sourceIp: string;
  userAgent: string;
  region: string;
  actions?: string[];
  resource?: string;
  decidedBy?: unknown;
  caller?: {
    kind: string;
    arn: string;
    roleName?: string;
    roleId?: string;
    sessionName?: string;
    identityId?: string;
    identityPoolId?: string;
  };
  explanation?: Explanation;
}

export interface ContractRun {
  id: string;
  receivedAt: string;
  results: RunResults;
}

/** The runner's `--reporter json` document (src/reporters/json.ts), as much of it as the matrix shows. */
export interface RunResults {
  tool?: string;
  version?: string;
  startedAt?: string;
  durationMs?: number;
  interrupted?: boolean;
  targets: Array<{
    target: string;
    state: string;
    description?: string;
    reason?: string;
    durationMs?: number;
    summary?: { passed: number; failed: number; 'not-run': number };
    results: Array<{
      id: string;
      title: string;
      status: string;
      verdict: 'passed' | 'failed' | 'not-run';
      differences: string[];
      reason?: string;
    }>;
  }>;
}
