/**
 * What a run created, as undo actions in creation order. Tearing down runs them newest first, goes on past a
 * failure, and reports what could not be removed (so the user can run `idpool cleanup`).
 */
export class Teardown {
  private readonly undos: Array<{ label: string; undo: () => Promise<unknown> }> = [];

  add(label: string, undo: () => Promise<unknown>): void {
    this.undos.push({ label, undo });
  }

  get pending(): string[] {
    return this.undos.map((entry) => entry.label);
  }

  /** Runs every undo, newest first; returns the failures (`label: message`). */
  async run(onStep?: (label: string) => void): Promise<string[]> {
    const failures: string[] = [];
    while (this.undos.length > 0) {
      const { label, undo } = this.undos.pop() as { label: string; undo: () => Promise<unknown> };
      onStep?.(label);
      try {
        await undo();
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'ResourceNotFoundException' || name === 'NoSuchEntityException' || name === 'NotFoundException')
          continue;
        failures.push(`${label}: ${name ?? 'Error'}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
