import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';
import { assumeRole } from './assume-role.js';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity.js';
import { getCallerIdentity } from './get-caller-identity.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
export const stsOperations: OperationTable = {
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  GetCallerIdentity: getCallerIdentity,
};

export const stsService: ServiceDefinition = {
  name: 'sts',
  model: loadServiceModel('sts'),
  protocol: 'awsQuery',
  signingName: 'sts',
  operations: stsOperations,
  validationErrorCode: 'ValidationError',
};
