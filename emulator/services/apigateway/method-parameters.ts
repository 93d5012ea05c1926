import { apiGatewayErrors } from './errors.js';

/**
 * The models every REST API has from its creation (the developer guide: "API Gateway creates two models, Empty and
 * Error"). idpool emulates no other (CreateModel answers UnsupportedOperation), so any other name is unknown.
 */
export const builtInModels = ['Empty', 'Error'];

const requestParameter =
  /^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.([^.\s]+)$/;

/**
 * A method's request parameters as AWS checks them (recorded in test_apigateway_api.snapshot.json): each name a
 * `method.request.<location>.<name>` mapping expression, and no name twice across query string, header and path.
 */
export function checkRequestParameters(parameters: Record<string, boolean> | undefined): void {
  const seen = new Set<string>();
  for (const name of Object.keys(parameters ?? {})) {
    const match = requestParameter.exec(name);
    if (!match) throw apiGatewayErrors.invalidMappingExpression(`Invalid mapping expression specified: ${name}`);
    const bare = match[2] as string;
    if (seen.has(bare)) throw apiGatewayErrors.duplicateParameterName();
    seen.add(bare);
  }
}

/** Request or response models must name a model of the API: AWS's "Invalid model identifier specified: petModel". */
export function checkModels(models: Record<string, string> | undefined): void {
  for (const model of Object.values(models ?? {})) {
    if (!builtInModels.includes(model)) throw apiGatewayErrors.unknownModel(model);
  }
}
