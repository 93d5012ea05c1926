'use strict';

/**
 * The seed's Lambda, behind GET /hello (AWS_IAM, AWS_PROXY): greets the caller and echoes the Cognito identity API
 * Gateway put in the proxy event, so a caller can see which identity its signed request was made as.
 */
exports.handler = async (event) => {
  const identity = event?.requestContext?.identity || {};
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({
      message: 'Hello user',
      cognitoIdentityId: identity.cognitoIdentityId ?? null,
      cognitoIdentityPoolId: identity.cognitoIdentityPoolId ?? null,
      cognitoAuthenticationType: identity.cognitoAuthenticationType ?? null,
      userArn: identity.userArn ?? null,
    }),
  };
};
