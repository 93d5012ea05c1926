import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const stsOperations: OperationTable = {};

export const stsService: ServiceDefinition = {
  name: 'sts',
  model: loadServiceModel('sts'),
  protocol: 'awsQuery',
  signingName: 'sts',
  operations: stsOperations,
  validationErrorCode: 'ValidationError',
};
