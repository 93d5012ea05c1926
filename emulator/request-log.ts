import type { Logger } from './logger.js';
import type { IncomingRequest, WireResponse } from './protocols/wire.js';
import type { AuthorizationDecision, DecidingStatement, RequestContext } from './request-context.js';

/** Who made a logged request: never a secret, only what names the caller. */
export interface LoggedCaller {
  kind: 'root' | 'role-session';
  arn: string;
  accessKeyId: string;
  roleName?: string;
  roleId?: string;
  sessionName?: string;
  /** For a Cognito role session: the identity and its pool. */
  identityId?: string;
  identityPoolId?: string;
}

/** One request as the log keeps it (`time` in epoch milliseconds); `GET /_idpool/requests` shows `time` as ISO. */
export interface StoredRequest {
  seq: number;
  time: number;
  requestId: string;
  method: string;
  /** The path as received, without the query (which may carry presigned credentials). */
  path: string;
  sourceIp: string;
  userAgent: string;
  service?: string;
  operation?: string;
  region: string;
  executeApi?: RequestContext['executeApi'];
  authentication?: 'sigv4' | 'unsigned';
  caller?: LoggedCaller;
  decision?: AuthorizationDecision['outcome'];
  actions?: string[];
  resource?: string;
  decidedBy?: DecidingStatement;
  status: number;
  errorCode?: string;
  durationMs: number;
  signatureMismatch?: RequestContext['signatureMismatch'];
  /** The error's message (signatures in it redacted), for the console's explanation. */
  errorMessage?: string;
  /** For an expired token or credentials: which, and when they expired (epoch ms on the emulator clock). */
  expired?: RequestContext['expired'];
  /** In memory only, for a denial: the policies evaluated and the request they were evaluated for. */
  evaluation?: AuthorizationDecision['evaluation'];
}

export type RequestLogEntry = Omit<StoredRequest, 'time'> & { time: string };

type Outcome = AuthorizationDecision['outcome'];
const outcomes: readonly Outcome[] = ['allow', 'implicit-deny', 'explicit-deny', 'root', 'unsigned'];

export interface RequestLogFilter {
  /** A substring of the caller's ARN (case-insensitive); the whole ARN matches too. */
  caller?: string;
  /** A role's sessions: the role's name (case-insensitive, as IAM compares names) or its id (`AROA…`). */
  role?: string;
  decisions?: Set<Outcome>;
  services?: Set<string>;
  /** An exact status, or a class (`4` for 4xx). */
  status?: { exact: number } | { hundreds: number };
  /** Epoch milliseconds: entries at or after it. */
  since?: number;
  requestId?: string;
  /** Only entries whose caller is a session of this Cognito identity. */
  identityId?: string;
  /** Only entries newer than this sequence number (polling). */
  afterSeq?: number;
  /** At most this many entries, newest first. */
  limit: number;
}

function loggedCaller(context: RequestContext): LoggedCaller | undefined {
  const caller = context.caller;
  if (!caller) return undefined;
  if (caller.kind === 'root') return { kind: 'root', arn: caller.arn, accessKeyId: caller.accessKeyId };
  const { session } = caller;
  return {
    kind: 'role-session',
    arn: caller.arn,
    accessKeyId: caller.accessKeyId,
    roleName: session.roleName,
    roleId: session.roleId,
    sessionName: session.sessionName,
    identityId: session.source?.identityId,
    identityPoolId: session.source?.identityPoolId,
  };
}

/** The decision the request's authorizer recorded; without one, root keys and unsigned operations need none. */
function outcomeOf(context: RequestContext): Outcome | undefined {
  if (context.authorization) return context.authorization.outcome;
  if (context.authentication === 'unsigned') return 'unsigned';
  return context.caller?.kind === 'root' ? 'root' : undefined;
}

/**
 * An error message as the log keeps it: SignatureDoesNotMatch quotes the canonical request, session token header
 * included, and IncompleteSignature the Authorization header, signature included.
 */
