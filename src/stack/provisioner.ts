import { sdkErrorOutcome, toJson, type Outcome } from '../../contracts/outcome.js';
import type { AwsClients, ProvisioningRecord, StackDescription } from '../../contracts/types.js';
import type { StackNames } from './names.js';
import { Teardown } from './teardown.js';

export interface ProvisionOptions {
  runId: string;
  region: string;
  accountId: string;
  names: StackNames;
  tags: Record<string, string>;
  /** The base URL of a deployed stage on the target (`https://<id>.execute-api.<region>.amazonaws.com/<stage>` on AWS). */
  apiBaseUrl(restApiId: string, stage: string): string;
  /** True on real AWS: wait out IAM propagation and API Gateway's delete throttling. */
  eventuallyConsistent: boolean;
  onCall?: (call: string, outcome: Outcome) => void;
  /** Once aborted (Ctrl-C), no further call is sent; what exists is still torn down. */
  signal?: AbortSignal;
}

/**
 * Makes the provisioning calls one by one: records each call's outcome (the contracts of steps 1, 2, 6 and 7 check
 * them), registers the undo of everything created, and lets a failed call skip only what depends on it.
 */
export class Provisioner {
  readonly record: ProvisioningRecord = {};
  readonly teardown = new Teardown();
  readonly stack: Partial<StackDescription>;
  readonly failures: string[] = [];
  /** Steps left out on purpose, each with the reason (not failures: the stack works without them). */
  readonly skipped: string[] = [];

  constructor(
    readonly clients: AwsClients,
    readonly options: ProvisionOptions,
  ) {
    this.stack = { region: options.region, accountId: options.accountId };
  }

  /**
   * Sends one call; its output, or undefined when it failed (the failure is recorded). A failure `skipWhen` explains
   * (answers a reason for) is recorded as a skipped step instead of a failure.
   */
  async call<T extends object>(
    name: string,
    send: () => Promise<T>,
    skipWhen?: (error: unknown) => string | undefined,
  ): Promise<T | undefined> {
    if (this.options.signal?.aborted) return undefined;
    try {
      const output = await send();
      const status = (output as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      this.remember(name, { kind: 'response', status, body: toJson(output) });
      return output;
    } catch (error) {
      const outcome = sdkErrorOutcome(error);
      this.remember(name, outcome);
      const skipReason = skipWhen?.(error);
      if (skipReason) {
        this.skipped.push(`${name}: ${skipReason}`);
        return undefined;
      }
      this.failures.push(`${name}: ${outcome.code}${outcome.status ? ` (${outcome.status})` : ''}: ${outcome.message}`);
      return undefined;
    }
  }

  private remember(name: string, outcome: Outcome): void {
    this.record[name] = outcome;
    this.options.onCall?.(name, outcome);
  }
}
