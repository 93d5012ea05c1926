import { loadServiceModel, type ServiceModel } from '../protocols/service-model.js';
import { lambdaModel } from './lambda/model-patches.js';
import type { ServiceDefinition } from './service-definition.js';

/** What routing needs of a service before its operations are loaded. */
interface ServiceRouting {
  name: string;
  protocol: ServiceDefinition['protocol'];
  signingName: string;
  model: () => ServiceModel;
}

/**
 * A service whose routing (name, protocol, signing name, model) is there from the start and whose operations, with
 * every module they import, load on its first call (`load`, which the protocol layer awaits): the emulator starts
 * without the code of the services a session never calls.
 */
function lazyService(routing: ServiceRouting, importDefinition: () => Promise<ServiceDefinition>): ServiceDefinition {
  let loading: Promise<void> | undefined;
  let model: ServiceModel | undefined;
  const notYet = (): never => {
    throw new Error(`idpool: the ${routing.name} operations were read before they were loaded`);
  };
  const service: ServiceDefinition = {
    name: routing.name,
    protocol: routing.protocol,
    signingName: routing.signingName,
    // The model (its JSON read and decoded) on first use: a session that never calls the service never reads it.
    get model() {
      model ??= routing.model();
      return model;
    },
    get operations() {
      return notYet();
    },
    get validationErrorCode() {
      return notYet();
    },
    load: () =>
      (loading ??= importDefinition().then((definition) => {
        if (
          definition.name !== service.name ||
          definition.protocol !== service.protocol ||
          definition.signingName !== service.signingName
        ) {
          throw new Error(`idpool: the ${routing.name} service's routing differs from its definition`);
        }
        Object.defineProperties(service, {
          operations: { value: definition.operations },
          validationErrorCode: { value: definition.validationErrorCode },
          validationMemberPrefix: { value: definition.validationMemberPrefix },
          validationEchoesValues: { value: definition.validationEchoesValues },
          load: { value: undefined },
        });
      })),
  };
  return service;
}

/** Every service the emulator speaks, on its one port. */
export const services: ServiceDefinition[] = [
  lazyService(
    {
      name: 'cognito-identity',
      protocol: 'awsJson1_1',
      signingName: 'cognito-identity',
      model: () => loadServiceModel('cognito-identity'),
    },
    async () => (await import('./cognito-identity/index.js')).cognitoIdentityService,
  ),
  lazyService(
    { name: 'sts', protocol: 'awsQuery', signingName: 'sts', model: () => loadServiceModel('sts') },
    async () => (await import('./sts/index.js')).stsService,
  ),
  lazyService(
    { name: 'iam', protocol: 'awsQuery', signingName: 'iam', model: () => loadServiceModel('iam') },
    async () => (await import('./iam/index.js')).iamService,
  ),
  lazyService(
    { name: 'lambda', protocol: 'restJson1', signingName: 'lambda', model: lambdaModel },
    async () => (await import('./lambda/index.js')).lambdaService,
  ),
  lazyService(
    {
      name: 'apigateway',
      protocol: 'restJson1',
      signingName: 'apigateway',
      model: () => loadServiceModel('apigateway'),
    },
    async () => (await import('./apigateway/index.js')).apiGatewayService,
  ),
];

/** Every service with its operations loaded (for what lists them all: the health route, the README's table). */
export async function loadedServices(): Promise<ServiceDefinition[]> {
  await Promise.all(services.map((service) => service.load?.()));
  return services;
}
