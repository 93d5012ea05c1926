import { createIdentityPoolContracts } from './steps/01-create-identity-pool.js';
import { setIdentityPoolRolesContracts } from './steps/02-set-identity-pool-roles.js';
import { developerTokenContracts } from './steps/03-get-open-id-token-for-developer-identity.js';
import { getCredentialsContracts } from './steps/04-get-credentials-for-identity.js';
import { getCallerIdentityContracts } from './steps/05-get-caller-identity.js';
import { createLambdaContracts } from './steps/06-create-lambda.js';
import { createAndDeployApiContracts } from './steps/07-create-and-deploy-api.js';
import { signedCallContracts } from './steps/08-signed-call.js';
import { corsPreflightContracts } from './steps/09-cors-preflight.js';
import { clientPermissionsContracts } from './steps/10-client-permissions.js';
import type { Contract } from './types.js';

/** Every contract, in the order a run takes them (by step, then as listed in the step's file). */
export const allContracts: readonly Contract[] = [
  ...createIdentityPoolContracts,
  ...setIdentityPoolRolesContracts,
  ...developerTokenContracts,
  ...getCredentialsContracts,
  ...getCallerIdentityContracts,
  ...createLambdaContracts,
  ...createAndDeployApiContracts,
  ...signedCallContracts,
  ...corsPreflightContracts,
  ...clientPermissionsContracts,
];

export { steps, stepIndex, type StepId } from './steps.js';
export { stackConventions } from './stack-conventions.js';
export { defineContract } from './define.js';
export { NotRun, isNotRun } from './not-run.js';
export {
  sdkOutcome,
  httpOutcome,
  networkErrorOutcome,
  toJson,
  type Outcome,
  type JsonValue,
  type ResponseOutcome,
  type ErrorOutcome,
} from './outcome.js';
export { contractJsonSchemas } from './json-schema.js';
export type * from './types.js';
