import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetResourcesCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { stackConventions } from '../../contracts/stack-conventions.js';
import type { Provisioner } from './provisioner.js';
import { errorNamed, retrying } from './retry.js';

const corsHeader = (name: string) => `method.response.header.Access-Control-Allow-${name}`;

/** Step 7: the REST API, GET /hello (AWS_IAM → AWS_PROXY Lambda) with its CORS preflight, GET /private, stage dev. */
export async function createRestApi(provisioner: Provisioner): Promise<string | undefined> {
  const { clients, options, stack } = provisioner;
  const api = await provisioner.call('createRestApi', () =>
    clients.apiGateway.send(
      new CreateRestApiCommand({
        name: options.names.restApi,
        endpointConfiguration: { types: ['REGIONAL'] },
        tags: options.tags,
      }),
    ),
  );
  const restApiId = api?.id;
  if (!restApiId) return undefined;
  provisioner.teardown.add(`REST API ${restApiId}`, () =>
    // AWS allows one DeleteRestApi per 30 seconds per account.
    retrying(
      () => clients.apiGateway.send(new DeleteRestApiCommand({ restApiId })),
      errorNamed('TooManyRequestsException'),
      options.eventuallyConsistent ? 120_000 : 0,
    ),
  );
  Object.assign(stack, {
    restApiId,
    stage: stackConventions.stage,
    helloPath: stackConventions.helloPath,
    deniedPath: stackConventions.deniedPath,
  });
  return restApiId;
}

export async function addApiMethods(provisioner: Provisioner, restApiId: string, functionArn: string): Promise<void> {
  const { clients } = provisioner;
  const resources = await provisioner.call('getResources', () =>
    clients.apiGateway.send(new GetResourcesCommand({ restApiId })),
  );
  const rootId = resources?.items?.find((item) => item.path === '/')?.id;
  if (!rootId) return;
  const hello = await createResource(
    provisioner,
    'createHelloResource',
    restApiId,
    rootId,
    stackConventions.helloPath.slice(1),
  );
  if (hello) {
    await addLambdaMethod(provisioner, 'Hello', restApiId, hello, functionArn);
    await addCorsPreflight(provisioner, restApiId, hello);
  }
  const denied = await createResource(
    provisioner,
    'createPrivateResource',
    restApiId,
    rootId,
    stackConventions.deniedPath.slice(1),
  );
  if (denied) {
    await addLambdaMethod(provisioner, 'Private', restApiId, denied, functionArn);
    // Enable CORS works per resource; without it a browser's preflight of /private fails before the 403 is seen.
    await addCorsPreflight(provisioner, restApiId, denied, 'Private');
  }
}

async function createResource(
  provisioner: Provisioner,
  call: string,
  restApiId: string,
  parentId: string,
  pathPart: string,
): Promise<string | undefined> {
  const created = await provisioner.call(call, () =>
    provisioner.clients.apiGateway.send(new CreateResourceCommand({ restApiId, parentId, pathPart })),
  );
  return created?.id;
}

async function addLambdaMethod(
  provisioner: Provisioner,
  label: string,
  restApiId: string,
  resourceId: string,
  functionArn: string,
): Promise<void> {
  const { clients, options } = provisioner;
  const method = await provisioner.call(`put${label}Method`, () =>
    clients.apiGateway.send(
      new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'AWS_IAM' }),
    ),
  );
  if (!method) return;
  await provisioner.call(`put${label}Integration`, () =>
    clients.apiGateway.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${options.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      }),
    ),
  );
}

/**
 * What the console's "Enable CORS" makes: OPTIONS, no authorization, a MOCK integration answering the headers. The
 * calls are named `put<label>Options…` (`putOptionsMethod` for /hello).
 */
async function addCorsPreflight(
  provisioner: Provisioner,
  restApiId: string,
  resourceId: string,
  label = '',
): Promise<void> {
  const api = provisioner.clients.apiGateway;
  const method = await provisioner.call(`put${label}OptionsMethod`, () =>
    api.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' })),
  );
  if (!method) return;
  const target = { restApiId, resourceId, httpMethod: 'OPTIONS' };
  await provisioner.call(`put${label}OptionsIntegration`, () =>
    api.send(
      new PutIntegrationCommand({
        ...target,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    ),
  );
  await provisioner.call(`put${label}OptionsMethodResponse`, () =>
    api.send(
      new PutMethodResponseCommand({
        ...target,
        statusCode: '200',
        responseParameters: {
          [corsHeader('Headers')]: false,
          [corsHeader('Methods')]: false,
          [corsHeader('Origin')]: false,
        },
      }),
    ),
  );
  await provisioner.call(`put${label}OptionsIntegrationResponse`, () =>
    api.send(
      new PutIntegrationResponseCommand({
        ...target,
        statusCode: '200',
        responseParameters: {
          [corsHeader('Headers')]: `'${stackConventions.corsAllowHeaders}'`,
          [corsHeader('Methods')]: `'${stackConventions.corsAllowMethods}'`,
          [corsHeader('Origin')]: "'*'",
        },
      }),
    ),
  );
}

/**
 * What the console's "Enable CORS" offers for gateway responses (Default 4XX): API Gateway's own refusals (403
 * unsigned, bad signature, not allowed) carry Access-Control-Allow-Origin, so page code can read them instead of a bare
 * `TypeError: Failed to fetch`. Needs the deployment that follows. Source: AWS docs, "Enable CORS on a resource using
 * the API Gateway console" and PutGatewayResponse (static header values in single quotes).
 */
export async function putCorsGatewayResponse(provisioner: Provisioner, restApiId: string): Promise<void> {
  const send = () =>
    provisioner.clients.apiGateway.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: 'DEFAULT_4XX',
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
          'gatewayresponse.header.Access-Control-Allow-Headers': `'${stackConventions.corsAllowHeaders}'`,
          'gatewayresponse.header.Access-Control-Allow-Methods': `'${stackConventions.corsAllowMethods}'`,
        },
      }),
    );
  await provisioner.call('putCorsGatewayResponse', send);
}

export async function deployStage(provisioner: Provisioner, restApiId: string): Promise<void> {
  const { clients, options, stack } = provisioner;
  const deployment = await provisioner.call('createDeployment', () =>
    clients.apiGateway.send(new CreateDeploymentCommand({ restApiId, stageName: stackConventions.stage })),
  );
  if (deployment) stack.apiUrl = options.apiBaseUrl(restApiId, stackConventions.stage);
}
