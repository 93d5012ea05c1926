/** The first line where two texts differ (1-based), or undefined when they are the same line for line. */
export function firstDifference(
  expected: string,
  actual: string,
): { line: number; expected?: string; actual?: string } | undefined {
  const left = normalize(expected);
  const right = normalize(actual);
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    if (left[index] !== right[index]) return { line: index + 1, expected: left[index], actual: right[index] };
  }
  return undefined;
}

// Pasted text often comes with Windows line ends or a trailing newline a terminal added; neither is part of what is
// signed, where lines are joined by a single \n and the last has none.
function normalize(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
