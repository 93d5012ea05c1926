// Reads a zip's central directory (APPNOTE.TXT 6.3: end of central directory record, its zip64 form, and the
// central directory file headers) without inflating anything, and checks it against what the file can hold
// before it loops over a single entry: a 225-byte file claiming 2^31 entries is refused at once. The work is
// linear in the directory's real size.
//
// Plain JavaScript on purpose: the emulator (code-package.ts, through zip-directory.ts) checks uploads with it and
// the extraction worker thread (extract-worker.mjs) reads the entries with it, from the sources and dist/ alike.
// Entries: {name, kind: 'file' | 'directory' | 'symlink', method (0 stored, 8 deflated), compressedSize, size,
// localHeaderOffset, mode (Unix permission bits, or undefined)}.

/** The zip cannot be read (not a zip, inconsistent, encrypted, an unknown compression method). */
export class UnreadableZipError extends Error {}

/** More entries than allowed. */
export class TooManyZipEntriesError extends Error {
  constructor(entryCount) {
    super(`${entryCount} entries`);
    this.entryCount = entryCount;
  }
}

const eocdSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EocdSignature = 0x06064b50;
const centralHeaderSignature = 0x02014b50;
const eocdSize = 22;
const centralHeaderSize = 46;
const maxCommentLength = 0xffff;

function fail(reason) {
  throw new UnreadableZipError(reason);
}

function u64(view, at) {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

function findEndOfCentralDirectory(view) {
  const lowest = Math.max(0, view.byteLength - eocdSize - maxCommentLength);
  for (let at = view.byteLength - eocdSize; at >= lowest; at--) {
    if (view.getUint32(at, true) === eocdSignature && at + eocdSize + view.getUint16(at + 20, true) <= view.byteLength)
      return at;
  }
  return fail('no end of central directory record');
}

/** Entry count, central directory size and offset; the zip64 record's where there is one. */
function directoryBounds(view) {
  const eocd = findEndOfCentralDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === zip64LocatorSignature) {
    const record = u64(view, locator + 8);
    if (record + 56 > locator || view.getUint32(record, true) !== zip64EocdSignature)
      fail('no zip64 end of central directory');
    const zip64 = { count: u64(view, record + 32), size: u64(view, record + 40), offset: u64(view, record + 48) };
    // Readers differ on which record they trust: the two must agree wherever the classic one has a value.
    const disagree = (classic, unset, value) => classic !== unset && classic !== value;
    if (
      disagree(count, 0xffff, zip64.count) ||
      disagree(size, 0xffffffff, zip64.size) ||
      disagree(offset, 0xffffffff, zip64.offset)
    ) {
      fail('the zip64 and classic end of central directory records disagree');
    }
    ({ count, size, offset } = zip64);
  }
  if (offset + size > view.byteLength) fail('the central directory lies beyond the end of the file');
  if (count * centralHeaderSize > size) fail('more entries than the central directory can hold');
  return { count, size, offset };
}

/** Zip64 extended information (header id 1) replaces, in this order, the fields that read 0xFFFFFFFF. */
function zip64Values(view, extraStart, extraEnd, wanted) {
  const values = [];
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      for (const needed of wanted) {
        if (!needed) continue;
        if (field + 8 > at + 4 + length) fail('short zip64 extra field');
        values.push(u64(view, field));
        field += 8;
      }
      return values;
    }
    at += 4 + length;
  }
  return fail('missing zip64 extra field');
}

function entryKind(nameEndsWithSlash, madeBy, externalAttributes) {
  const unix = madeBy >> 8 === 3;
  const mode = unix ? (externalAttributes >>> 16) & 0o177777 : undefined;
  const type = mode === undefined ? 0 : mode & 0o170000;
  if (type === 0o120000) return { kind: 'symlink', mode };
  if (nameEndsWithSlash || type === 0o040000 || (externalAttributes & 0x10) !== 0) return { kind: 'directory', mode };
  return { kind: 'file', mode };
}

/**
 * Walks the central directory: refuses more than `maxEntries` before reading one, checks every header, calls
 * `onEntry(entry)` for each when given (names are decoded only then), and answers {count, unzippedBytes}, the sum
 * of the sizes the entries declare.
 */
export function readZipDirectory(zip, maxEntries, onEntry) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (zip.byteLength < eocdSize) fail('too short for a zip');
  const bounds = directoryBounds(view);
  if (bounds.count > maxEntries) throw new TooManyZipEntriesError(bounds.count);
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let unzippedBytes = 0;
  let at = bounds.offset;
  const end = bounds.offset + bounds.size;
  for (let index = 0; index < bounds.count; index++) {
    if (at + centralHeaderSize > end || view.getUint32(at, true) !== centralHeaderSignature)
      fail('bad central directory header');
    const madeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameStart = at + centralHeaderSize;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) fail('central directory header beyond the directory');
    if ((flags & 1) !== 0) fail('encrypted entry');
    if (method !== 0 && method !== 8) fail(`compression method ${method}`);
    const wanted = [size === 0xffffffff, compressedSize === 0xffffffff, localHeaderOffset === 0xffffffff];
    if (wanted[0] || wanted[1] || wanted[2]) {
      const values = zip64Values(view, extraStart, extraStart + extraLength, wanted);
      if (wanted[0]) size = values.shift();
      if (wanted[1]) compressedSize = values.shift();
      if (wanted[2]) localHeaderOffset = values.shift();
    }
    if (localHeaderOffset + 30 + compressedSize > zip.byteLength) fail('entry data beyond the end of the file');
    unzippedBytes += size;
    if (onEntry) {
      const name = bytes.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1', nameStart, extraStart);
      const { kind, mode } = entryKind(nameLength > 0 && zip[extraStart - 1] === 0x2f, madeBy, externalAttributes);
      onEntry({ name, kind, method, compressedSize, size, localHeaderOffset, mode });
    }
    at = next;
  }
  return { count: bounds.count, unzippedBytes };
}
