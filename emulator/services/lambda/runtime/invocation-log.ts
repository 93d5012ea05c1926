/** The platform lines Lambda writes around an invocation's own output, and the 4 KB tail Invoke returns. */
export interface InvocationLogParts {
  requestId: string;
  version: string;
  /** Output written during the function's initialization (a cold start): CloudWatch shows it before START. */
  initOutput: string;
  output: string;
  durationMs: number;
  memorySize: number;
  maxMemoryUsedMb: number | undefined;
  initDurationMs: number | undefined;
  timeoutLine: string | undefined;
}

export function reportLine(parts: InvocationLogParts): string {
  const billedMs = Math.max(1, Math.ceil(parts.durationMs));
  let line =
    `REPORT RequestId: ${parts.requestId}\tDuration: ${parts.durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${billedMs} ms\t` +
    `Memory Size: ${parts.memorySize} MB\tMax Memory Used: ${parts.maxMemoryUsedMb ?? parts.memorySize} MB\t`;
  if (parts.initDurationMs !== undefined) line += `Init Duration: ${parts.initDurationMs.toFixed(2)} ms\t`;
  if (parts.timeoutLine !== undefined) line += 'Status: timeout';
  return line;
}

export function invocationLog(parts: InvocationLogParts): string {
  const lines = [parts.initOutput, `START RequestId: ${parts.requestId} Version: ${parts.version}\n`, parts.output];
  if (parts.output !== '' && !parts.output.endsWith('\n')) lines.push('\n');
  if (parts.timeoutLine !== undefined) lines.push(`${parts.timeoutLine}\n`);
  lines.push(`END RequestId: ${parts.requestId}\n`, `${reportLine(parts)}\n`);
  return lines.join('');
}

const tailBytes = 4096;

/** `X-Amz-Log-Result`: the last 4 KB of the invocation's log, base64-encoded. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return (bytes.byteLength > tailBytes ? bytes.subarray(bytes.byteLength - tailBytes) : bytes).toString('base64');
}
