import { UnsupportedFeatureException } from '../../errors.js';

/**
 * idpool does not run VTL. A MOCK integration's request template is honoured when it is plain JSON naming the
 * status code (`{"statusCode": 200}`, what the console writes when it enables CORS); response templates when they
 * are static text. Anything else is refused when it is put, not silently mis-rendered later.
 */
export function mockStatusCodeOf(template: string): number | undefined {
  if (template.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    parsed = undefined;
  }
  const statusCode = (parsed as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode)) {
    throw new UnsupportedFeatureException(
      `MOCK request template ${JSON.stringify(template)}: only static JSON with an integer statusCode (like {"statusCode": 200}) is emulated, not VTL`,
    );
  }
  return statusCode;
}

export function checkStaticTemplates(templates: Record<string, string> | undefined, what: string): void {
  for (const [contentType, template] of Object.entries(templates ?? {})) {
    if (/[$#]/.test(template)) {
      throw new UnsupportedFeatureException(`${what} for ${contentType} uses VTL ('$' or '#'); only static templates are emulated`);
    }
  }
}
