import type { OperationTable, ServiceDefinition } from '../service-definition.js';
import { addPermission } from './add-permission.js';
import { createFunction } from './create-function.js';
import { deleteFunctionConcurrency } from './delete-function-concurrency.js';
import { deleteFunction } from './delete-function.js';
import { getAccountSettings } from './get-account-settings.js';
import { getFunctionCodeSigningConfig } from './get-function-code-signing-config.js';
import { getFunctionConcurrency } from './get-function-concurrency.js';
import { getFunctionConfiguration } from './get-function-configuration.js';
import { getFunction } from './get-function.js';
import { getPolicy } from './get-policy.js';
import { invoke } from './invoke.js';
import { listFunctions } from './list-functions.js';
import { listTags } from './list-tags.js';
import { listVersionsByFunction } from './list-versions-by-function.js';
import { lambdaModel } from './model-patches.js';
import { publishVersionOperation } from './publish-version.js';
import { putFunctionConcurrency } from './put-function-concurrency.js';
import { removePermission } from './remove-permission.js';
import { tagResource } from './tag-resource.js';
import { untagResource } from './untag-resource.js';
import { updateFunctionCode } from './update-function-code.js';
import { updateFunctionConfiguration } from './update-function-configuration.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
const lambdaOperations: OperationTable = {
  CreateFunction: createFunction,
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  ListFunctions: listFunctions,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
  DeleteFunction: deleteFunction,
  Invoke: invoke,
  AddPermission: addPermission,
  RemovePermission: removePermission,
  GetPolicy: getPolicy,
  PublishVersion: publishVersionOperation,
  ListVersionsByFunction: listVersionsByFunction,
  PutFunctionConcurrency: putFunctionConcurrency,
  GetFunctionConcurrency: getFunctionConcurrency,
  DeleteFunctionConcurrency: deleteFunctionConcurrency,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTags: listTags,
  GetAccountSettings: getAccountSettings,
  GetFunctionCodeSigningConfig: getFunctionCodeSigningConfig,
};

export const lambdaService: ServiceDefinition = {
  name: 'lambda',
  model: lambdaModel(),
  protocol: 'restJson1',
  signingName: 'lambda',
  operations: lambdaOperations,
  validationErrorCode: 'ValidationException',
};
