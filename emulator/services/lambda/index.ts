import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const lambdaOperations: OperationTable = {};

export const lambdaService: ServiceDefinition = {
  name: 'lambda',
  model: loadServiceModel('lambda'),
  protocol: 'restJson1',
  signingName: 'lambda',
  operations: lambdaOperations,
  validationErrorCode: 'ValidationException',
};
