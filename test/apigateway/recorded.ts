import { readFileSync } from 'node:fs';
import { packageRoot } from '../../emulator/package-root.js';

/**
 * Responses LocalStack recorded from real AWS (localstack/localstack commit 8b9a79f05846,
 * tests/aws/services/apigateway/test_apigateway_{api,import}.snapshot.json, Apache-2.0), excerpted into
 * test/fixtures/aws-recorded/apigateway/.
 */
const excerpts = ['test_apigateway_api', 'test_apigateway_import'].map(
  (name) =>
    JSON.parse(readFileSync(`${packageRoot}/test/fixtures/aws-recorded/apigateway/${name}.excerpt.json`, 'utf8')) as {
      cases: Record<string, { 'recorded-content': Record<string, unknown> }>;
    },
);

/** One recorded response: `recorded('TestApiGatewayApiMethod::test_update_method', 'update-method-add')`. */
export function recorded(test: string, key: string): unknown {
  const content = excerpts.map((excerpt) => excerpt.cases[test]?.['recorded-content']).find(Boolean);
  if (!content || !(key in content)) throw new Error(`no recording ${test} / ${key}`);
  return content[key];
}

interface SdkError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

/** Replaces values with the recording's placeholders (`<id:1>`), wherever they occur in a string. */
export type Placeholders = Record<string, string>;

function normalize(value: unknown, placeholders: Placeholders): unknown {
  if (value instanceof Date) return 'datetime';
  if (typeof value === 'string') {
    // The snapshots hold JSON object strings (templates) parsed.
    if (value.startsWith('{')) {
      try {
        return normalize(JSON.parse(value), placeholders);
      } catch {
        // not JSON: a string like any other
      }
    }
    let text = value.replaceAll('000000000000', '111111111111');
    for (const [actual, placeholder] of Object.entries(placeholders)) text = text.replaceAll(actual, placeholder);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => normalize(item, placeholders));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, normalize(member, placeholders)]),
    );
  }
  return value;
}

/**
 * An SDK call's outcome in the shape botocore gives the snapshots: the output's members with
 * `ResponseMetadata.HTTPStatusCode`, or `{Error: {Code, Message}, message, ResponseMetadata}` for an error.
 */
export async function outcome(call: Promise<unknown>, placeholders: Placeholders = {}): Promise<unknown> {
  try {
    const { $metadata, ...output } = (await call) as { $metadata: { httpStatusCode?: number } };
    return {
      ...(normalize(output, placeholders) as object),
      ResponseMetadata: { HTTPStatusCode: $metadata.httpStatusCode },
    };
  } catch (error) {
    const { name, message, $metadata } = error as SdkError;
    if ($metadata === undefined) throw error;
    const text = normalize(message, placeholders);
    return {
      Error: { Code: name, Message: text },
      message: text,
      ResponseMetadata: { HTTPStatusCode: $metadata.httpStatusCode },
    };
  }
}
