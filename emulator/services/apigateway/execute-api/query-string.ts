import { percentDecode } from './canonical-path.js';

/**
 * The query string's parameters in order, as API Gateway reads them for the event and for mapping: `+` is a space
 * and `%2B` a plus (recorded: `plus=test+alias` arrives as `test alias`, `email=test%2Balias` as `test+alias`).
 */
export function queryParameters(query: string): [string, string][] {
  const parameters: [string, string][] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const decode = (text: string) => percentDecode(text.replaceAll('+', ' '));
    parameters.push([
      decode(equals === -1 ? pair : pair.slice(0, equals)),
      equals === -1 ? '' : decode(pair.slice(equals + 1)),
    ]);
  }
  return parameters;
}
