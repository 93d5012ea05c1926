/**
 * Every error idpool answers is an AwsError: the wire code (the model's error shape name), AWS's message and
 * HTTP status. The protocol layer (emulator/protocols/) is the one place that writes them to the wire.
 */
export type WireProtocol = 'awsJson1_1' | 'awsQuery' | 'restJson1' | 'executeApi';

export interface AwsErrorOptions {
  /** Code and status on a protocol where they differ from the default (IAM and STS name errors differently). */
  wire?: Partial<Record<WireProtocol, { code?: string; status?: number }>>;
  /** `Sender` (the caller's fault) or `Receiver` (ours). */
  fault?: 'Sender' | 'Receiver';
  /** Members written into the error body besides the message (e.g. Lambda's `Type`). */
  fields?: Record<string, unknown>;
  /** Headers written with the error. */
  headers?: Record<string, string>;
  /** The body member carrying the message on JSON protocols when it is not `message` (Lambda's `Message`). */
  messageMember?: string;
  /** For a refusal of an expired token or credentials: which, and when they expired (epoch ms, emulator clock). */
  expired?: { what: 'token' | 'credentials'; expiredAt: number };
}

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly options: AwsErrorOptions = {},
  ) {
    super(message);
    this.name = code;
  }

  codeOn(protocol: WireProtocol): string {
    return this.options.wire?.[protocol]?.code ?? this.code;
  }

  statusOn(protocol: WireProtocol): number {
    return this.options.wire?.[protocol]?.status ?? this.status;
  }

  get fault(): 'Sender' | 'Receiver' {
    return this.options.fault ?? (this.status >= 500 ? 'Receiver' : 'Sender');
  }
}

/** The request body is not parsable, or a member has the wrong JSON type. */
export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', message, 400);
  }
}

/** `X-Amz-Target`/`Action` names no operation of the service. */
export class UnknownOperationException extends AwsError {
  constructor(message: string) {
    super('UnknownOperationException', message, 404, { wire: { awsQuery: { code: 'InvalidAction', status: 400 } } });
  }
}

/** A member breaks a model constraint; `code` is the service's own name for it. */
export class ValidationException extends AwsError {
  constructor(message: string, code = 'ValidationException') {
    super(code, message, 400);
  }
}

/** An operation AWS has but idpool does not emulate: never a silent success. */
export class UnsupportedOperationException extends AwsError {
  constructor(service: string, operation: string) {
    super(
      'UnsupportedOperation',
      `idpool does not emulate ${service}:${operation}. ` +
        "The operations it emulates are listed in the README's coverage table.",
      400,
    );
  }
}

/** A parameter value AWS accepts but idpool does not emulate (a runtime it cannot run, say). */
export class UnsupportedFeatureException extends AwsError {
  constructor(message: string) {
    super('UnsupportedFeature', `idpool does not emulate this: ${message}`, 400);
  }
}

/** The body exceeds what the emulator reads. */
export class RequestEntityTooLargeException extends AwsError {
  constructor(limitBytes: number) {
    super('RequestEntityTooLargeException', `Request must be smaller than ${limitBytes} bytes.`, 413);
  }
}

/** An unexpected failure inside idpool: logged, and answered as AWS answers its own faults. */
export class InternalFailure extends AwsError {
  constructor(message = 'An internal error occurred.') {
    super('InternalFailure', message, 500, { fault: 'Receiver' });
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
