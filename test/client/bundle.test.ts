import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../support/browser-bundle.js';
import { builtCli } from '../support/child-processes.js';

describe('idpool/client in a browser bundle', () => {
  beforeAll(() => void builtCli(), 300_000);

  it('esbuild bundles it for the browser platform: no error or warning, no Node built-in, no AWS SDK', async () => {
    const bundle = await bundleForBrowser({
      contents:
        "import { cognitoCredentials, getCredentialsForIdentity, signedFetch } from 'idpool/client';\n" +
        'export { cognitoCredentials, getCredentialsForIdentity, signedFetch };',
    });
    expect(bundle.errors).toEqual([]);
    expect(bundle.warnings).toEqual([]);
    const builtins = new Set(builtinModules);
    expect(bundle.inputs.filter((input) => input.startsWith('node:') || builtins.has(input))).toEqual([]);
    expect(bundle.inputs.some((input) => input.includes('dist/src/client/'))).toBe(true);
    expect(bundle.inputs.filter((input) => /node_modules\/(@aws-sdk|aws4|better-sqlite3)\//.test(input))).toEqual([]);
    expect(bundle.code.length).toBeLessThan(100_000);
  });

  it('the Node entry is not for browsers: bundling `idpool` fails (so the check above can fail)', async () => {
    const bundle = await bundleForBrowser({ contents: "export { signedFetch } from 'idpool';" });
    expect(bundle.errors.length).toBeGreaterThan(0);
  });
});