function withoutSecrets(message: string): string {
  return message
    .slice(0, 8000)
    .replace(/(x-amz-security-token:)[^\n']*/gi, '$1<redacted>')
    .replace(/((?:X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential)=)[^&\s,']*/gi, '$1<redacted>')
    .replace(/(Signature=)[0-9a-fA-F]+/g, '$1<redacted>');
}

/** The one `info` line of a denial, naming the permission that is missing. */
function denialLine(entry: StoredRequest): string {
  const who = entry.caller?.arn ?? 'anonymous';
  const what =
    entry.actions && entry.actions.length > 0 ? entry.actions.join(', ') : `${entry.service}:${entry.operation}`;
  let why: string;
  if (entry.decision === 'explicit-deny') {
    const by = entry.decidedBy;
    why = by
      ? `explicitly denied by ${by.policyKind} policy ${by.policyName}, statement ${by.statement}`
      : 'explicitly denied';
  } else {
    why = entry.caller ? 'no identity-based policy allows it' : 'no resource-based policy allows it';
  }
  return `denied: ${who} may not ${what} on ${entry.resource ?? '*'} (${why}) [${entry.requestId}]`;
}

export function presentEntry(entry: StoredRequest): RequestLogEntry {
  const { errorMessage: _message, expired: _expired, evaluation: _evaluation, ...shown } = entry;
  return { ...shown, time: new Date(entry.time).toISOString() };
}

function matches(entry: StoredRequest, filter: RequestLogFilter): boolean {
  if (filter.since !== undefined && entry.time < filter.since) return false;
  if (filter.requestId !== undefined && entry.requestId !== filter.requestId) return false;
  if (filter.decisions && (entry.decision === undefined || !filter.decisions.has(entry.decision))) return false;
  if (filter.services && (entry.service === undefined || !filter.services.has(entry.service))) return false;
  if (filter.status) {
    const { status } = filter;
    if ('exact' in status ? entry.status !== status.exact : Math.floor(entry.status / 100) !== status.hundreds)
      return false;
  }
  if (
    filter.caller !== undefined &&
    !(entry.caller?.arn.toLowerCase().includes(filter.caller.toLowerCase()) ?? false)
  ) {
    return false;
  }
  if (filter.role !== undefined && !isSessionOfRole(entry, filter.role)) return false;
  if (filter.identityId !== undefined && entry.caller?.identityId !== filter.identityId) return false;
  return true;
}

/** Whether the entry's caller is a session of the role named (by name, case-insensitively, or by role id). */
export function isSessionOfRole(entry: Pick<StoredRequest, 'caller'>, role: string): boolean {
  const caller = entry.caller;
  if (caller?.kind !== 'role-session') return false;
  return caller.roleId === role || caller.roleName?.toLowerCase() === role.toLowerCase();
}

/** Where the entries outlive the process (request-log-file.ts under `--data-dir`), without importing it back. */
interface RequestLogFile {
  readonly lastSeq: number;
  load(capacity: number): StoredRequest[];
  append(entries: StoredRequest[], capacity: number): void;
  clear(): void;
  close(): void;
}

/**
 * The last requests the emulator answered, in a ring buffer: recording is O(1) and stores fields only (no
 * serialization); reads filter and serialize. With a file (`--data-dir`), entries are also written there in
 * batches, off the request's path, and the file keeps the same bound.
 */
export class RequestLog {
  private readonly ring: (StoredRequest | undefined)[];
  private next = 0;
  private size = 0;
  private seq: number;
  private pending: StoredRequest[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private fileFailed = false;
  private readonly subscribers = new Map<(entry: StoredRequest) => void, () => void>();

  constructor(
    readonly capacity: number,
    private readonly log: Logger,
    private readonly file?: RequestLogFile,
  ) {
    this.ring = new Array<StoredRequest | undefined>(capacity);
    this.seq = file?.lastSeq ?? 0;
    for (const entry of file?.load(capacity) ?? []) this.push(entry);
  }

  get length(): number {
    return this.size;
  }

  /** Records a request once it was answered, from what its context learnt. */
  record(request: IncomingRequest, response: WireResponse, durationMs: number): void {
    const { context } = request;
    const decision = context.authorization;
    const entry: StoredRequest = {
      seq: ++this.seq,
      time: context.now.getTime(),
      requestId: context.requestId,
      method: request.method,
      path: request.path,
      sourceIp: context.sourceIp,
      userAgent: context.userAgent,
      service: context.service,
      operation: context.operation,
      region: context.region,
      executeApi: context.executeApi,
      authentication: context.authentication,
      caller: loggedCaller(context),
      decision: outcomeOf(context),
      actions: decision?.actions,
      resource: decision?.resource,
      decidedBy: decision?.decidedBy && { ...decision.decidedBy },
      status: response.status,
      errorCode: context.errorCode ?? response.headers['x-amzn-errortype'] ?? response.headers['x-amzn-ErrorType'],
      durationMs: Math.round(durationMs * 1000) / 1000,
      signatureMismatch: context.signatureMismatch,
      errorMessage: context.errorMessage === undefined ? undefined : withoutSecrets(context.errorMessage),
      expired: context.expired,
      evaluation: decision?.evaluation,
    };
    this.push(entry);
    for (const subscriber of this.subscribers.keys()) subscriber(entry);
    if (entry.decision === 'implicit-deny' || entry.decision === 'explicit-deny') this.log.info(denialLine(entry));
    if (this.file && !this.fileFailed) {
      this.pending.push(entry);
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => this.flush(), 100);
        this.flushTimer.unref();
      }
    }
  }

  /** Matching entries, newest first. */
  entries(filter: RequestLogFilter): StoredRequest[] {
    const found: StoredRequest[] = [];
    for (let index = 0; index < this.size && found.length < filter.limit; index++) {
      const entry = this.ring[(this.next - 1 - index + this.capacity) % this.capacity] as StoredRequest;
      if (filter.afterSeq !== undefined && entry.seq <= filter.afterSeq) break;
      if (matches(entry, filter)) found.push(entry);
    }
    return found;
  }

  /**
   * Calls `listener` with each entry recorded from now on, until the returned function is called; `end` is called
   * (and the listener dropped) when the server stops.
   */
  subscribe(listener: (entry: StoredRequest) => void, end: () => void): () => void {
    this.subscribers.set(listener, end);
    return () => this.subscribers.delete(listener);
  }

  /** The server stops: every subscriber ends. */
  endSubscriptions(): void {
    const ends = [...this.subscribers.values()];
    this.subscribers.clear();
    for (const end of ends) end();
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.pending = [];
    this.file?.clear();
  }

  /** Writes what is pending to the file. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.file || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.file.append(batch, this.capacity);
    } catch (error) {
      this.fileFailed = true;
      this.log.warn(
        `the request log is no longer written to disk: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  close(): void {
    this.flush();
    this.file?.close();
  }

  private push(entry: StoredRequest): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }
}

/** Filters from `GET /_idpool/requests` query parameters; a bad value throws a RangeError naming it. */
export function parseRequestLogFilter(query: URLSearchParams, capacity: number): RequestLogFilter {
  const filter: RequestLogFilter = { limit: Math.min(100, capacity) };
  const list = (name: string): string[] | undefined => {
    const value = query.get(name);
    return value === null || value === '' ? undefined : value.split(',').map((item) => item.trim());
  };
  const caller = query.get('caller');
  if (caller) filter.caller = caller;
  const role = query.get('role');
  if (role) filter.role = role;
  const requestId = query.get('requestId');
  if (requestId) filter.requestId = requestId;
  const decisions = list('decision');
  if (decisions) {
    const wanted = decisions.flatMap((decision) =>
      decision === 'denied' ? ['implicit-deny', 'explicit-deny'] : [decision],
    );
    for (const decision of wanted) {
      if (!outcomes.includes(decision as Outcome)) {
        throw new RangeError(`decision must be one or more of ${outcomes.join(', ')} or denied, got '${decision}'`);
      }
    }
    filter.decisions = new Set(wanted as Outcome[]);
  }
  const services = list('service');
  if (services) filter.services = new Set(services);
  const status = query.get('status');
  if (status) {
    if (/^[1-5]\d\d$/.test(status)) filter.status = { exact: Number(status) };
    else if (/^[1-5]xx$/i.test(status)) filter.status = { hundreds: Number(status[0]) };
    else throw new RangeError(`status must be a status code (403) or a class (4xx), got '${status}'`);
  }
  const since = query.get('since');
  if (since) {
    const time = /^\d+$/.test(since) ? Number(since) : Date.parse(since);
    if (Number.isNaN(time))
      throw new RangeError(`since must be an ISO 8601 time or epoch milliseconds, got '${since}'`);
    filter.since = time;
  }
  const limit = query.get('limit');
  if (limit) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1)
      throw new RangeError(`limit must be a positive integer, got '${limit}'`);
    filter.limit = Math.min(Number(limit), capacity);
  }
  return filter;
}
