/**
 * idpool's browser-safe client (`idpool/client`): what a web page or any fetch runtime does with the IdentityId and
 * token its backend handed it. No Node built-ins: WebCrypto, fetch and @smithy/signature-v4, so esbuild, Vite and
 * other bundlers take it for the browser as it is.
 */
export {
  getCredentialsForIdentity,
  CognitoIdentityError,
  type CredentialsRequest,
  type IdentityCredentials,
} from './get-credentials-for-identity.js';
export {
  cognitoCredentials,
  type CognitoCredentialsOptions,
  type CredentialsProvider,
  type IdentityLogin,
} from './credentials-provider.js';
export {
  signRequest,
  signedFetch,
  type CredentialsSource,
  type SignedFetchOptions,
  type SignedRequestInit,
  type SigningCredentials,
  type SigningOptions,
} from './signed-fetch.js';
