import type { ListVersionsByFunctionRequest, ListVersionsByFunctionResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';
import { page } from './list-functions.js';

/** `$LATEST` first (its ARN qualified with `$LATEST`, as recorded), then the published versions in order. */
export const listVersionsByFunction = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: ListVersionsByFunctionRequest, context): ListVersionsByFunctionResponse => {
      const fn = requireFunction(lambdaStore, parseFunctionName(input.FunctionName as string, context));
      const view = { nowMs: context.now.getTime(), listed: true, arn: 'qualified' as const };
      const entries = [fn, ...lambdaStore.versions(fn)].map((record) => functionConfiguration(record, view));
      const result = page(entries, input.Marker, input.MaxItems);
      return { Versions: result.entries, NextMarker: result.nextMarker };
    },
);
