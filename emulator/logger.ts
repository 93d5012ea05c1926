import type { LogLevel } from './config.js';

const order: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Plain line logging. Nothing secret is ever passed to it: keys, secrets, session tokens and JWTs stay out. */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  enabled(level: LogLevel): boolean {
    return order[level] <= order[this.level];
  }

  log(level: LogLevel, message: string): void {
    if (this.enabled(level)) this.sink(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`);
  }

  error(message: string): void {
    this.log('error', message);
  }

  warn(message: string): void {
    this.log('warn', message);
  }

  info(message: string): void {
    this.log('info', message);
  }

  debug(message: string): void {
    this.log('debug', message);
  }
}
