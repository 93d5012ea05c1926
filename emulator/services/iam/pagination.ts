import { iamErrors } from './errors.js';

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  /** Present only when IsTruncated: where the next call starts. */
  Marker?: string;
}

/** IAM's default and largest page sizes (model: maxItemsType 1–1000; documentation: default 100). */
const defaultMaxItems = 100;

function encodeMarker(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeMarker(marker: string): string {
  const key = Buffer.from(marker, 'base64url').toString('utf8');
  if (encodeMarker(key) !== marker) throw iamErrors.invalidMarker();
  return key;
}

/**
 * One page of `items` in the order of `sortKey`, IAM style: `Marker` names the last item returned, and the next
 * call starts after it, so a page stays right when items before it were deleted meanwhile.
 */
export function paginate<T>(
  items: T[],
  sortKey: (item: T) => string,
  marker: string | undefined,
  maxItems: number | undefined,
): Page<T> {
  const keyed = items
    .map((item) => ({ item, key: sortKey(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = marker === undefined ? undefined : decodeMarker(marker);
  const rest = after === undefined ? keyed : keyed.filter((entry) => entry.key > after);
  const size = maxItems ?? defaultMaxItems;
  const page = rest.slice(0, size);
  const truncated = rest.length > size;
  return {
    items: page.map((entry) => entry.item),
    IsTruncated: truncated,
    ...(truncated ? { Marker: encodeMarker((page.at(-1) as (typeof page)[number]).key) } : {}),
  };
}

/** A sort key that orders names as IAM compares them (without case), ties broken by a unique suffix. */
export function nameKey(name: string, unique: string = name): string {
  return `${name.toLowerCase()}\u0000${unique}`;
}
