import type { FunctionConfiguration, UpdateFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import type { FunctionRecord } from '../../store/lambda-store.js';
import type { Operation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';
import { checkEnvironment, checkLimits, checkRole, checkRuntime, rejectUnemulatedSettings } from './function-settings.js';
import { refuseWhileChanging, startTransition } from './function-states.js';
import { checkRevision } from './function-versions.js';

export const updateFunctionConfiguration: Operation<UpdateFunctionConfigurationRequest, FunctionConfiguration> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context);
  rejectUnemulatedSettings(input);
  if (input.Runtime !== undefined) checkRuntime(input.Runtime);
  checkLimits(input.Timeout, input.MemorySize);
  if (input.Environment?.Variables) checkEnvironment(input.Environment.Variables);
  if (input.Role !== undefined) checkRole(runtime, input.Role);

  const nowMs = context.now.getTime();
  let updated: FunctionRecord | undefined;
  runtime.db.transaction(() => {
    const fn = requireFunction(store, reference);
    checkRevision(fn, input.RevisionId, nowMs);
    refuseWhileChanging(fn, nowMs, functionArn(fn));
    const update = startTransition('update', nowMs, runtime.config.lambdaStateTransitionMs);
    const { settings } = fn;
    // An Environment without variables (or with none) removes them all, as Lambda does.
    const environment = input.Environment === undefined ? settings.environment : Object.keys(input.Environment.Variables ?? {}).length > 0 ? input.Environment.Variables : undefined;
    updated = {
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
    store.saveFunction(updated);
  });
  runtime.lambda.functionChanged(reference);
  return functionConfiguration(updated as FunctionRecord, { nowMs, fresh: true });
};
