import { randomUUID } from 'node:crypto';
import { parseJsonBody } from '../../protocols/body-checks.js';
import type { IncomingRequest } from '../../protocols/wire.js';
import type { EmulatorRuntime } from '../../runtime.js';
import { badRequest, ConsoleError, isRecord } from './console-http.js';
import { consoleState } from './console-state.js';

const keptRuns = 20;
/** A results.json of every contract on a few targets is well under this. */
const maxRunBytes = 5 * 1024 * 1024;

/** What makes a document a runner's results.json (src/reporters/json.ts): its tool, and targets with results. */
function checkResults(document: unknown): void {
  if (!isRecord(document) || document.tool !== 'idpool') {
    throw badRequest(
      'The body is not an idpool results.json: it needs "tool": "idpool" (idpool contracts run --reporter json).',
    );
  }
  if (typeof document.startedAt !== 'string' || !Array.isArray(document.targets)) {
    throw badRequest('The results.json needs "startedAt" (a string) and "targets" (a list).');
  }
  for (const target of document.targets) {
    if (
      !isRecord(target) ||
      typeof target.target !== 'string' ||
      typeof target.state !== 'string' ||
      !Array.isArray(target.results)
    ) {
      throw badRequest('Each of "targets" needs "target" and "state" (strings) and "results" (a list).');
    }
  }
}

/** `POST api/runs`: keeps a contract run's results.json (the last 20, in memory). */
export function receiveRun(runtime: EmulatorRuntime, request: IncomingRequest): object {
  if (request.body.byteLength > maxRunBytes) {
    throw new ConsoleError(413, `A results.json of more than ${maxRunBytes} bytes is not kept.`);
  }
  let document: unknown;
  try {
    document = parseJsonBody(request.body);
  } catch (error) {
    throw badRequest(`The body is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkResults(document);
  const { runs } = consoleState(runtime);
  const id = randomUUID();
  runs.unshift({ id, receivedAt: runtime.clock.now().toISOString(), results: document });
  if (runs.length > keptRuns) runs.length = keptRuns;
  return { id };
}

/** `GET api/runs`: newest first. */
export function listRuns(runtime: EmulatorRuntime): object {
  return { runs: consoleState(runtime).runs };
}
