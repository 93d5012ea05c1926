/**
 * The emulator's movable clock. Every expiry (tokens, credentials) and every signature-time check reads it, so a
 * test can advance time past an expiry instead of waiting (`POST /_idpool/clock`).
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  /** Milliseconds since the epoch, as the emulator sees it. */
  nowMs(): number {
    return this.realNow() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  /** Moves the clock forward (or back, with a negative value) by `seconds`. */
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  /** Sets the clock to real time plus `seconds`. */
  setOffset(seconds: number): void {
    this.offsetMs = seconds * 1000;
  }
}
