export { getDeveloperToken, type DeveloperToken, type DeveloperTokenRequest } from './developer-token.js';
export { getCredentialsForIdentity, type CredentialsRequest, type IdentityCredentials } from './credentials.js';
export {
  signRequest,
  signedFetch,
  amzDate,
  type SignedFetchOptions,
  type SignedRequestInit,
  type SigningCredentials,
  type SigningOptions,
} from './signed-fetch.js';
export { localhostFetch, routedFetch } from './routed-fetch.js';
export {
  cognitoCredentials,
  type CognitoCredentialsOptions,
  type CredentialsProvider,
  type IdentityLogin,
} from '../client/credentials-provider.js';
