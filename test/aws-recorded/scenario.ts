import { randomBytes } from 'node:crypto';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import type { RunningEmulator } from '../../emulator/index.js';
import type { AwsCredentials } from '../support/emulator.js';
import { rootCredentials } from '../support/emulator.js';
import { ErrorCapture, errorAnswer, outputAnswer, type Json, type Protocol } from './wire-shape.js';

/**
 * A reproduction of one recorded LocalStack parity test: the same calls in the same order, through SDK v3 clients,
 * each answer handed to `match` under the name the recording gives it. A case is one recorded answer
 * (`<file>::<test>::<answer name>`).
 */
export interface Scenario {
  /** The recording's file under tests/aws/services/, without `.py` (e.g. `lambda_/test_lambda_api`). */
  file: string;
  /** `<Class>::<test>[<parameters>]` as in the snapshot key. */
  test: string;
  /** Recorded entries holding the test's own input (a name it chose): matched for the placeholders, no case. */
  inputs?: string[];
  /** Recorded entries not reproduced (CloudWatch logs, services idpool does not emulate), with the reason. */
  omitted?: Record<string, string>;
  run(t: ReplayContext): Promise<void>;
}

export interface ScenarioOptions {
  inputs?: string[];
  omitted?: Record<string, string>;
}

export const scenarios: Scenario[] = [];

/** How long the replay's emulator keeps a Lambda function Pending or its update InProgress. */
export const replayLambdaTransitionMs = 60_000;

export function scenario(file: string, test: string, run: Scenario['run'], options: ScenarioOptions = {}): void {
  scenarios.push({ file, test, run, ...options });
}

export function snapshotKey(s: Pick<Scenario, 'file' | 'test'>): string {
  return `tests/aws/services/${s.file}.py::${s.test}`;
}

/** An answer as the recordings keep it, with the SDK's own result for the following calls. */
export interface Answer<Output = any> {
  ok: boolean;
  output: Output;
  error?: { name: string; message: string };
  shape: Record<string, Json>;
}

interface SdkClient {
  send(command: unknown): Promise<unknown>;
  middlewareStack: unknown;
}

interface ServiceCaller {
  <Output = any>(command: object): Promise<Answer<Output>>;
  client: SdkClient;
}

function caller(service: string, protocol: Protocol, client: SdkClient): ServiceCaller {
  const capture = new ErrorCapture();
  capture.attach(client.middlewareStack as never);
  const call = async (command: object): Promise<Answer> => {
    capture.last = undefined;
    try {
      const output = (await client.send(command)) as { $metadata?: { httpStatusCode?: number } };
      return { ok: true, output, shape: outputAnswer(service, output) };
    } catch (error) {
      if (!capture.last) throw error;
      const { name, message } = error as Error;
      return {
        ok: false,
        output: undefined,
        error: { name, message },
        shape: errorAnswer(service, protocol, capture.last),
      };
    }
  };
  return Object.assign(call, { client }) as ServiceCaller;
}

export interface Callers {
  lambda: ServiceCaller;
  iam: ServiceCaller;
  sts: ServiceCaller;
  apigateway: ServiceCaller;
}

export function callersFor(
  emulator: Pick<RunningEmulator, 'url'>,
  region: string,
  credentials: AwsCredentials = rootCredentials,
): Callers {
  const config = { endpoint: emulator.url, region, credentials, maxAttempts: 1 };
  return {
    lambda: caller('lambda', 'restJson', new LambdaClient(config) as unknown as SdkClient),
    iam: caller('iam', 'query', new IAMClient(config) as unknown as SdkClient),
    sts: caller('sts', 'query', new STSClient(config) as unknown as SdkClient),
    apigateway: caller('apigateway', 'restJson', new APIGatewayClient(config) as unknown as SdkClient),
  };
}

export interface ReplayContext extends Callers {
  emulator: RunningEmulator;
  /** The region the recordings ran in is `<region>`; the scenarios run in the emulator's. */
  region: string;
  accountId: string;
  /** Hands an answer (or a value a test snapshotted) to the comparison under the recording's name. */
  match(name: string, value: Answer | Json): void;
  /** Clients for another region or other credentials. */
  callers(options: { region?: string; credentials?: AwsCredentials }): Callers;
  /** A unique name like LocalStack's `f"{prefix}-{short_uid()}"`. */
  name(prefix: string): string;
}

export function shortUid(): string {
  return randomBytes(4).toString('hex');
}

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && 'shape' in value && 'ok' in value;
}
