import type { StoredMethodResponse } from '../../store/apigateway-store.js';
import { apiGatewayErrors } from './errors.js';

/** Values an integration response may map to a header: a quoted literal or a request, context or stage value. */
const mappingValues = [
  "'[^']*'",
  'method\\.request\\.(header|querystring|multivalueheader|multivaluequerystring|path)\\.[^.\\s]+',
  'integration\\.response\\.(header\\.[^.\\s]+|body(\\..+)?)',
  'context\\.[A-Za-z0-9.]+',
  'stageVariables\\.[A-Za-z0-9_]+',
];
const mappingValue = new RegExp(`^(${mappingValues.join('|')})$`);

/**
 * Checks an integration response's `responseParameters` as AWS does: each target must be a header its method
 * response declares, and each value a mapping expression (a literal in single quotes, `method.request.…`, …).
 * AWS's messages, quoted from real BadRequestExceptions in public bug reports.
 */
export function checkResponseParameters(
  parameters: Record<string, string> | undefined,
  methodResponse: StoredMethodResponse | undefined,
): void {
  const entries = Object.entries(parameters ?? {});
  if (entries.length === 0) return;
  if (!methodResponse) throw apiGatewayErrors.invalidMappingExpression('No method response exists for method.');
  for (const [name, value] of entries) {
    if (methodResponse.responseParameters?.[name] === undefined)
      throw apiGatewayErrors.invalidMappingExpression(`Invalid mapping expression parameter specified: ${name}`);
    if (!mappingValue.test(value))
      throw apiGatewayErrors.invalidMappingExpression(`Invalid mapping expression specified: ${value}`);
  }
}
