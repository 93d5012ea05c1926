import { MalformedPolicyDocumentError, MalformedPolicyMessages } from './malformed-policy-document-error.js';
import { resourceErrors } from './legacy-syntax.js';
import {
  asList,
  validateActionPrefixes,
  validateActionPresence,
  validateLegacyParsing,
  validateStatementSyntax,
} from './statement-syntax.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

/**
 * - `identity`: a user's/role's inline or managed policy — no Principal, Resource required;
 * - `resource`: a resource-based policy (e.g. an API's resource policy) — Principal and Resource required;
 * - `trust`: a role's trust policy — Principal required, Resource prohibited.
 */
export type PolicyDocumentKind = 'identity' | 'resource' | 'trust';

const TOP_LEVEL_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

function fail(message: string): never {
  throw new MalformedPolicyDocumentError(message);
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return fail(MalformedPolicyMessages.syntax);
  }
}

function validateDocumentSyntax(document: unknown): asserts document is Record<string, unknown> {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    fail(MalformedPolicyMessages.syntax);
  const record = document as Record<string, unknown>;
  for (const element of Object.keys(record)) {
    if (!TOP_LEVEL_ELEMENTS.has(element)) fail(MalformedPolicyMessages.syntax);
  }
  if ('Version' in record && !VERSIONS.has(record.Version as string)) fail(MalformedPolicyMessages.syntax);
  if ('Id' in record && typeof record.Id !== 'string') fail(MalformedPolicyMessages.syntax);
  const statements = record.Statement;
  if (typeof statements !== 'object' || statements === null) fail(MalformedPolicyMessages.syntax);
  if (Array.isArray(statements) && statements.length === 0) fail(MalformedPolicyMessages.syntax);
}

function validateUniqueSids(statements: PolicyStatement[]): void {
  const seen = new Set<string>();
  for (const { Sid } of statements) {
    if (!Sid) continue;
    if (seen.has(Sid)) fail(MalformedPolicyMessages.duplicateSid);
    seen.add(Sid);
  }
}

function validateResources(statement: PolicyStatement, kind: PolicyDocumentKind): void {
  if (kind === 'trust') {
    if (statement.Resource !== undefined || statement.NotResource !== undefined)
      fail(MalformedPolicyMessages.resourceInTrustPolicy);
    return;
  }
  const resources = asList(statement.Resource ?? statement.NotResource);
  if (resources.length === 0) fail(MalformedPolicyMessages.missingResources);
}

function validatePrincipalPresence(statement: PolicyStatement, kind: PolicyDocumentKind): void {
  const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  if (kind === 'identity' && hasPrincipal) fail(MalformedPolicyMessages.principalInIdentityPolicy);
  if (kind !== 'identity' && !hasPrincipal) fail(MalformedPolicyMessages.missingPrincipal);
}

export interface PolicyParseOptions {
  /** IAM's identity policies (managed and inline) must say Version 2012-10-17. */
  requireCurrentVersion?: boolean;
  /**
   * IAM's resource format rules, for IAM's own policies, with the partition of the account's resources (others are
   * refused). Without it a resource needs only to look like an ARN (API Gateway resource policies have their
   * `execute-api:/…` shorthand).
   */
  iamResourceFormats?: { partition: string };
}

function minimalResourceErrors(statements: PolicyStatement[]): { formatError?: string; legacyFailure: boolean } {
  for (const statement of statements) {
    for (const resource of asList(statement.Resource ?? statement.NotResource)) {
      if (resource !== '*' && !resource.includes(':'))
        return { formatError: MalformedPolicyMessages.resourceNotArn(resource), legacyFailure: false };
    }
  }
  return { legacyFailure: false };
}

/**
 * Parses and validates a policy document as IAM does, throwing MalformedPolicyDocumentError with AWS's first
 * message, in AWS's order (as moto's author established it against AWS, see test/fixtures/iam/): syntax, version,
 * legacy parsing, statement ids, principals, actions, resource formats, action vendors, resources.
 * The result always has `Statement` as an array; everything else is kept as written.
 */
export function parsePolicyDocument(
  json: string,
  kind: PolicyDocumentKind,
  options: PolicyParseOptions = {},
): PolicyDocument {
  const document = parseJson(json);
  validateDocumentSyntax(document);
  const statements: unknown[] = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements) validateStatementSyntax(statement);
  const validStatements = statements as PolicyStatement[];
  if (options.requireCurrentVersion && document.Version !== '2012-10-17') fail(MalformedPolicyMessages.versionTooOld);
  for (const statement of validStatements) validateLegacyParsing(statement);
  const resources =
    kind === 'trust'
      ? { legacyFailure: false }
      : options.iamResourceFormats
        ? resourceErrors(validStatements, options.iamResourceFormats.partition)
        : minimalResourceErrors(validStatements);
  if (resources.legacyFailure) fail(MalformedPolicyMessages.legacyParsing);
  validateUniqueSids(validStatements);
  for (const statement of validStatements) validatePrincipalPresence(statement, kind);
  validateActionPresence(validStatements);
  if ('formatError' in resources && resources.formatError) fail(resources.formatError);
  validateActionPrefixes(validStatements);
  for (const statement of validStatements) validateResources(statement, kind);
  return { ...(document as Omit<PolicyDocument, 'Statement'>), Statement: validStatements };
}
