import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every temp folder of the run (tests' mkdtemp, the emulators' Lambda code folders, child
 * processes killed on purpose) goes under one folder of the system's temp directory, removed when the run ends, so
 * `npm test` leaves no `idpool-*` folder behind whatever a test or a killed process did not clean.
 */
export default function setup(): () => void {
  // vitest runs the setup once per project, in one process: the first run's folder serves them all (nested ones
  // would make paths too long for the Unix sockets of Chromium and Terraform's providers).
  if (process.env.IDPOOL_TEST_RUN_ROOT && process.env.TMPDIR === process.env.IDPOOL_TEST_RUN_ROOT) return () => {};
  const root = mkdtempSync(join(tmpdir(), 'idpool-test-run-'));
  // Traversable by all, as the system's temp directory is: run as root, the emulator's Lambda workers run as nobody
  // and must reach their code folders under it.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  process.env.IDPOOL_TEST_RUN_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
