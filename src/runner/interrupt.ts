/**
 * SIGINT/SIGTERM during a run: the first one stops sending contracts and provisioning calls and lets teardown run;
 * a second one exits at once (saying that leftovers can be removed with `idpool cleanup`).
 */
export function interruptOnSignals(onSecond: () => void = () => process.exit(130)): {
  signal: AbortSignal;
  dispose(): void;
} {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(
        `idpool: ${name} again, exiting without finishing the teardown; remove leftovers with idpool cleanup\n`,
      );
      onSecond();
      return;
    }
    process.stderr.write(
      `idpool: ${name}, stopping after the current step and tearing down (${name} again to exit at once)\n`,
    );
    controller.abort(new Error(name));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
