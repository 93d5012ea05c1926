import { z } from 'zod';
import type { Contract } from './types.js';

/**
 * Each contract's expectation as JSON Schema (draft 2020-12) for other tools: the response body's schema, or for an
 * error contract a schema of the error outcome ({code, status, message}). Bodies are the SDK v3 output as JSON
 * (timestamps as ISO 8601 strings), or the HTTP body for execute-api.
 */
export function contractJsonSchemas(contracts: readonly Contract[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const contract of contracts) {
    const schema =
      contract.expect.kind === 'response'
        ? contract.expect.schema
        : z.object({
            code: Array.isArray(contract.expect.error.code)
              ? z.enum(contract.expect.error.code as [string, ...string[]])
              : z.literal(contract.expect.error.code as string),
            status: z.literal(contract.expect.error.status),
            message: contract.expect.error.message ? z.string().regex(contract.expect.error.message) : z.string(),
          });
    result[contract.id] = {
      ...z.toJSONSchema(schema, { unrepresentable: 'any' }),
      title: contract.title,
      description: `${contract.request} — status ${contract.status}; source: ${contract.source.ref}`,
    };
  }
  return result;
}
