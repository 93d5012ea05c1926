/** Whether `mediaType` (`type/subtype`, lower-case) is covered by a binary media type (`image/png`, `image/*`). */
export function mediaTypeMatches(mediaType: string, pattern: string): boolean {
  const [type, subtype] = mediaType.split('/');
  const [patternType, patternSubtype] = pattern.toLowerCase().split('/');
  return (patternType === '*' || patternType === type) && (patternSubtype === '*' || patternSubtype === subtype);
}

/** The first media type of a header such as Accept or Content-Type, without parameters, lower-case. */
export function firstMediaType(header: string | undefined): string {
  return (header ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
}
