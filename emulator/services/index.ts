import { apiGatewayService } from './apigateway/index.js';
import { cognitoIdentityService } from './cognito-identity/index.js';
import { iamService } from './iam/index.js';
import { lambdaService } from './lambda/index.js';
import type { ServiceDefinition } from './service-definition.js';
import { stsService } from './sts/index.js';

/** Every service the emulator speaks, on its one port. */
export const services: ServiceDefinition[] = [cognitoIdentityService, stsService, iamService, lambdaService, apiGatewayService];
