import { NotRun } from '../../contracts/not-run.js';
import { httpOutcome, networkErrorOutcome, sdkOutcome } from '../../contracts/outcome.js';
import type {
  AwsClients,
  ContractContext,
  FlowOutputs,
  ProvisioningRecord,
  StackDescription,
  TargetClock,
} from '../../contracts/types.js';
import { signRequest } from '../flow-client/signed-fetch.js';
import { executeApiFetch, jwksUrl, serviceUrl } from '../targets/addressing.js';
import { clientsFor } from '../targets/clients.js';
import type { TargetSession } from '../targets/target.js';

/** The longest expiry a contract may wait out on a target whose clock cannot move. */
const maxWaitSeconds = 5;

export interface ScenarioState {
  stack: Partial<StackDescription>;
  /** Why the stack lacks parts (provisioning failures), for not-run reasons. */
  stackGaps: string[];
  provisioning: ProvisioningRecord | undefined;
  outputs: Partial<FlowOutputs>;
  /** Which contract produces each output, for not-run reasons. */
  producers: Partial<Record<keyof FlowOutputs, string>>;
  /** Set when a contract moved the target's clock (the runner puts it back). */
  clockMoved: boolean;
}

function strictView<T extends object>(values: Partial<T>, missing: (key: string) => string): T {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      const value = (target as Record<string, unknown>)[key];
      if (value === undefined || value === '') throw new NotRun(missing(key));
      return value;
    },
  }) as T;
}

export function contractContext(
  session: TargetSession,
  clients: AwsClients,
  state: ScenarioState,
  runId: string,
  accountId: string,
): ContractContext {
  const control = session.clock;
  const clock: TargetClock = {
    movable: control.movable,
    nowMs: () => Date.now() + control.offsetMs,
    pass: async (seconds) => {
      if (control.movable) {
        await control.advance(seconds);
        state.clockMoved = true;
      } else if (seconds <= maxWaitSeconds) {
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      } else {
        throw new NotRun(
          `needs a movable clock: ${seconds} s must pass, and ${session.name} keeps real time (only idpool ` +
            'exposes /_idpool/clock)',
        );
      }
    },
  };
  const send = executeApiFetch(session);
  const stack = strictView<StackDescription>(state.stack, (key) =>
    state.provisioning === undefined
      ? `the stack file does not give ${key}`
      : `the stack has no ${key}: provisioning failed (${state.stackGaps.join('; ') || 'interrupted'})`,
  );
  return {
    target: { name: session.name, region: session.region, accountId },
    stack,
    provisioning: state.provisioning,
    outputs: strictView<FlowOutputs>(state.outputs, (key) => {
      const producer = state.producers[key as keyof FlowOutputs];
      return `needs ${key} from ${producer ?? 'an earlier contract'}, which did not produce it`;
    }),
    clients,
    clientsWith: (credentials) => clientsFor(session, credentials, control.offsetMs),
    serviceUrl: (service) => serviceUrl(session, service),
    jwksUrl: jwksUrl(session),
    executeApi: {
      url: (path) => `${stack.apiUrl}${path}`,
      sign: (url, credentials, options = {}) =>
        signRequest(
          url,
          {
            method: options.method ?? 'GET',
            headers: options.headers ?? {},
            ...(options.body === undefined ? {} : { body: options.body }),
          },
          credentials,
          {
            region: session.region,
            date: options.date ?? new Date(clock.nowMs()),
          },
        ),
      request: async (url, init) => {
        const headers = Object.fromEntries(
          Object.entries(init.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'host'),
        );
        try {
          const response = await send(url, {
            method: init.method ?? 'GET',
            headers,
            ...(init.body === undefined ? {} : { body: init.body }),
            signal: AbortSignal.timeout(30_000),
          });
          return await httpOutcome(response);
        } catch (error) {
          return networkErrorOutcome(error);
        }
      },
    },
    clock,
    call: (promise) => sdkOutcome(promise),
    runId,
  };
}
