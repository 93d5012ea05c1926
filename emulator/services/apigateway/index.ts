import { loadServiceModel } from '../../protocols/service-model.js';
import type { OperationTable, ServiceDefinition } from '../service-definition.js';
import { createDeployment } from './create-deployment.js';
import { createResource } from './create-resource.js';
import { createRestApi } from './create-rest-api.js';
import { createStage } from './create-stage.js';
import { deleteDeployment } from './delete-deployment.js';
import { deleteGatewayResponse } from './delete-gateway-response.js';
import { deleteIntegrationResponse } from './delete-integration-response.js';
import { deleteIntegration } from './delete-integration.js';
import { deleteMethodResponse } from './delete-method-response.js';
import { deleteMethod } from './delete-method.js';
import { deleteResource } from './delete-resource.js';
import { deleteRestApi } from './delete-rest-api.js';
import { deleteStage } from './delete-stage.js';
import { getDeployment } from './get-deployment.js';
import { getDeployments } from './get-deployments.js';
import { getGatewayResponse } from './get-gateway-response.js';
import { getGatewayResponses } from './get-gateway-responses.js';
import { getIntegrationResponse } from './get-integration-response.js';
import { getIntegration } from './get-integration.js';
import { getMethodResponse } from './get-method-response.js';
import { getMethod } from './get-method.js';
import { getResource } from './get-resource.js';
import { getResources } from './get-resources.js';
import { getRestApi } from './get-rest-api.js';
import { getRestApis } from './get-rest-apis.js';
import { getStage } from './get-stage.js';
import { getStages } from './get-stages.js';
import { putGatewayResponse } from './put-gateway-response.js';
import { getTags } from './get-tags.js';
import { importRestApi } from './import-rest-api.js';
import { putIntegrationResponse } from './put-integration-response.js';
import { putIntegration } from './put-integration.js';
import { putMethodResponse } from './put-method-response.js';
import { putMethod } from './put-method.js';
import { putRestApi } from './put-rest-api.js';
import { tagResource } from './tag-resource.js';
import { untagResource } from './untag-resource.js';
import { updateDeployment } from './update-deployment.js';
import { updateIntegrationResponse } from './update-integration-response.js';
import { updateIntegration } from './update-integration.js';
import { updateMethodResponse } from './update-method-response.js';
import { updateMethod } from './update-method.js';
import { updateResource } from './update-resource.js';
import { updateRestApi } from './update-rest-api.js';
import { updateGatewayResponse } from './update-gateway-response.js';
import { updateStage } from './update-stage.js';

/** The operations idpool emulates; the model's others answer UnsupportedOperation. */
const apiGatewayOperations: OperationTable = {
  CreateRestApi: createRestApi,
  GetRestApi: getRestApi,
  GetRestApis: getRestApis,
  UpdateRestApi: updateRestApi,
  PutRestApi: putRestApi,
  ImportRestApi: importRestApi,
  DeleteRestApi: deleteRestApi,
  CreateResource: createResource,
  GetResource: getResource,
  GetResources: getResources,
  UpdateResource: updateResource,
  DeleteResource: deleteResource,
  PutMethod: putMethod,
  GetMethod: getMethod,
  UpdateMethod: updateMethod,
  DeleteMethod: deleteMethod,
  PutMethodResponse: putMethodResponse,
  GetMethodResponse: getMethodResponse,
  UpdateMethodResponse: updateMethodResponse,
  DeleteMethodResponse: deleteMethodResponse,
  PutIntegration: putIntegration,
  GetIntegration: getIntegration,
  UpdateIntegration: updateIntegration,
  DeleteIntegration: deleteIntegration,
  PutIntegrationResponse: putIntegrationResponse,
  GetIntegrationResponse: getIntegrationResponse,
  UpdateIntegrationResponse: updateIntegrationResponse,
  DeleteIntegrationResponse: deleteIntegrationResponse,
  CreateDeployment: createDeployment,
  GetDeployment: getDeployment,
  GetDeployments: getDeployments,
  UpdateDeployment: updateDeployment,
  DeleteDeployment: deleteDeployment,
  CreateStage: createStage,
  GetStage: getStage,
  GetStages: getStages,
  UpdateStage: updateStage,
  DeleteStage: deleteStage,
  PutGatewayResponse: putGatewayResponse,
  GetGatewayResponse: getGatewayResponse,
  GetGatewayResponses: getGatewayResponses,
  UpdateGatewayResponse: updateGatewayResponse,
  DeleteGatewayResponse: deleteGatewayResponse,
  TagResource: tagResource,
  UntagResource: untagResource,
  GetTags: getTags,
};

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A broken model constraint is a ValidationException naming the member after the operation's input
 * (`1 validation error detected: Value 'FOO' at 'putIntegrationInput.type' failed to satisfy constraint: …`),
 * as LocalStack's AWS-recorded snapshots show; CloudTrail names API Gateway's inputs the same way
 * (`createRestApiInput.name`).
 */
export const apiGatewayService: ServiceDefinition = {
  name: 'apigateway',
  model: loadServiceModel('apigateway'),
  protocol: 'restJson1',
  signingName: 'apigateway',
  operations: apiGatewayOperations,
  validationErrorCode: 'ValidationException',
  validationMemberPrefix: (operationName) => `${lowerCamel(operationName)}Input.`,
};
