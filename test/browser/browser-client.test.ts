import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDeveloperToken } from '../../src/index.js';
import { bundleForBrowser } from '../support/browser-bundle.js';
import { builtCli, startProcess, which, type RunningProcess } from '../support/child-processes.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? which('chromium') ?? which('chromium-browser');
const skipReason = chromiumPath
  ? undefined
  : 'no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)';
if (skipReason) process.stdout.write(`browser tests skipped: ${skipReason}\n`);

interface Settings {
  endpoint: string;
  region: string;
  identityPoolId: string;
  developerProviderName: string;
  apiUrls: { path: string; host: string };
  credentials: { accessKeyId: string; secretAccessKey: string };
  restApiId?: string;
}

describe.skipIf(skipReason !== undefined)(
  "the seed's client half in headless Chromium, page on another origin, against `idpool up`",
  () => {
    let up: RunningProcess;
    let settings: Settings;
    let site: Server;
    let siteUrl: string;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const cli = builtCli();
      up = await startProcess(
        process.execPath,
        [cli, 'up', '--port', '0', '--no-settings-file'],
        /(http:\/\/[\d.]+:\d+) with the seed stack:\n[\s\S]*\n\}\n/,
        60_000,
      );
      const printed = up.output();
      settings = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1)) as Settings;
      const bundle = await bundleForBrowser({ file: new URL('./page.ts', import.meta.url).pathname });
      expect(bundle.errors).toEqual([]);
      // The app's site: its page, its bundled script, its backend's login route (the developer credentials stay here).
      site = createServer((request, response) => {
        if (request.url === '/app.js')
          return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.code);
        if (request.url === '/login' && request.method === 'POST') {
          getDeveloperToken(
            { endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials },
            {
              identityPoolId: settings.identityPoolId,
              developerProviderName: settings.developerProviderName,
              developerUserId: 'browser-user',
            },
          ).then(
            (login) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(login)),
            (error: unknown) => response.writeHead(500).end(String(error)),
          );
          return;
        }
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>app</title><script type="module" src="/app.js"></script>');
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: chromiumPath as string,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--headless',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      page = await browser.newPage();
      await page.goto(siteUrl);
      await page.waitForFunction(() => 'idpoolCall' in globalThis);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      site?.close();
      await up?.stop();
    });

    const call = (url: string, badSignature = false) =>
      page.evaluate(
        async (args) =>
          (globalThis as unknown as { idpoolCall: (a: typeof args) => Promise<unknown> }).idpoolCall(args),
        { url, endpoint: settings.endpoint, region: settings.region, badSignature },
      );

    it('the page and the API are different origins', () => {
      expect(new URL(siteUrl).origin).not.toBe(new URL(settings.endpoint).origin);
    });

    for (const form of ['path', 'host'] as const) {
      it(`gets credentials cross-origin and sees "Hello user" through the ${form}-form URL`, async () => {
        const answer = (await call(`${settings.apiUrls[form]}/hello`)) as { status: number; body: string };
        expect(answer).toMatchObject({ status: 200 });
        expect(JSON.parse(answer.body)).toMatchObject({
          message: 'Hello user',
          cognitoIdentityPoolId: settings.identityPoolId,
          cognitoAuthenticationType: 'authenticated',
        });
      });
    }

    it("reads API Gateway's 403s, not allowed and badly signed (the DEFAULT_4XX carries CORS)", async () => {
      const denied = (await call(`${settings.apiUrls.path}/private`)) as { status: number; body: string };
      expect(denied).toMatchObject({ status: 403 });
      expect(denied.body).toMatch(/is not authorized to perform: execute-api:Invoke/);
      const forged = (await call(`${settings.apiUrls.path}/hello`, true)) as { status: number; body: string };
      expect(forged).toMatchObject({ status: 403 });
      expect(forged.body).toContain('The request signature we calculated does not match the signature you provided');
    });
  },
);
