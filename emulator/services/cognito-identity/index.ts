import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const cognitoIdentityOperations: OperationTable = {};

export const cognitoIdentityService: ServiceDefinition = {
  name: 'cognito-identity',
  model: loadServiceModel('cognito-identity'),
  protocol: 'awsJson1_1',
  signingName: 'cognito-identity',
  operations: cognitoIdentityOperations,
  validationErrorCode: 'ValidationException',
};
