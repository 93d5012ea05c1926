import type { FunctionConfiguration, ListFunctionsRequest, ListFunctionsResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { functionConfiguration } from './function-configuration.js';

/** Lambda returns at most 50 entries a page, whatever larger MaxItems asks. */
const maxPage = 50;

/** Pages through configurations; the marker (opaque to the caller) is the ARN of the previous page's last entry. */
export function page(
  entries: FunctionConfiguration[],
  marker: string | undefined,
  maxItems: number | undefined,
): { entries: FunctionConfiguration[]; nextMarker?: string } {
  let start = 0;
  if (marker !== undefined) {
    const arn = Buffer.from(marker, 'base64url').toString('utf8');
    const index = entries.findIndex((entry) => entry.FunctionArn === arn);
    if (index === -1 && !/^arn:aws[a-z-]*:lambda:/.test(arn)) throw lambdaErrors.invalidMarker(marker);
    start = index === -1 ? entries.findIndex((entry) => (entry.FunctionArn ?? '') > arn) : index + 1;
    if (start === -1) start = entries.length;
  }
  const size = Math.min(maxItems ?? maxPage, maxPage);
  const chosen = entries.slice(start, start + size);
  const more = start + size < entries.length;
  return {
    entries: chosen,
    nextMarker: more ? Buffer.from(chosen.at(-1)?.FunctionArn ?? '').toString('base64url') : undefined,
  };
}

/**
 * The region's functions in name order: `$LATEST` only, or every published version too with FunctionVersion=ALL.
 * MasterRegion asks for Lambda@Edge replicas, of which idpool has none. Entries carry no state.
 */
export const listFunctions = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: ListFunctionsRequest, context): ListFunctionsResponse => {
      if (input.MasterRegion !== undefined) return { Functions: [] };
      const all = input.FunctionVersion === 'ALL';
      const entries: FunctionConfiguration[] = [];
      // Listing every version names `$LATEST` as one of them: `…:function:f:$LATEST` (recorded: test_list_functions).
      const view = {
        nowMs: context.now.getTime(),
        listed: true,
        arn: all ? ('qualified' as const) : ('default' as const),
      };
      for (const fn of lambdaStore.listFunctions(context.accountId, context.region)) {
        entries.push(functionConfiguration(fn, view));
        if (all) for (const version of lambdaStore.versions(fn)) entries.push(functionConfiguration(version, view));
      }
      const result = page(entries, input.Marker, input.MaxItems);
      return { Functions: result.entries, NextMarker: result.nextMarker };
    },
);
