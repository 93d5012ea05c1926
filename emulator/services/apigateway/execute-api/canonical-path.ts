/** One segment of a request path: as the client spelt it, and what it means (percent-decoded). */
export interface PathSegment {
  raw: string;
  value: string;
}

/**
 * The one form of a request path that routing, the `execute-api:Invoke` resource ARN and the Lambda proxy event are
 * all derived from, so that no spelling of a path reaches a resource under another resource's ARN:
 * - empty segments dropped: leading slashes (`//dev/x`, `/dev//x`) as the recorded events show, also inner ones
 *   (`a//b`), as SigV4 normalises non-S3 paths [unverified for routing: AWS keeps an inner `//` in `path`];
 * - dot segments resolved (RFC 3986 5.2.4), after decoding, so `%2e%2e` is `..` (RFC 3986 6.2.2.2: a
 *   percent-encoded unreserved character is that character);
 * - a trailing slash ignored for routing and the ARN, kept in the event's `path` (recorded);
 * - each segment percent-decoded once for matching; `%2F` stays inside its segment, never a separator.
 * Case is kept: API Gateway's resource paths are case-sensitive.
 */
export interface CanonicalPath {
  segments: PathSegment[];
  trailingSlash: boolean;
}

const percentRun = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes every well-formed `%XX` run as UTF-8 (invalid bytes become U+FFFD); a malformed `%` stays literal. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(percentRun, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
}

export function canonicalPath(rawPath: string): CanonicalPath {
  const segments: PathSegment[] = [];
  const parts = rawPath.split('/');
  for (const raw of parts) {
    if (raw === '') continue;
    const value = percentDecode(raw);
    if (value === '.') continue;
    if (value === '..') {
      segments.pop();
      continue;
    }
    segments.push({ raw, value });
  }
  const last = parts.at(-1) as string;
  const endsInDirectory = last === '' || percentDecode(last) === '.' || percentDecode(last) === '..';
  return { segments, trailingSlash: segments.length > 0 && parts.length > 1 && endsInDirectory };
}

/** The path below the stage as the resource ARN names it: the decoded segments, `%` and `/` inside one escaped. */
export function arnPathOf(path: CanonicalPath): string {
  return path.segments.map((segment) => segment.value.replaceAll('%', '%25').replaceAll('/', '%2F')).join('/');
}

/** The event's `path`: the client's spelling of each segment (`%2B` stays `%2B`, recorded), trailing slash kept. */
export function eventPathOf(path: CanonicalPath): string {
  if (path.segments.length === 0) return '/';
  return `/${path.segments.map((segment) => segment.raw).join('/')}${path.trailingSlash ? '/' : ''}`;
}

/** The canonical path without its first segment (the stage, in the host form of the URL). */
export function belowFirstSegment(path: CanonicalPath): CanonicalPath {
  const segments = path.segments.slice(1);
  return { segments, trailingSlash: segments.length > 0 && path.trailingSlash };
}
