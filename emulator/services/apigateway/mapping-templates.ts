import { UnsupportedFeatureException } from '../../errors.js';

// CDK's MockIntegration and its CORS preflight write `{ statusCode: 200 }` (a JavaScript-style object, which the
// template's VTL passes through as text): AWS reads the status code from it all the same.
const jsStyleStatus = /^\s*\{\s*(["']?)statusCode\1\s*:\s*(\d+)\s*,?\s*\}\s*$/;

/**
 * idpool does not run VTL. A MOCK integration's request template is honoured when it is JSON naming the status
 * code (`{"statusCode": 200}`, what the console writes when it enables CORS) or CDK's `{ statusCode: 200 }`;
 * response templates when they are static text. Anything else is refused when it is put, not silently
 * mis-rendered later.
 */
export function mockStatusCodeOf(template: string): number | undefined {
  if (template.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    const jsStyle = jsStyleStatus.exec(template);
    parsed = jsStyle ? { statusCode: Number(jsStyle[2]) } : undefined;
  }
  const statusCode = (parsed as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode)) {
    throw new UnsupportedFeatureException(
      `MOCK request template ${JSON.stringify(template)}: only static JSON with an integer statusCode ` +
        '(like {"statusCode": 200}) is emulated, not VTL',
    );
  }
  return statusCode;
}

export function checkStaticTemplates(templates: Record<string, string> | undefined, what: string): void {
  for (const [contentType, template] of Object.entries(templates ?? {})) {
    if (/[$#]/.test(template)) {
      throw new UnsupportedFeatureException(
        `${what} for ${contentType} uses VTL ('$' or '#'); only static templates are emulated`,
      );
    }
  }
}
