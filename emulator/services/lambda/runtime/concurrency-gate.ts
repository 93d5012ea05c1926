/**
 * A function's concurrent executions. Synchronous invocations beyond the limit are refused (the caller answers
 * TooManyRequestsException); asynchronous ones wait in line, as Lambda's internal queue holds them.
 */
export class ConcurrencyGate {
  private inFlight = 0;
  private readonly waiting: { limit: number; enter(): void }[] = [];

  get executing(): number {
    return this.inFlight;
  }

  tryEnter(limit: number): boolean {
    if (this.inFlight >= limit) return false;
    this.inFlight++;
    return true;
  }

  enterInTurn(limit: number): Promise<void> {
    if (this.waiting.length === 0 && this.tryEnter(limit)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ limit, enter: resolve }));
  }

  leave(): void {
    this.inFlight--;
    const next = this.waiting[0];
    if (next && this.inFlight < next.limit) {
      this.waiting.shift();
      this.inFlight++;
      next.enter();
    }
  }
}
