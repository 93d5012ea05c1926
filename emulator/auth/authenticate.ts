import { rootCaller, type Caller } from './caller.js';
import {
  ExpiredToken,
  IncompleteSignature,
  InvalidSignature,
  MissingAuthenticationToken,
  UnrecognizedClient,
} from './auth-errors.js';
import {
  amzDate,
  computeSignature,
  headerValue,
  parseAuthorization,
  parseRequestDate,
  signatureMismatchMessage,
  signaturesEqual,
  withoutSecrets,
  type ReceivedRequest,
  type SigV4Authorization,
} from './sigv4.js';
import type { RequestContext } from '../request-context.js';
import type { EmulatorRuntime } from '../runtime.js';

export interface ExpectedScope {
  /** The signing name the credential scope must name (`cognito-identity`, `execute-api`, …). */
  service: string;
  /** The region the scope must name, when the endpoint has one (an API's stage). */
  region?: string;
  /** Check as strict auth does whatever the configuration says: only issued and root keys, every signature
   * verified (execute-api's AWS_IAM methods always really check). */
  strict?: boolean;
}

export interface Authentication {
  caller: Caller;
  authorization: SigV4Authorization;
}

/** How far a request's date may be from the emulator clock, as AWS allows. */
const allowedSkewMs = 5 * 60 * 1000;

/**
 * Authenticates a SigV4-signed request. Temporary credentials the emulator issued are always fully checked
 * (session token, expiry, time, signature). Other keys: with strict auth (configured, or asked for by the
 * endpoint) only the root keys are known and their signature is verified; otherwise any key is taken as the
 * account's root, as LocalStack takes `test`/`test`.
 */
export async function authenticate(
  runtime: EmulatorRuntime,
  request: ReceivedRequest & { context?: RequestContext },
  expected: ExpectedScope,
): Promise<Authentication> {
  const header = headerValue(request, 'authorization');
  if (header === undefined || header.trim() === '') throw new MissingAuthenticationToken();
  refuseRepeatedHeaders(request);
  const authorization = parseAuthorization(header, request);
  checkSignedHeaders(authorization);
  const date = parseRequestDate(request);
  if (!date)
    throw new IncompleteSignature(
      `Date must be in ISO-8601 'basic format'. Got '${headerValue(request, 'x-amz-date') ?? ''}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  checkScope(authorization, date, expected);

  // IAM's AccessKeyIdType is `[\w]+`, 16 to 128 characters; shorter ones stay accepted (`test`, as LocalStack).
  if (!/^\w{1,128}$/.test(authorization.accessKeyId)) throw new UnrecognizedClient();
  const sessionToken = headerValue(request, 'x-amz-security-token');
  const issued = runtime.credentials.find(authorization.accessKeyId);
  if (issued) {
    if (sessionToken !== issued.sessionToken) throw new UnrecognizedClient();
    if (runtime.clock.nowMs() >= issued.expiresAt) throw new ExpiredToken(issued.expiresAt);
    checkRequestTime(date, runtime.clock.nowMs());
    await verifySignature(request, authorization, issued.secretAccessKey, date);
    const caller: Caller = {
      kind: 'role-session',
      accountId: issued.accountId,
      accessKeyId: issued.accessKeyId,
      arn: issued.session.assumedRoleArn,
      userId: `${issued.session.roleId}:${issued.session.sessionName}`,
      session: issued.session,
      expiresAt: issued.expiresAt,
    };
    return { caller, authorization };
  }
  if (sessionToken !== undefined) throw new UnrecognizedClient();

  const { config } = runtime;
  if (config.strictAuth || expected.strict) {
    if (authorization.accessKeyId !== config.rootCredentials.accessKeyId) throw new UnrecognizedClient();
    checkRequestTime(date, runtime.clock.nowMs());
    await verifySignature(request, authorization, config.rootCredentials.secretAccessKey, date);
  }
  return { caller: rootCaller(config.accountId, authorization.accessKeyId), authorization };
}

/**
 * One Authorization, X-Amz-Date and X-Amz-Security-Token each: with two, which one the signature covers and which one
 * is checked could differ [unverified: AWS's answer; IncompleteSignature is its answer to a malformed header].
 */
function refuseRepeatedHeaders(request: ReceivedRequest): void {
  for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token']) {
    const values = request.headers.get(name);
    if (values !== undefined && values.length > 1) {
      const header = canonicalName(name);
      throw new IncompleteSignature(`The request carries ${values.length} '${header}' headers; it must carry one.`);
    }
  }
}

function canonicalName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * The host is always signed, so a signature cannot be replayed against another API or host. AWS's words, as
 * DynamoDB (Coral) answers: InvalidSignatureException, aws/aws-sdk-php#2469.
 */
function checkSignedHeaders(authorization: SigV4Authorization): void {
  if (!authorization.signedHeaders.includes('host') && !authorization.signedHeaders.includes(':authority')) {
    throw new InvalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
}

function checkScope(authorization: SigV4Authorization, date: Date, expected: ExpectedScope): void {
  const requestDay = amzDate(date).slice(0, 8);
  if (authorization.scopeDate !== requestDay) {
    throw new InvalidSignature(
      'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
        `'${authorization.scopeDate}' != '${requestDay}', from '${amzDate(date)}'.`,
    );
  }
  if (authorization.service !== expected.service) {
    throw new InvalidSignature(`Credential should be scoped to correct service: '${expected.service}'. `);
  }
  if (expected.region !== undefined && authorization.region !== expected.region) {
    throw new InvalidSignature(`Credential should be scoped to a valid region. `);
  }
}

/** AWS refuses a request dated more than five minutes away from its own clock. */
function checkRequestTime(date: Date, nowMs: number): void {
  const earliest = nowMs - allowedSkewMs;
  const latest = nowMs + allowedSkewMs;
  if (date.getTime() < earliest) {
    throw new InvalidSignature(
      `Signature expired: ${amzDate(date)} is now earlier than ${amzDate(new Date(earliest))} ` +
        `(${amzDate(new Date(nowMs))} - 5 min.)`,
    );
  }
  if (date.getTime() > latest) {
    throw new InvalidSignature(
      `Signature not yet current: ${amzDate(date)} is still later than ${amzDate(new Date(latest))} ` +
        `(${amzDate(new Date(nowMs))} + 5 min.)`,
    );
  }
}

/** A refused signature leaves what the emulator computed on the request's context, for the request log. */
async function verifySignature(
  request: ReceivedRequest & { context?: RequestContext },
  authorization: SigV4Authorization,
  secret: string,
  date: Date,
): Promise<void> {
  const computed = await computeSignature(request, authorization, secret, date);
  if (signaturesEqual(computed.signature, authorization.signature)) return;
  if (request.context) request.context.signatureMismatch = withoutSecrets(computed);
  throw new InvalidSignature(signatureMismatchMessage(computed));
}
