import { describe, expect, it } from 'vitest';
import { InvocationHistory } from '../../emulator/services/lambda/runtime/invocation-history.js';

const key = { accountId: '000000000000', region: 'us-east-1', name: 'hello' };

describe("a function's invocation history", () => {
  it('keeps no credentials the function printed, whatever the line around them', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = `IQoJb3JpZ2luX2VjE${'A1b+/'.repeat(64)}==`;
    const history = new InvocationHistory();
    const log = `START\nenv: {"AWS_SECRET_ACCESS_KEY":"${secret}","AWS_SESSION_TOKEN":"${token}"}\nEND\n`;
    const failure = JSON.stringify({ errorType: 'Error', errorMessage: `bad key ${secret}` });
    history.record(
      key,
      { requestId: 'r1' },
      { ok: false, body: failure, timedOut: false, durationMs: 2 },
      0,
      () => log,
    );
    const [kept] = history.of(key);
    expect(kept?.logs).not.toContain(secret);
    expect(kept?.logs).not.toContain(token.slice(20, 60));
    expect(kept?.logs).toContain('"AWS_SECRET_ACCESS_KEY":"<redacted secret>"');
    expect(kept?.errorMessage).toBe('bad key <redacted secret>');
  });

  it('keeps ordinary output as written', () => {
    const history = new InvocationHistory();
    const log = 'hello user 42, request 0123456789abcdef\n';
    history.record(key, { requestId: 'r2' }, { ok: true, body: '{}', timedOut: false, durationMs: 1 }, 0, () => log);
    expect(history.of(key)[0]?.logs).toBe(log);
  });
});
