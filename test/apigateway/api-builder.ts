import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';

/** Builds REST APIs through the control plane the way a user's setup script does. */
export class ApiBuilder {
  private readonly resourceIds = new Map<string, string>();

  private constructor(
    private readonly gateway: APIGatewayClient,
    readonly apiId: string,
    rootId: string,
  ) {
    this.resourceIds.set('/', rootId);
  }

  static async create(gateway: APIGatewayClient, name: string, policy?: object): Promise<ApiBuilder> {
    const api = await gateway.send(new CreateRestApiCommand({ name, policy: policy && JSON.stringify(policy) }));
    return new ApiBuilder(gateway, api.id as string, api.rootResourceId as string);
  }

  /** The id of the resource at `path`, creating it and its missing ancestors. */
  async resource(path: string): Promise<string> {
    const known = this.resourceIds.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const parentId = await this.resource(slash === 0 ? '/' : path.slice(0, slash));
    const created = await this.gateway.send(
      new CreateResourceCommand({ restApiId: this.apiId, parentId, pathPart: path.slice(slash + 1) }),
    );
    this.resourceIds.set(path, created.id as string);
    return created.id as string;
  }

  /** A MOCK method answering `status` with a static JSON body naming the route. */
  async mock(httpMethod: string, path: string, authorizationType: 'NONE' | 'AWS_IAM', status = 200): Promise<void> {
    const resourceId = await this.resource(path);
    const target = { restApiId: this.apiId, resourceId, httpMethod };
    await this.gateway.send(new PutMethodCommand({ ...target, authorizationType }));
    await this.gateway.send(
      new PutIntegrationCommand({
        ...target,
        type: 'MOCK',
        requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
      }),
    );
    await this.gateway.send(new PutMethodResponseCommand({ ...target, statusCode: String(status) }));
    await this.gateway.send(
      new PutIntegrationResponseCommand({
        ...target,
        statusCode: String(status),
        responseTemplates: { 'application/json': JSON.stringify({ route: `${httpMethod} ${path}` }) },
      }),
    );
  }

  /** What the console's "Enable CORS" creates: OPTIONS, MOCK, a method response and an integration response. */
  async cors(path: string, methods = 'GET,OPTIONS'): Promise<void> {
    const resourceId = await this.resource(path);
    const target = { restApiId: this.apiId, resourceId, httpMethod: 'OPTIONS' };
    await this.gateway.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
    await this.gateway.send(
      new PutIntegrationCommand({
        ...target,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    const headers = ['Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin'];
    await this.gateway.send(
      new PutMethodResponseCommand({
        ...target,
        statusCode: '200',
        responseParameters: Object.fromEntries(headers.map((header) => [`method.response.header.${header}`, false])),
        responseModels: { 'application/json': 'Empty' },
      }),
    );
    await this.gateway.send(
      new PutIntegrationResponseCommand({
        ...target,
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Headers':
            "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
          'method.response.header.Access-Control-Allow-Methods': `'${methods}'`,
          'method.response.header.Access-Control-Allow-Origin': "'*'",
        },
        responseTemplates: { 'application/json': '' },
      }),
    );
  }

  /** An AWS_PROXY method to the Lambda function `functionArn`. */
  async lambda(
    httpMethod: string,
    path: string,
    authorizationType: 'NONE' | 'AWS_IAM',
    functionArn: string,
  ): Promise<string> {
    const resourceId = await this.resource(path);
    const target = { restApiId: this.apiId, resourceId, httpMethod };
    await this.gateway.send(new PutMethodCommand({ ...target, authorizationType }));
    await this.gateway.send(
      new PutIntegrationCommand({
        ...target,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      }),
    );
    return resourceId;
  }

  async deploy(stageName: string, variables?: Record<string, string>): Promise<string> {
    const deployment = await this.gateway.send(
      new CreateDeploymentCommand({ restApiId: this.apiId, stageName, variables }),
    );
    return deployment.id as string;
  }
}
