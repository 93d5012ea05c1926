import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { STSClient } from '@aws-sdk/client-sts';
import type { z } from 'zod';
import type { JsonValue, Outcome } from './outcome.js';
import type { StepId } from './steps.js';

/** How sure a contract is that it describes AWS: seen on real AWS, read from the service model or docs, or a guess. */
export type ContractStatus = 'validated' | 'model' | 'unverified';

export interface ContractSource {
  /** Where the truth comes from: an AWS doc URL, a model file, `docs/aws-behaviour.md`, a captured response. */
  ref: string;
  /** The facts the contract relies on, copied so a reader needs nothing else. */
  note: string;
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsClients {
  cognito: CognitoIdentityClient;
  sts: STSClient;
  iam: IAMClient;
  lambda: LambdaClient;
  apiGateway: APIGatewayClient;
}

/** What the stack under test is made of; a field is absent when provisioning it failed. */
export interface StackDescription {
  region: string;
  accountId: string;
  identityPoolId: string;
  identityPoolName: string;
  developerProviderName: string;
  authenticatedRoleArn: string;
  authenticatedRoleName: string;
  functionName: string;
  functionArn: string;
  restApiId: string;
  stage: string;
  /** `https://<api-id>.execute-api.<region>.amazonaws.com/<stage>` on AWS; the target's own address elsewhere. */
  apiUrl: string;
  /** The method every caller may invoke (`/hello`). */
  helloPath: string;
  /** An AWS_IAM method the authenticated role's policy does not cover (`/private`), for the AccessDenied contract. */
  deniedPath: string;
}

/** The responses of the provisioning calls, by call name (`createIdentityPool`, `createFunction`, …). */
export type ProvisioningRecord = Partial<Record<string, Outcome>>;

/** What earlier contracts hand to later ones. */
export interface FlowOutputs {
  developerToken: { identityId: string; token: string; developerUserId: string };
  credentials: {
    identityId: string;
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    expiration: string;
  };
}

export interface SignOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The signing time; the target's clock when absent. */
  date?: Date;
}

/** Calls to the deployed API, addressed the way the target serves execute-api. */
export interface ExecuteApi {
  /** The URL of `path` (like `/hello`) on the deployed stage. */
  url(path: string): string;
  /** SigV4 headers (aws4) for a request to `url`, signed for `execute-api` in the stack's region. */
  sign(url: string, credentials: AwsCredentials, options?: SignOptions): Record<string, string>;
  /** Sends a request to an execute-api URL and returns what came back. */
  request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Outcome>;
}

/** The target's clock, as a contract needs it to let tokens and credentials expire. */
export interface TargetClock {
  /** The target's time in ms (real time plus any offset idpool applied). */
  nowMs(): number;
  /**
   * Lets `seconds` pass on the target: moves a movable clock, or waits when that is short enough; otherwise throws
   * a not-run signal ("needs a movable clock"). The runner puts a moved clock back after the contract.
   */
  pass(seconds: number): Promise<void>;
  readonly movable: boolean;
}

export interface ContractContext {
  target: { name: string; region: string; accountId: string };
  /** The stack's fields; reading one that provisioning did not produce throws a not-run signal naming why. */
  stack: StackDescription;
  provisioning: ProvisioningRecord | undefined;
  /** Reading an output that no earlier contract produced throws a not-run signal naming the producer. */
  outputs: FlowOutputs;
  /** Clients with the developer's (backend) credentials. */
  clients: AwsClients;
  /** Clients signing with other credentials (the Cognito identity's), at the target's clock. */
  clientsWith(credentials: AwsCredentials): AwsClients;
  /** The base URL of a service's endpoint (for raw, unsigned calls). */
  serviceUrl(service: 'cognito-identity' | 'sts'): string;
  /** Where the target serves the OpenID token keys. */
  jwksUrl: string;
  executeApi: ExecuteApi;
  clock: TargetClock;
  /** Runs an SDK call and returns its outcome (a response or an AWS error), never throwing for AWS errors. */
  call(send: Promise<object>): Promise<Outcome>;
  /** A unique suffix for this run, for names a contract creates. */
  runId: string;
}

export interface ErrorExpectation {
  /** The error code (`err.name` in SDK v3, `x-amzn-ErrorType` for execute-api); several when AWS's is unsure. */
  code: string | readonly string[];
  status: number;
  message?: RegExp;
  /** For execute-api: the `x-amzn-ErrorType` header. */
  errorType?: string;
}

/** A semantic check: returns the differences it found (none when the response is right). */
export type SemanticCheck = (body: JsonValue, ctx: ContractContext, outcome: Outcome) => string[] | Promise<string[]>;

export type Expectation =
  | { kind: 'response'; status?: number; schema: z.ZodType; checks?: Record<string, SemanticCheck> }
  | { kind: 'error'; error: ErrorExpectation };

export interface Contract {
  /** `<step>.<case>`, stable across releases (reports and snapshots key on it). */
  id: string;
  step: StepId;
  title: string;
  /** The request in words: operation and the parameters that matter, with placeholders for scenario values. */
  request: string;
  status: ContractStatus;
  source: ContractSource;
  /**
   * It adds to the stack's resources (a permission, …): not run on a stack given with `--stack`, which is not ours.
   */
  changesStack?: true;
  /** Outputs of earlier contracts this one needs; it is not run (with the reason) when one is missing. */
  requires?: ReadonlyArray<keyof FlowOutputs>;
  /** Performs the request (built from the stack and earlier outputs) and returns what came back. */
  run(ctx: ContractContext): Promise<Outcome>;
  expect: Expectation;
  /** What later contracts may use from the outcome (read even when a check failed, so a run can go on). */
  provides?: Provision;
}

/** An output a contract hands on: which one, and how to read it from the outcome (undefined when absent). */
export type Provision = {
  [K in keyof FlowOutputs]: { output: K; read(outcome: Outcome, ctx: ContractContext): FlowOutputs[K] | undefined };
}[keyof FlowOutputs];
