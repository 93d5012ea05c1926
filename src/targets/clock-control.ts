import { signedFetch, type SignedRequestInit, type SigningCredentials } from '../flow-client/signed-fetch.js';

/**
 * The target's clock as idpool can steer it. idpool's emulator exposes `POST /_idpool/clock`; other targets keep
 * real time, so expiries there can only be waited for.
 */
export interface ClockControl {
  readonly movable: boolean;
  /** How far the target's clock is ahead of real time, in ms. */
  readonly offsetMs: number;
  advance(seconds: number): Promise<void>;
  /** Puts the clock back where it was before the first advance. */
  restore(): Promise<void>;
}

export const realClock: ClockControl = {
  movable: false,
  offsetMs: 0,
  advance: () => Promise.reject(new Error('this target keeps real time')),
  restore: () => Promise.resolve(),
};

/** Whether `endpoint` is an idpool emulator with its admin routes (`GET /_idpool/health`). */
export async function isIdpoolEmulator(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/_idpool/health`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { status?: unknown; services?: unknown };
    return body.status === 'ok' && typeof body.services === 'object';
  } catch {
    return false;
  }
}

/**
 * The idpool clock of `endpoint`. Requests are signed with `credentials` (service `idpool`), as an emulator started
 * with `--strict-auth` requires of its admin routes; others ignore the signature.
 */
export async function idpoolClock(endpoint: string, credentials?: SigningCredentials): Promise<ClockControl> {
  const url = `${endpoint}/_idpool/clock`;
  const call = (init: SignedRequestInit): Promise<Response> =>
    credentials ? signedFetch(url, init, credentials, { region: 'us-east-1', service: 'idpool' }) : fetch(url, init);
  const post = async (body: object): Promise<number> => {
    const headers = { 'content-type': 'application/json' };
    const response = await call({ method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`POST ${endpoint}/_idpool/clock answered ${response.status}`);
    return ((await response.json()) as { offsetSeconds: number }).offsetSeconds;
  };
  const current = await call({ method: 'GET' });
  if (current.status !== 200) throw new Error(`GET ${endpoint}/_idpool/clock answered ${current.status}`);
  const initial = ((await current.json()) as { offsetSeconds: number }).offsetSeconds;
  let offsetSeconds = initial;
  return {
    movable: true,
    get offsetMs() {
      return offsetSeconds * 1000;
    },
    advance: async (seconds) => {
      offsetSeconds = await post({ advanceSeconds: seconds });
    },
    restore: async () => {
      if (offsetSeconds !== initial) offsetSeconds = await post({ offsetSeconds: initial });
    },
  };
}
