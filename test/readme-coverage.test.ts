import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../emulator/package-root.js';
import { loadedServices } from '../emulator/services/index.js';
import { renderCoverageTable, withCoverageTable } from '../src/docs/coverage-table.js';

describe("the README's coverage table", () => {
  it('is the one the operation tables produce (run `npm run docs` after changing a table)', async () => {
    const readme = readFileSync(`${packageRoot}/README.md`, 'utf8');
    expect(withCoverageTable(readme, renderCoverageTable(await loadedServices()))).toBe(readme);
  });

  it('lists each emulated operation under its service', async () => {
    expect(renderCoverageTable(await loadedServices())).toMatch(/\| Cognito Identity \| awsJson1_1 \| \d+ of 23 \|/);
  });
});
