import type { LogLevel } from './config.js';

const order: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Query parameters that carry a credential or a signature: presigned SigV4 URLs and Lambda code URLs. */
const secretParameters = /([?&](?:x-amz-security-token|x-amz-signature|x-amz-credential|signature)=)[^&#\s]*/gi;

/** The URL with the values of its secret-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(secretParameters, '$1REDACTED');
}

/**
 * Plain line logging. Nothing secret is ever passed to it: keys, secrets, session tokens and JWTs stay out; URLs'
 * signature and credential query parameters are redacted from every line, whoever wrote it.
 */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  enabled(level: LogLevel): boolean {
    return order[level] <= order[this.level];
  }

  log(level: LogLevel, message: string): void {
    if (!this.enabled(level)) return;
    this.sink(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${redactUrl(message)}`);
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
