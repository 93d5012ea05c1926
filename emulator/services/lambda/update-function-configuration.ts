import type { FunctionConfiguration, UpdateFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import type { FunctionRecord } from '../../store/lambda-store.js';
import { defineOperation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import {
  checkEnvironment,
  checkLimits,
  checkRole,
  checkRuntime,
  rejectUnemulatedSettings,
} from './function-settings.js';
import { refuseWhileChanging, startTransition } from './function-states.js';
import { checkRevision } from './function-versions.js';

export const updateFunctionConfiguration = defineOperation(
  ['lambdaStore', 'lambda', 'iam', 'config'],
  ({ lambdaStore, lambda, iam, config }) =>
    (input: UpdateFunctionConfigurationRequest, context): FunctionConfiguration => {
      const reference = parseFunctionName(input.FunctionName as string, context);
      rejectUnemulatedSettings(input);
      if (input.Runtime !== undefined) checkRuntime(input.Runtime);
      checkLimits(input.Timeout, input.MemorySize);
      if (input.Environment?.Variables) checkEnvironment(input.Environment.Variables);
      if (input.Role !== undefined) checkRole(iam, input.Role);

      const nowMs = context.now.getTime();
      const fn = requireFunction(lambdaStore, reference);
      checkRevision(fn, input.RevisionId, nowMs);
      refuseWhileChanging(fn, nowMs, functionArn(fn));
      const update = startTransition('update', nowMs, config.lambdaStateTransitionMs);
      const { settings } = fn;
      // An Environment without variables (or with none) removes them all, as Lambda does.
      const variables = input.Environment?.Variables ?? {};
      const environment =
        input.Environment === undefined
          ? settings.environment
          : Object.keys(variables).length > 0
            ? variables
            : undefined;
      const updated: FunctionRecord = {
        ...fn,
        settings: {
          ...settings,
          runtime: input.Runtime ?? settings.runtime,
          role: input.Role ?? settings.role,
          handler: input.Handler ?? settings.handler,
          description: input.Description ?? settings.description,
          timeout: input.Timeout ?? settings.timeout,
          memorySize: input.MemorySize ?? settings.memorySize,
          environment,
          ephemeralStorageSize: input.EphemeralStorage?.Size ?? settings.ephemeralStorageSize,
          logGroup: input.LoggingConfig?.LogGroup ?? settings.logGroup,
        },
        revisionId: update.revisionId,
        transition: update.transition,
        lastModified: nowMs,
      };
      lambdaStore.saveFunction(updated);
      lambda.functionChanged(reference);
      return functionConfiguration(updated, { nowMs, fresh: true });
    },
);
