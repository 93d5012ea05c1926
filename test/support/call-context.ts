import type { Caller } from '../../emulator/auth/caller.js';
import { rootCaller } from '../../emulator/auth/caller.js';
import type { CallContext } from '../../emulator/services/service-definition.js';

/** The context an operation gets, for unit tests that call an operation's handler directly (no HTTP). */
export function callContext(overrides: Partial<CallContext> & { caller?: Caller } = {}): CallContext {
  const accountId = overrides.accountId ?? '000000000000';
  return {
    requestId: 'unit-test-request',
    now: new Date('2026-01-01T00:00:00Z'),
    sourceIp: '127.0.0.1',
    userAgent: 'unit-test',
    region: 'us-east-1',
    accountId,
    caller: rootCaller(accountId, 'test'),
    ...overrides,
  };
}
