import { isUtf8 } from 'node:buffer';
import { AwsError, SerializationException } from '../errors.js';

/**
 * Checks a request body must pass before it is parsed: UTF-8 (AWS's JSON parser refuses other bytes instead of
 * replacing them, so two different invalid ids never become one) and a bounded JSON nesting depth (Jackson, which
 * Coral services parse with, stops at 1000 by default; no AWS input of these services nests past a dozen levels).
 */
const maxJsonDepth = 100;

/** The body as text, refused unless it is valid UTF-8. */
function utf8Text(body: Uint8Array): string {
  if (!isUtf8(body)) throw new SerializationException('Invalid UTF-8 in the request body: it must be UTF-8 encoded.');
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

const quote = 0x22;
const backslash = 0x5c;

/**
 * Scans the bytes once, outside strings counting `[`/`{` depth, inside them noting `\u` escapes (the only way to
 * write a lone surrogate in UTF-8 JSON). Linear, without building anything, so a body of nested brackets cannot
 * take the memory or the stack that parsing it would.
 */
function scan(body: Uint8Array): { tooDeep: boolean; unicodeEscapes: boolean } {
  let depth = 0;
  let inString = false;
  let unicodeEscapes = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index] as number;
    if (inString) {
      if (byte === backslash) {
        if (body[index + 1] === 0x75) unicodeEscapes = true;
        index++;
      } else if (byte === quote) {
        inString = false;
      }
    } else if (byte === quote) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > maxJsonDepth) return { tooDeep: true, unicodeEscapes };
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return { tooDeep: false, unicodeEscapes };
}

/** String.prototype.isWellFormed (Node 20+; not in the ES2023 lib types). */
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function hasLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (!wellFormed(item)) return true;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, member] of Object.entries(item)) {
        if (!wellFormed(key)) return true;
        pending.push(member);
      }
    }
  }
  return false;
}

/**
 * Parses a JSON body after those checks. Throws SerializationException (the protocol layer's answer to a body it
 * cannot read) for invalid UTF-8, nesting past `maxJsonDepth`, a lone UTF-16 surrogate escape [unverified: what
 * AWS answers for one] and a syntax error; `undefined` for an empty body.
 */
export function parseJsonBody(body: Uint8Array): unknown {
  const text = utf8Text(body);
  if (text.trim() === '') return undefined;
  const { tooDeep, unicodeEscapes } = scan(body);
  if (tooDeep) throw new SerializationException(`JSON nesting depth exceeds the maximum allowed (${maxJsonDepth}).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const message = 'Unexpected character found while parsing the request body: it is not valid JSON.';
    throw new SerializationException(message);
  }
  if (unicodeEscapes && hasLoneSurrogate(parsed)) {
    const message = 'Invalid UTF-16 surrogate escape in the request body: it must encode Unicode text.';
    throw new SerializationException(message);
  }
  return parsed;
}

/**
 * A form-encoded (awsQuery) body or query whose bytes, or percent-escapes, are not UTF-8. AWS's query services
 * call a malformed query string `InvalidQueryParameter` (400) in their Common Errors [unverified for this case].
 */
class MalformedQueryText extends AwsError {
  constructor() {
    super('InvalidQueryParameter', 'The AWS query string is malformed or does not adhere to AWS standards.', 400);
  }
}

/** Refuses form-encoded text with invalid UTF-8 bytes or percent-escapes, which URLSearchParams would replace. */
export function checkFormText(body: Uint8Array | string): void {
  if (typeof body !== 'string' && !isUtf8(body)) throw new MalformedQueryText();
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  if (!text.includes('%')) return;
  for (const part of text.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new MalformedQueryText();
    }
  }
}
