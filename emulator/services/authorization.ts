import type { ServiceAuthorization } from '../auth/authorization-spec.js';
import { apiGatewayAuthorization } from './apigateway/authorization.js';
import { cognitoIdentityAuthorization } from './cognito-identity/authorization.js';
import { iamAuthorization } from './iam/authorization.js';
import { lambdaAuthorization } from './lambda/authorization.js';
import { stsAuthorization } from './sts/authorization.js';

/** Each service's authorization specs, by the service's SigV4 signing name. */
export const serviceAuthorizations: Readonly<Record<string, ServiceAuthorization>> = {
  'cognito-identity': cognitoIdentityAuthorization,
  sts: stsAuthorization,
  iam: iamAuthorization,
  lambda: lambdaAuthorization,
  apigateway: apiGatewayAuthorization,
};
