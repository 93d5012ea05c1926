import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getCredentialsForIdentity,
  getDeveloperToken,
  renderJson,
  signedFetch,
  type ContractResult,
  type IdentityCredentials,
  type TargetRun,
} from '../../src/index.js';
import { builtCli, startProcess, which, type RunningProcess } from '../support/child-processes.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? which('chromium') ?? which('chromium-browser');
const skipReason = chromiumPath
  ? undefined
  : 'no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)';
if (skipReason) process.stdout.write(`console browser tests skipped: ${skipReason}\n`);

const artifacts = join(process.cwd(), 'test-artifacts', 'console');
// Set to refresh the README's picture from this run: IDPOOL_UPDATE_DOCS_IMAGE=1 npx vitest run test/browser/console
const docsImage = process.env.IDPOOL_UPDATE_DOCS_IMAGE
  ? join(process.cwd(), 'docs', 'images', 'console-requests.png')
  : '';

/** What the page shows, as the DOM holds it. */
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

interface Settings {
  endpoint: string;
  region: string;
  identityPoolId: string;
  developerProviderName: string;
  apiUrls: { path: string; host: string };
  credentials: { accessKeyId: string; secretAccessKey: string };
}

describe.skipIf(skipReason !== undefined)('the console in headless Chromium against `idpool up`', () => {
  let up: RunningProcess;
  let settings: Settings;
  let console: string;
  let apiId: string;
  let credentials: IdentityCredentials;
  let browser: Browser;
  let page: Page;
  const developerUserId = `console-user-${process.pid}`;
  const seen: string[] = [];

  const call = async (path: string, signing: IdentityCredentials = credentials) => {
    const response = await signedFetch(`${settings.apiUrls.path}${path}`, { method: 'GET' }, signing, {
      region: settings.region,
    });
    return { status: response.status, body: await response.text() };
  };
  const shot = async (name: string) => {
    const file = join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    seen.push(await page.content());
    return file;
  };

  beforeAll(async () => {
    up = await startProcess(
      process.execPath,
      [builtCli(), 'up', '--port', '0', '--no-settings-file'],
      /(http:\/\/[\d.]+:\d+) with the seed stack:\n[\s\S]*\n\}\n/,
      60_000,
    );
    const printed = up.output();
    settings = JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1)) as Settings;
    console = `${settings.endpoint}/_idpool/console`;
    apiId = /\/restapis\/([^/]+)\//.exec(settings.apiUrls.path)?.[1] ?? '';
    // The seed flow: the backend's GetOpenIdTokenForDeveloperIdentity, the client's GetCredentialsForIdentity, a
    // signed GET /hello; then a route the role may not invoke, and a call signed with a wrong secret key.
    const login = await getDeveloperToken(
      { endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials },
      {
        identityPoolId: settings.identityPoolId,
        developerProviderName: settings.developerProviderName,
        developerUserId,
      },
    );
    credentials = await getCredentialsForIdentity({ ...login, region: settings.region, endpoint: settings.endpoint });
    expect(await call('/hello')).toMatchObject({ status: 200 });
    expect((await call('/private')).status).toBe(403);
    expect((await call('/hello', { ...credentials, secretAccessKey: 'not-the-secret' })).status).toBe(403);
    await mkdir(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath: chromiumPath as string,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--headless', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await up?.stop();
  });

  it('the identity browser finds the identity by its developer user id and shows its login', async () => {
    await page.goto(`${console}/`);
    await page.getByRole('link', { name: 'Identity pools', exact: true }).click();
    await page
      .getByRole('link', { name: /^idpool-/ })
      .first()
      .click();
    await expect.poll(() => page.locator('h2', { hasText: 'Identity browser' }).count()).toBe(1);
    expect(await text(page.locator('main'))).toContain(settings.developerProviderName);
    await page.getByLabel('Identity ID or developer user ID').fill(developerUserId);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator('tr', { hasText: developerUserId });
    await row.waitFor();
    expect(await page.locator('section', { hasText: 'Identity browser' }).locator('tbody tr').count()).toBe(1);
    const shown = await text(row);
    expect(shown).toContain(credentials.identityId);
    expect(shown).toContain(`${settings.developerProviderName} ${developerUserId}`);
    expect(new URL(page.url()).searchParams.get('search')).toBe(developerUserId);
    await shot('identity-browser');
    await row.getByRole('link', { name: credentials.identityId }).click();
    await page.locator('h2', { hasText: 'Recent requests' }).waitFor();
    await expect.poll(() => page.locator('main tbody tr', { hasText: 'Invoke' }).count()).toBeGreaterThanOrEqual(2);
    await shot('identity');
  });

  it('the request inspector lists the denied call, names the action and the resource, and what to add', async () => {
    await page.goto(`${console}/requests`);
    await page.getByLabel('Decision').selectOption('denied');
    await page.getByRole('button', { name: 'Filter' }).click();
    const denied = page.locator('tbody tr', { hasText: '/private' });
    await denied.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await text(denied)).toContain('implicit-deny');
    await denied.getByRole('link').click();
    await page.locator('h2', { hasText: 'Why' }).waitFor();
    const resource = `arn:aws:execute-api:${settings.region}:000000000000:${apiId}/dev/GET/private`;
    const main = await text(page.locator('main'));
    expect(main).toContain('execute-api:Invoke');
    expect(main).toContain(resource);
    const statement = page.locator('h3:text-is("Statement to add") ~ pre').first();
    expect(JSON.parse(await text(statement))).toEqual({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: resource,
    });
    expect(await page.getByRole('button', { name: 'Copy statement' }).count()).toBe(1);
    const file = await shot('request-denied');
    if (docsImage) await copyFile(file, docsImage);
  });

  it("the badly signed call's page shows the first line where a pasted canonical request differs", async () => {
    await page.goto(`${console}/requests?status=403`);
    const forged = page.locator('tbody tr', { hasText: 'InvalidSignatureException' });
    await forged.waitFor();
    await forged.getByRole('link').click();
    const computed = page.locator('h3:text-is("Canonical request the emulator computed") + pre');
    await computed.waitFor();
    const lines = (await text(computed)).trimEnd().split('\n');
    expect(lines[0]).toBe('GET');
    expect(lines[1]).toBe(`${new URL(settings.apiUrls.path).pathname}/hello`);
    // A client that signed the path without its stage, otherwise the same request.
    const mine = [lines[0], '/hello', ...lines.slice(2)].join('\n');
    await page.getByLabel("Your client's canonical request (or string-to-sign)").fill(mine);
    const result = page.locator('.diff-result');
    await expect.poll(() => text(result)).toContain('first differs at line 2');
    expect(await text(result)).toContain('/hello');
    expect((await text(page.locator('.line.differs'))).trimEnd()).toBe(lines[1]);
    await page.getByLabel("Your client's canonical request (or string-to-sign)").fill(`${lines.join('\r\n')}\r\n`);
    await expect.poll(() => text(result)).toContain("the same as the emulator's");
    await page.getByLabel("Your client's canonical request (or string-to-sign)").fill(mine);
    await shot('request-signature');
  });

  it('lists a new request live, without a reload', async () => {
    await page.goto(`${console}/requests?service=execute-api`);
    await page.locator('.live', { hasText: 'live' }).waitFor();
    const before = await page.locator('tbody tr').count();
    expect((await call('/hello')).status).toBe(200);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(before + 1);
  });

  it('keeps listing new requests by polling with `after` where no event stream can be opened', async () => {
    const polling = await browser.newPage();
    await polling.addInitScript('delete window.EventSource');
    await polling.goto(`${console}/requests?service=execute-api&status=2xx`);
    await polling.locator('.live', { hasText: 'polling' }).waitFor();
    const before = await polling.locator('tbody tr').count();
    expect((await call('/hello')).status).toBe(200);
    expect((await call('/private')).status).toBe(403);
    await expect.poll(() => polling.locator('tbody tr').count(), { timeout: 10_000 }).toBe(before + 1);
    await polling.close();
  });

  it("shows a reported contract run's parity matrix", async () => {
    const result = (id: string, verdict: ContractResult['verdict'], differences: string[] = []): ContractResult => ({
      id,
      step: 'get-credentials-for-identity',
      title: `contract ${id}`,
      status: 'validated',
      source: 'docs/aws-behaviour.md',
      verdict,
      differences,
      durationMs: 1,
    });
    const target = (name: string, results: ContractResult[]): TargetRun => ({
      target: name,
      state: 'ran',
      results,
      provisioningFailures: [],
      teardownFailures: [],
      durationMs: 10,
      contractsMs: 5,
      provisioningMs: 5,
    });
    const document = renderJson({
      startedAt: new Date().toISOString(),
      durationMs: 20,
      interrupted: false,
      targets: [
        target('embedded', [result('a', 'passed'), result('b', 'passed')]),
        target('localstack', [result('a', 'passed'), result('b', 'failed', ['Expiration: expected a date'])]),
      ],
    });
    const posted = await fetch(`${console}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: document,
    });
    expect(posted.status).toBe(200);
    await page.goto(`${console}/runs`);
    const row = page.locator('table.matrix tbody tr', { hasText: 'contract b' });
    await row.waitFor();
    expect(await text(page.locator('table.matrix thead'))).toMatch(/embedded.*localstack/s);
    expect(await text(row)).toMatch(/pass.*FAIL.*Expiration: expected a date/s);
    await shot('runs');
  });

  it('shows the roles, the API with its curl line, and the function, and is readable 400 px wide', async () => {
    await page.goto(`${console}/apis/${apiId}`);
    await page.locator('h2', { hasText: 'Stages' }).waitFor();
    expect(await text(page.locator('main'))).toContain("curl --aws-sigv4 'aws:amz:us-east-1:execute-api'");
    await shot('api');
    await page.goto(`${console}/roles`);
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.locator('h2', { hasText: 'Trust policy' }).waitFor();
    expect(await text(page.locator('main'))).toContain('cognito-identity.amazonaws.com');
    await shot('role');
    await page.goto(`${console}/functions`);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.locator('h2', { hasText: 'Recent invocations' }).waitFor();
    await expect.poll(() => page.locator('.invocations li').count()).toBeGreaterThanOrEqual(1);
    await shot('function');
    await page.setViewportSize({ width: 400, height: 800 });
    for (const path of ['/requests', `/pools/${encodeURIComponent(settings.identityPoolId)}`]) {
      await page.goto(`${console}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    }
    await shot('narrow-pool');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is keyboard-navigable: a skip link first, then real links with a visible focus', async () => {
    await page.goto(`${console}/`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Identity pools');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Identity pools' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/_idpool/console/pools');
  });

  it("explains expired credentials with the emulator's clock", async () => {
    const clock = await fetch(`${settings.endpoint}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 2 * 3600 }),
    });
    expect(clock.status).toBe(200);
    expect((await call('/hello')).status).toBe(403);
    await page.goto(`${console}/requests?service=execute-api&status=403`);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.locator('h2', { hasText: 'had expired' }).waitFor();
    const main = await text(page.locator('main'));
    expect(main).toContain('Expired at (emulator clock)');
    expect(main).toContain(
      credentials.expiration
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
    );
    await shot('request-expired');
  });

  it('never shows a secret, and no page raised an error', () => {
    const everything = seen.join('\n');
    expect(everything).not.toContain('page error:');
    expect(everything).not.toContain(credentials.secretAccessKey);
    expect(everything).not.toContain(credentials.sessionToken);
    expect(seen.length).toBeGreaterThanOrEqual(9);
  });
});
