/** API Gateway's list operations answer 25 items unless `limit` says otherwise (at most 500). */
const defaultPageSize = 25;
const maxPageSize = 500;

export interface Page<T> {
  items: T[];
  /** The key of the first item of the next page, when there is one. */
  position?: string;
}

/**
 * One page of `items` (already in their listing order), starting at the item whose key is `position`.
 * An unknown position starts past the end [unverified: AWS's position tokens are opaque].
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  position: string | undefined,
  limit: number | undefined,
): Page<T> {
  const size = Math.min(Math.max(limit ?? defaultPageSize, 1), maxPageSize);
  const start = position === undefined ? 0 : items.findIndex((item) => keyOf(item) === position);
  if (start === -1) return { items: [] };
  const page = items.slice(start, start + size);
  const next = items[start + size];
  return next === undefined ? { items: page } : { items: page, position: keyOf(next) };
}
