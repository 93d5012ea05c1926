import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const apiGatewayOperations: OperationTable = {};

export const apiGatewayService: ServiceDefinition = {
  name: 'apigateway',
  model: loadServiceModel('apigateway'),
  protocol: 'restJson1',
  signingName: 'apigateway',
  operations: apiGatewayOperations,
  validationErrorCode: 'BadRequestException',
};
