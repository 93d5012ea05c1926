import { describe, expect, it } from 'vitest';
import { apiGatewayService } from '../../emulator/services/apigateway/index.js';
import { cognitoIdentityService } from '../../emulator/services/cognito-identity/index.js';
import { iamService } from '../../emulator/services/iam/index.js';
import { services } from '../../emulator/services/index.js';
import { lambdaService } from '../../emulator/services/lambda/index.js';
import type { ServiceDefinition } from '../../emulator/services/service-definition.js';
import { stsService } from '../../emulator/services/sts/index.js';

const definitions: ServiceDefinition[] = [
  cognitoIdentityService,
  stsService,
  iamService,
  lambdaService,
  apiGatewayService,
];

describe('services whose operations load on their first call', () => {
  it('refuse to be read before they are loaded', () => {
    const [cognito] = services as [ServiceDefinition];
    expect(cognito.load).toBeTypeOf('function');
    expect(() => cognito.operations).toThrow('read before they were loaded');
  });

  it('route, validate and run exactly as their definitions once loaded', async () => {
    expect(services.map((service) => service.name)).toEqual(definitions.map((definition) => definition.name));
    for (const [index, service] of services.entries()) {
      const definition = definitions[index] as ServiceDefinition;
      await service.load?.();
      expect(service.load).toBeUndefined();
      expect([service.protocol, service.signingName]).toEqual([definition.protocol, definition.signingName]);
      expect(service.model).toEqual(definition.model);
      expect(service.operations).toBe(definition.operations);
      expect(service.validationErrorCode).toBe(definition.validationErrorCode);
      expect(service.validationMemberPrefix).toBe(definition.validationMemberPrefix);
      expect(service.validationEchoesValues).toBe(definition.validationEchoesValues);
    }
  });
});
