import { GetMethodCommand, GetResourcesCommand, GetRestApiCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { z } from 'zod';
import { at, same } from '../checks.js';
import { defineContract, recorded } from '../define.js';
import { NotRun } from '../not-run.js';
import type { Outcome } from '../outcome.js';
import { stackConventions } from '../stack-conventions.js';
import type { ContractContext } from '../types.js';

const apiModel = 'botocore apigateway 2015-07-09 service-2.json (RestApi, Method, Integration, Stage, Deployment)';

async function resourceIdOf(ctx: ContractContext, path: string): Promise<string> {
  const resources = await ctx.clients.apiGateway.send(
    new GetResourcesCommand({ restApiId: ctx.stack.restApiId, limit: 500 }),
  );
  const resource = resources.items?.find((item) => item.path === path);
  if (!resource?.id) throw new NotRun(`the API has no resource ${path} (provisioning did not create it)`);
  return resource.id;
}

export async function getMethod(ctx: ContractContext, path: string, httpMethod: string): Promise<Outcome> {
  return ctx.call(
    ctx.clients.apiGateway.send(
      new GetMethodCommand({ restApiId: ctx.stack.restApiId, resourceId: await resourceIdOf(ctx, path), httpMethod }),
    ),
  );
}

function lambdaIntegrationUri(ctx: ContractContext): string {
  return `arn:aws:apigateway:${ctx.stack.region}:lambda:path/2015-03-31/functions/${ctx.stack.functionArn}/invocations`;
}

const methodSchema = z.looseObject({
  httpMethod: z.string(),
  authorizationType: z.string(),
  apiKeyRequired: z.boolean().optional(),
  methodIntegration: z
    .looseObject({ type: z.string(), httpMethod: z.string().optional(), uri: z.string().optional() })
    .optional(),
  methodResponses: z.record(z.string(), z.looseObject({})).optional(),
});

/** Recorded AWS answers (LocalStack's parity snapshots, replayed against idpool by test/aws-recorded). */
function apiGatewayRecording(test: string, key: string): string {
  return (
    'recorded AWS answer: ' +
    'localstack/localstack@8b9a79f05846 tests/aws/services/apigateway/test_apigateway_api.snapshot.json, ' +
    `${test} → ${key} (copy: test/fixtures/aws-recorded/apigateway/test_apigateway_api.snapshot.json)`
  );
}

export const createAndDeployApiContracts = [
  defineContract({
    id: 'create-and-deploy-api.create-rest-api-response',
    step: 'create-and-deploy-api',
    title: 'CreateRestApi answers 201 with a 10-character API id',
    request:
      'apigateway CreateRestApi {name: idpool-<run>, endpointConfiguration: {types: [REGIONAL]}, tags: {idpool:run}}',
    status: 'model',
    source: {
      ref: `${apiModel}; https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html`,
      note: 'CreateRestApi: HTTP 201, output RestApi {id, name, createdDate, endpointConfiguration, rootResourceId, …}; the id is the 10-character lower-case label of https://<api-id>.execute-api.<region>.amazonaws.com.',
    },
    run: (ctx) => recorded(ctx, 'createRestApi'),
    expect: {
      kind: 'response',
      status: 201,
      schema: z.looseObject({
        id: z.string().regex(/^[a-z0-9]{10}$/),
        name: z.string(),
        createdDate: z.iso.datetime({ offset: true }),
        endpointConfiguration: z.looseObject({ types: z.array(z.string()) }).optional(),
        rootResourceId: z.string().optional(),
      }),
      checks: {
        'the stack API': (body, ctx) => [
          ...same('id', at(body, 'id'), ctx.stack.restApiId),
          ...same('endpointConfiguration.types', at(body, 'endpointConfiguration.types'), ['REGIONAL']),
        ],
      },
    },
  }),
  defineContract({
    id: 'create-and-deploy-api.hello-method',
    step: 'create-and-deploy-api',
    title: 'GET /hello is AWS_IAM-authorized with an AWS_PROXY (POST) integration to the function',
    request: 'apigateway GetMethod {restApiId: <api>, resourceId: <id of /hello>, httpMethod: GET}',
    status: 'model',
    source: {
      ref: `${apiModel}; https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html`,
      note:
        'A Lambda proxy integration is type AWS_PROXY, httpMethod POST, ' +
        'uri arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations; ' +
        "the method's authorizationType is AWS_IAM.",
    },
    run: (ctx) => getMethod(ctx, stackConventions.helloPath, 'GET'),
    expect: {
      kind: 'response',
      status: 200,
      schema: methodSchema,
      checks: {
        'IAM-authorized proxy to the function': (body, ctx) => [
          ...same('httpMethod', at(body, 'httpMethod'), 'GET'),
          ...same('authorizationType', at(body, 'authorizationType'), 'AWS_IAM'),
          ...same('methodIntegration.type', at(body, 'methodIntegration.type'), 'AWS_PROXY'),
          ...same('methodIntegration.httpMethod', at(body, 'methodIntegration.httpMethod'), 'POST'),
          ...same('methodIntegration.uri', at(body, 'methodIntegration.uri'), lambdaIntegrationUri(ctx)),
        ],
      },
    },
  }),
  defineContract({
    id: 'create-and-deploy-api.create-deployment-response',
    step: 'create-and-deploy-api',
    title: 'CreateDeployment to stage dev answers 201 with the deployment id',
    request: `apigateway CreateDeployment {restApiId: <api>, stageName: ${stackConventions.stage}}`,
    status: 'model',
    source: {
      ref: apiModel,
      note: 'CreateDeployment: HTTP 201, output Deployment {id, description, createdDate, apiSummary}.',
    },
    run: (ctx) => recorded(ctx, 'createDeployment'),
    expect: {
      kind: 'response',
      status: 201,
      schema: z.strictObject({
        id: z.string().min(1),
        description: z.string().optional(),
        createdDate: z.iso.datetime({ offset: true }),
        apiSummary: z.looseObject({}).optional(),
      }),
    },
  }),
  defineContract({
    id: 'create-and-deploy-api.stage',
    step: 'create-and-deploy-api',
    title: 'Stage dev points at the deployment',
    request: `apigateway GetStage {restApiId: <api>, stageName: ${stackConventions.stage}}`,
    status: 'model',
    source: { ref: apiModel, note: 'Stage {deploymentId, stageName, createdDate, lastUpdatedDate, …}.' },
    run: (ctx) =>
      ctx.call(
        ctx.clients.apiGateway.send(
          new GetStageCommand({ restApiId: ctx.stack.restApiId, stageName: ctx.stack.stage }),
        ),
      ),
    expect: {
      kind: 'response',
      status: 200,
      schema: z.looseObject({ deploymentId: z.string(), stageName: z.string() }),
      checks: {
        'the deployed stage': (body, ctx) => {
          const deployment = ctx.provisioning?.createDeployment;
          return [
            ...same('stageName', at(body, 'stageName'), ctx.stack.stage),
            ...(deployment?.kind === 'response'
              ? same('deploymentId', at(body, 'deploymentId'), at(deployment.body, 'id'))
              : []),
          ];
        },
      },
    },
  }),
  defineContract({
    id: 'create-and-deploy-api.unknown-api',
    step: 'create-and-deploy-api',
    title: 'GetRestApi of an API that does not exist is NotFoundException (404)',
    request: 'apigateway GetRestApi {restApiId: a1b2c3d4e5}',
    status: 'validated',
    source: {
      ref:
        `${apiGatewayRecording('TestApiGatewayApiRestApi::test_get_api_case_insensitive', 'get-api-upper-case')}; ` +
        `${apiModel}`,
      note:
        'Recorded: GetRestApi of an id no API has (the upper-cased id of an existing one) answers 404, ' +
        "NotFoundException, 'Invalid API identifier specified <account>:<api-id>'.",
    },
    run: (ctx) => ctx.call(ctx.clients.apiGateway.send(new GetRestApiCommand({ restApiId: 'a1b2c3d4e5' }))),
    expect: {
      kind: 'error',
      error: {
        code: 'NotFoundException',
        status: 404,
        message: /^Invalid API identifier specified \d{12}:a1b2c3d4e5$/,
      },
    },
  }),
  defineContract({
    id: 'create-and-deploy-api.unknown-method',
    step: 'create-and-deploy-api',
    title: 'GetMethod of a method the resource does not have is NotFoundException (404)',
    request: 'apigateway GetMethod {restApiId: <api>, resourceId: <id of /hello>, httpMethod: POST}',
    status: 'validated',
    source: {
      ref:
        `${apiGatewayRecording('TestApiGatewayApiMethod::test_method_lifecycle', 'get-deleted-method-response')}; ` +
        `${apiModel}`,
      note:
        'Recorded: GetMethod of a method the resource no longer has answers 404, NotFoundException, ' +
        "'Invalid Method identifier specified'.",
    },
    run: (ctx) => getMethod(ctx, stackConventions.helloPath, 'POST'),
    expect: {
      kind: 'error',
      error: { code: 'NotFoundException', status: 404, message: /^Invalid Method identifier specified$/ },
    },
  }),
];
