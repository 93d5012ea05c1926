/** The steps of the developer-authenticated flow, in the order a run takes them. */
export const steps = [
  { id: 'create-identity-pool', title: 'Create the identity pool with a developer provider' },
  { id: 'set-identity-pool-roles', title: 'Create the roles and set them on the pool' },
  { id: 'get-open-id-token-for-developer-identity', title: 'GetOpenIdTokenForDeveloperIdentity (backend)' },
  { id: 'get-credentials-for-identity', title: 'GetCredentialsForIdentity (client)' },
  { id: 'get-caller-identity', title: 'STS GetCallerIdentity with the Cognito credentials' },
  { id: 'create-lambda', title: 'Create the Lambda and let API Gateway invoke it' },
  { id: 'create-and-deploy-api', title: 'Create and deploy the IAM-authorized API' },
  { id: 'signed-call', title: 'The SigV4-signed call to GET /hello' },
  { id: 'cors-preflight', title: 'The CORS preflight' },
  { id: 'client-permissions', title: 'The Cognito credentials do only what the role allows' },
] as const;

export type StepId = (typeof steps)[number]['id'];

export function stepIndex(step: StepId): number {
  return steps.findIndex((candidate) => candidate.id === step);
}
