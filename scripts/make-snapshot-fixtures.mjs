// Records the snapshot test fixtures from the embedded target (run `npm run build` first):
//   test/fixtures/snapshots/embedded-run.json       one run's raw results, secrets included (emulator-issued test values)
//   test/fixtures/snapshots/embedded.snapshot.json  the same run as `idpool contracts record` writes it
import { mkdirSync, writeFileSync } from 'node:fs';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { embeddedTarget, runTarget, snapshotOf } = await import('../dist/src/index.js');
const { allContracts } = await import('../dist/contracts/index.js');

const folder = new URL('../test/fixtures/snapshots/', import.meta.url);
mkdirSync(folder, { recursive: true });
const run = await runTarget(embeddedTarget(), { contracts: allContracts });
const failed = run.results.filter((result) => result.verdict !== 'passed');
if (failed.length > 0) {
  console.error(
    `not every contract passed on embedded, fixtures not written: ${failed.map((result) => result.id).join(', ')}`,
  );
  process.exit(1);
}
writeFileSync(new URL('embedded-run.json', folder), `${JSON.stringify(run, null, 2)}\n`);
writeFileSync(
  new URL('embedded.snapshot.json', folder),
  `${JSON.stringify(snapshotOf(run, '2026-01-01T00:00:00.000Z'), null, 2)}\n`,
);
console.log(`wrote embedded-run.json and embedded.snapshot.json (${run.results.length} contracts)`);
