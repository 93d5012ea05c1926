import { MissingAuthenticationToken } from '../auth/auth-errors.js';
import { headerValue, parseAuthorization } from '../auth/sigv4.js';
import { type AwsError, UnknownOperationException } from '../errors.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { checkFormText } from './body-checks.js';
import { invokeOperation } from './invoke-operation.js';
import { escapeXml, QueryParameters, readQuery, writeXmlMembers } from './query-shapes.js';
import { contentTypeOf, type IncomingRequest, type WireResponse } from './wire.js';

/**
 * awsQuery (IAM, STS): form-encoded `Action=…&Version=…` (POST body, or the query of a GET); answers XML
 * `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…`, errors as `<ErrorResponse>`.
 * The service is the one the signature is scoped to; unsigned calls (AssumeRoleWithWebIdentity) go to the service
 * whose model serves the action unsigned.
 */
export class AwsQueryProtocol {
  private unsignedFound = false;
  private unsigned: ServiceDefinition | undefined;

  constructor(
    private readonly runtime: EmulatorRuntime,
    private readonly services: ServiceDefinition[],
  ) {}

  /** Found on the first query request: the models load when first needed, not at start. */
  private get unsignedService(): ServiceDefinition | undefined {
    if (!this.unsignedFound) {
      const withUnsigned = this.services.filter((service) =>
        Object.values(service.model.operations).some((operation) => operation.authtype === 'none'),
      );
      this.unsigned = withUnsigned.length === 1 ? withUnsigned[0] : undefined;
      this.unsignedFound = true;
    }
    return this.unsigned;
  }

  static accepts(request: IncomingRequest): boolean {
    if (request.method === 'POST') return contentTypeOf(request) === 'application/x-www-form-urlencoded';
    return request.method === 'GET' && /(^|&)Action=/.test(request.query);
  }

  async serve(request: IncomingRequest): Promise<WireResponse> {
    checkFormText(request.method === 'POST' ? request.body : request.query);
    const form = request.method === 'POST' ? Buffer.from(request.body).toString('utf8') : request.query;
    const values = new Map<string, string>();
    for (const [key, value] of new URLSearchParams(form)) if (!values.has(key)) values.set(key, value);
    const action = values.get('Action') ?? '';
    const service = this.serviceFor(request, action);
    const operation = service.model.operations[action];
    if (!operation)
      throw new UnknownOperationException(
        `Could not find operation ${action} for version ${values.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
      );

    const params = new QueryParameters(values);
    const output = await invokeOperation(this.runtime, service, operation, request, () =>
      operation.input ? (readQuery(service.model, operation.input, params, '') as Record<string, unknown>) : {},
    );
    const namespace = service.model.metadata.xmlNamespace as string;
    const wrapper = operation.output?.resultWrapper ?? `${action}Result`;
    const result = operation.output
      ? `<${wrapper}>${writeXmlMembers(service.model, operation.output, output ?? {})}</${wrapper}>`
      : '';
    const xml =
      `<${action}Response xmlns="${namespace}">${result}` +
      `<ResponseMetadata><RequestId>${request.requestId}</RequestId></ResponseMetadata></${action}Response>`;
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': request.requestId }, body: xml };
  }

  /**
   * Before the body is read: the service the signature is scoped to, or, for an unsigned request, the one service
   * serving actions unsigned (STS's AssumeRoleWithWebIdentity). Errors from here on carry its namespace.
   */
  identifyService(request: IncomingRequest): void {
    const authorization = headerValue(request, 'authorization');
    const service = authorization === undefined ? this.unsignedService : this.scopedService(request, authorization);
    if (service) this.record(request, service);
  }

  private serviceFor(request: IncomingRequest, action: string): ServiceDefinition {
    const authorization = headerValue(request, 'authorization');
    const scoped = authorization === undefined ? undefined : this.scopedService(request, authorization);
    if (scoped) return this.record(request, scoped);
    const unsigned = this.services.find((candidate) => candidate.model.operations[action]?.authtype === 'none');
    if (unsigned) return this.record(request, unsigned);
    const owner = this.services.find((candidate) => candidate.model.operations[action] !== undefined);
    if (owner) this.record(request, owner);
    if (authorization === undefined) throw new MissingAuthenticationToken();
    if (owner) return owner;
    throw new UnknownOperationException(`Could not find operation ${action}`);
  }

  private scopedService(request: IncomingRequest, authorization: string): ServiceDefinition | undefined {
    let scopedService: string | undefined;
    try {
      scopedService = parseAuthorization(authorization, request).service;
    } catch {
      // a malformed header is reported by authentication, once the operation is known
    }
    return this.services.find((candidate) => candidate.signingName === scopedService);
  }

  private record(request: IncomingRequest, service: ServiceDefinition): ServiceDefinition {
    request.context.service = service.signingName;
    request.context.xmlNamespace = service.model.metadata.xmlNamespace as string;
    return service;
  }

  static errorResponse(
    error: AwsError,
    requestId: string,
    namespace = 'https://iam.amazonaws.com/doc/2010-05-08/',
  ): WireResponse {
    const xml =
      `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.fault}</Type>` +
      `<Code>${escapeXml(error.codeOn('awsQuery'))}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return {
      status: error.statusOn('awsQuery'),
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...error.options.headers },
      body: xml,
    };
  }
}
