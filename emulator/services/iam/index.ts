import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const iamOperations: OperationTable = {};

export const iamService: ServiceDefinition = {
  name: 'iam',
  model: loadServiceModel('iam'),
  protocol: 'awsQuery',
  signingName: 'iam',
  operations: iamOperations,
  validationErrorCode: 'ValidationError',
};
