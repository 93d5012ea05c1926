/**
 * The emulator's movable clock. Every expiry (tokens, credentials) and every signature-time check reads it, so a
 * test can advance time past an expiry instead of waiting (`POST /_idpool/clock`).
 */
/** How far the clock may be moved from real time: a century, enough for any expiry and within Date's range. */
const maxClockOffsetSeconds = 100 * 365.25 * 24 * 3600;

export class ClockRangeError extends RangeError {}

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
    this.setOffset(this.offsetMs / 1000 + seconds);
  }

  /** Sets the clock to real time plus `seconds`. */
  setOffset(seconds: number): void {
    if (!Number.isFinite(seconds) || Math.abs(seconds) > maxClockOffsetSeconds) {
      throw new ClockRangeError(
        `the clock may move at most ${maxClockOffsetSeconds} seconds (100 years) from real time; ` +
          `that would be ${seconds} seconds`,
      );
    }
    this.offsetMs = Math.round(seconds * 1000);
  }
}
