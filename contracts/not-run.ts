/**
 * Thrown while a contract runs when it cannot run on this target or in this scenario (an output an earlier contract
 * did not produce, a clock that cannot move). The runner reports the contract as not run, with the reason.
 */
export class NotRun extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotRun';
  }
}

export function isNotRun(error: unknown): error is NotRun {
  return error instanceof Error && error.name === 'NotRun' && typeof (error as NotRun).reason === 'string';
}
