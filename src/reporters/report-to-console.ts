import { signedFetch } from '../flow-client/signed-fetch.js';
import type { RunReport } from '../runner/results.js';
import { environmentCredentials } from '../targets/addressing.js';
import { renderJson } from './json.js';

/**
 * Posts the run's results.json (the json reporter's document) to an idpool emulator's console, which keeps the last
 * 20 (`POST /_idpool/console/api/runs`). Signed with the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY keys (service
 * `idpool`), as an emulator started with --strict-auth requires; others ignore the signature. Answers the run's id.
 */
export async function reportToConsole(emulatorUrl: string, report: RunReport): Promise<string> {
  const base = emulatorUrl.replace(/\/+$/, '');
  const url = `${base}/_idpool/console/api/runs`;
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: renderJson(report) };
  const credentials = environmentCredentials();
  const response = await signedFetch(url, init, credentials, { region: 'us-east-1', service: 'idpool' });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { id: string }).id;
}
