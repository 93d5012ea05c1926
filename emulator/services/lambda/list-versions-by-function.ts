import type { ListVersionsByFunctionRequest, ListVersionsByFunctionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';
import { page } from './list-functions.js';

/** `$LATEST` first (its ARN qualified with `$LATEST`, as recorded), then the published versions in order. */
export const listVersionsByFunction: Operation<ListVersionsByFunctionRequest, ListVersionsByFunctionResponse> = (input, context) => {
  const store = context.runtime.lambdaStore;
  const fn = requireFunction(store, parseFunctionName(input.FunctionName as string, context));
  const view = { nowMs: context.now.getTime(), listed: true, arn: 'qualified' as const };
  const entries = [fn, ...store.versions(fn)].map((record) => functionConfiguration(record, view));
  const result = page(entries, input.Marker, input.MaxItems);
  return { Versions: result.entries, NextMarker: result.nextMarker };
};
