import { createHash, createHmac, hash, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import { BoundedMap } from '../bounded-map.js';
import { IncompleteSignature, InvalidSignature } from './auth-errors.js';

type Smithy = typeof import('@smithy/signature-v4');

/** The signer is loaded on the first signature to verify (the default lenient mode verifies none for root keys). */
let smithyModule: Promise<Smithy> | undefined;
let smithyLoaded: { module: Smithy; canonical: SignerInternals } | undefined;

async function smithy(): Promise<NonNullable<typeof smithyLoaded>> {
  if (smithyLoaded) return smithyLoaded;
  const module = await (smithyModule ??= import('@smithy/signature-v4'));
  // The canonical request depends only on the request and the path escaping: one signer builds them all.
  const signer = new module.SignatureV4({
    credentials: { accessKeyId: '', secretAccessKey: '' },
    region: '',
    service: '',
    sha256: NodeSha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  smithyLoaded ??= { module, canonical: signer as unknown as SignerInternals };
  return smithyLoaded;
}

/** A request exactly as it arrived: what a SigV4 signature covers. */
export interface ReceivedRequest {
  method: string;
  /** The path as sent on the wire (still percent-encoded), without the query. */
  path: string;
  /** The raw query string after `?`, or ''. */
  query: string;
  /** Lower-case header name → values in the order received (duplicates kept). */
  headers: Map<string, string[]>;
  body: Uint8Array;
}

export interface SigV4Authorization {
  accessKeyId: string;
  /** `YYYYMMDD/region/service/aws4_request` */
  credentialScope: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const sigV4Algorithm = 'AWS4-HMAC-SHA256';

export function headerValue(request: ReceivedRequest, name: string): string | undefined {
  const values = request.headers.get(name);
  if (values === undefined) return undefined;
  return values.length === 1 ? (values[0] as string) : values.join(',');
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. What is missing is listed in AWS's words
 * (`Authorization header requires 'Credential' parameter. …`), as API Gateway and the JSON services answer.
 */
export function parseAuthorization(value: string, request: ReceivedRequest): SigV4Authorization {
  const trimmed = value.trim();
  const algorithmEnd = trimmed.indexOf(' ');
  const algorithm = algorithmEnd === -1 ? trimmed : trimmed.slice(0, algorithmEnd);
  const parameters = new Map<string, string>();
  if (algorithm === sigV4Algorithm) {
    for (const part of trimmed.slice(algorithmEnd + 1).split(',')) {
      const equals = part.indexOf('=');
      if (equals === -1) continue;
      parameters.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
  }
  const missing: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!parameters.get(name)) missing.push(`Authorization header requires '${name}' parameter.`);
  }
  if (headerValue(request, 'x-amz-date') === undefined && headerValue(request, 'date') === undefined) {
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (missing.length > 0) throw new IncompleteSignature(`${missing.join(' ')} Authorization=${value}`);

  const credential = parameters.get('Credential') as string;
  const parts = credential.split('/');
  if (parts.length !== 5) {
    throw new IncompleteSignature(
      'Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, ' +
        `got '${credential}'`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  if (terminator !== 'aws4_request') {
    throw new InvalidSignature(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
    );
  }
  if (!looksLikeRegion(region)) {
    // AWS's answer to a scope naming no region it has: aws/aws-sdk-ruby#508, aws/aws-sdk-java-v2#988.
    throw new InvalidSignature(`Credential should be scoped to a valid region, not '${region.slice(0, 64)}'. `);
  }
  return {
    accessKeyId,
    credentialScope: parts.slice(1).join('/'),
    scopeDate,
    region,
    service,
    signedHeaders: (parameters.get('SignedHeaders') as string).split(';').map((name) => name.toLowerCase()),
    signature: parameters.get('Signature') as string,
  };
}

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `us-isob-east-1`: the form every AWS region name has. */
function looksLikeRegion(region: string): boolean {
  return region.length <= 32 && /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
}

/** The last X-Amz-Date read: the requests of one second all carry the same. */
let lastStamp: { text: string; ms: number } | undefined;

/** `X-Amz-Date` (`20150830T123600Z`), else an HTTP `Date`. */
export function parseRequestDate(request: ReceivedRequest): Date | undefined {
  const amzDate = headerValue(request, 'x-amz-date');
  if (amzDate !== undefined) {
    if (lastStamp?.text === amzDate) return new Date(lastStamp.ms);
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!match) return undefined;
    const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
    const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
    lastStamp = { text: amzDate, ms };
    return new Date(ms);
  }
  const date = headerValue(request, 'date');
  if (date === undefined) return undefined;
  const parsed = Date.parse(date);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

let lastFormatted: { ms: number; text: string } | undefined;

/** `20150830T123600Z` */
export function amzDate(date: Date): string {
  const ms = date.getTime();
  if (lastFormatted?.ms === ms) return lastFormatted.text;
  const text = formatAmzDate(date);
  lastFormatted = { ms, text };
  return text;
}

function formatAmzDate(date: Date): string {
  const iso = date.toISOString();
  // 2015-08-30T12:36:00.000Z; a year past 9999 is written +YYYYYY-…
  if (iso.length !== 24) return iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBinary(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** smithy's hash interface over node:crypto. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBinary(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

interface CanonicalRequestInput {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
}

/** The part of smithy's signer idpool reuses: the canonical request (also shown in an InvalidSignature message). */
interface SignerInternals {
  createCanonicalRequest(
    request: CanonicalRequestInput,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string;
}

/** Derived signing keys by scope and secret, as the AWS SDKs keep them: four HMACs saved per signature. */
const maxSigningKeys = 1_000;
const signingKeys = new BoundedMap<string, Buffer>(maxSigningKeys);

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request") */
export function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  // date, region and service come from the slash-separated credential and hold no '/': the key is unambiguous.
  const cacheKey = `${shortDate}/${region}/${service}/${secretAccessKey}`;
  let key = signingKeys.get(cacheKey);
  if (key === undefined) {
    key = createHmac('sha256', `AWS4${secretAccessKey}`).update(shortDate).digest();
    for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (raw === '') return query;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decodeQueryComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeQueryComponent(pair.slice(equals + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

const emptyBodyHash = hash('sha256', '', 'hex');

function sha256Hex(body: Uint8Array): string {
  return body.byteLength === 0 ? emptyBodyHash : hash('sha256', body, 'hex');
}

export interface SignatureComputation {
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * Recomputes the signature of a received request with @smithy/signature-v4, over exactly the headers the client
 * declared in SignedHeaders, its path as sent (non-S3: normalised, each segment encoded again), its query and body.
 */
export async function computeSignature(
  request: ReceivedRequest,
  authorization: SigV4Authorization,
  secretAccessKey: string,
  signingDate: Date,
): Promise<SignatureComputation> {
  const signed = new Set(authorization.signedHeaders);
  const headers: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const values = request.headers.get(name);
    if (values !== undefined) headers[name] = values.map((value) => value.trim()).join(',');
  }
  const bodyHash = sha256Hex(request.body);
  // A signed x-amz-content-sha256 stands for the body in the signature: it must then really be the body's hash.
  const declaredHash = headers['x-amz-content-sha256'];
  const payloadHash =
    declaredHash !== undefined && declaredHash !== bodyHash ? `${declaredHash} (body hashes to ${bodyHash})` : bodyHash;
  const canonicalInput: CanonicalRequestInput = {
    method: request.method,
    path: request.path,
    query: parseQuery(request.query),
    headers,
  };
  const { module, canonical } = smithyLoaded ?? (await smithy());
  const canonicalHeaders = module.getCanonicalHeaders(canonicalInput as never, undefined, signed);
  const canonicalRequest = canonical.createCanonicalRequest(canonicalInput, canonicalHeaders, payloadHash);
  const hashedRequest = hash('sha256', canonicalRequest, 'hex');
  const stamp = amzDate(signingDate);
  const stringToSign = `${sigV4Algorithm}\n${stamp}\n${authorization.credentialScope}\n${hashedRequest}`;
  // The key is derived for the request's own day (the scope's date must be that day: authenticate checks it first).
  const shortDate = stamp.slice(0, 8);
  const key = signingKey(secretAccessKey, shortDate, authorization.region, authorization.service);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { signature, canonicalRequest, stringToSign };
}

export function signaturesEqual(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signatureMismatchMessage(computation: SignatureComputation): string {
  return (
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
    'and signing method. Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${computation.canonicalRequest}'\n\n` +
    `The String-to-Sign should have been\n'${computation.stringToSign}'\n`
  );
}

const secretHeaderLine = /^(x-amz-security-token|authorization):.*$/gm;
const secretQueryValue = /(^|&)(x-amz-security-token|x-amz-signature)=[^&\n]*/gi;

/**
 * The canonical request and string-to-sign with the session token (and any signature) blanked, so they can be kept
 * and shown. The string-to-sign's hash still covers the real canonical request, so it stays comparable.
 */
export function withoutSecrets(computation: SignatureComputation): { canonicalRequest: string; stringToSign: string } {
  const lines = computation.canonicalRequest.split('\n');
  if (lines[2] !== undefined) lines[2] = lines[2].replace(secretQueryValue, '$1$2=<redacted>');
  const canonicalRequest = lines.join('\n').replace(secretHeaderLine, '$1:<redacted>');
  return { canonicalRequest, stringToSign: computation.stringToSign };
}
