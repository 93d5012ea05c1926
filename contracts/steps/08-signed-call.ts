import { z } from 'zod';
import { at, same } from '../checks.js';
import { defineContract } from '../define.js';
import type { Outcome } from '../outcome.js';
import { stackConventions } from '../stack-conventions.js';
import type { AwsCredentials, ContractContext, ErrorExpectation, SignOptions } from '../types.js';
import { assumedRoleArn } from './05-get-caller-identity.js';

const apiGatewayErrors = {
  ref: 'docs/aws-behaviour.md (API Gateway REST, method with authorizationType AWS_IAM); https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-troubleshooting-errors.html',
  note:
    'Every failure is HTTP 403 with a JSON body and the header x-amzn-ErrorType. No Authorization header or an ' +
    'unknown route: MissingAuthenticationTokenException {"message":"Missing Authentication Token"}. ' +
    'Wrong signature: InvalidSignatureException "The request signature we calculated does not match the ' +
    'signature you provided. …". Date over 5 minutes old: InvalidSignatureException "Signature expired: ' +
    '<date> is now earlier than <now-5min> (<now> - 5 min.)".',
};

function cognitoCredentials(ctx: ContractContext): AwsCredentials {
  const { accessKeyId, secretAccessKey, sessionToken } = ctx.outputs.credentials;
  return { accessKeyId, secretAccessKey, sessionToken };
}

/** A signed GET of `path` on the stage, with `tamper` applied to the signed headers before sending. */
async function signedGet(
  ctx: ContractContext,
  path: string,
  credentials: AwsCredentials,
  options: SignOptions = {},
  tamper?: (headers: Record<string, string>) => void,
): Promise<Outcome> {
  const url = ctx.executeApi.url(path);
  const headers = ctx.executeApi.sign(url, credentials, { method: 'GET', ...options });
  tamper?.(headers);
  return ctx.executeApi.request(url, { method: 'GET', headers });
}

function apiError(errorType: string, message?: RegExp): { kind: 'error'; error: ErrorExpectation } {
  return { kind: 'error', error: { code: errorType, status: 403, errorType, ...(message ? { message } : {}) } };
}

/** The caller in an AccessDeniedException message: the Cognito role session's assumed-role ARN. */
const assumedRoleArnPattern = /arn:aws:sts::\d{12}:assumed-role\/[\w+=,.@-]+\/CognitoIdentityCredentials/.source;
/** The resource in it: GET /private's execute-api ARN, the account masked but for its last 4 digits. */
const maskedPrivateArnPattern = /arn:aws:execute-api:[a-z0-9-]+:\*{8}\d{4}:[a-z0-9]+\/[\w-]+\/GET\/private/.source;

const helloBodySchema = z.strictObject({
  message: z.literal('Hello user'),
  cognitoIdentityId: z.string().nullable(),
  cognitoIdentityPoolId: z.string().nullable(),
  cognitoAuthenticationType: z.string().nullable(),
  userArn: z.string().nullable(),
});

export const signedCallContracts = [
  defineContract({
    id: 'signed-call.hello',
    step: 'signed-call',
    title: "The signed GET /hello reaches the Lambda, which sees the caller's Cognito identity",
    request: 'GET <api url>/hello signed with aws4 (service execute-api) with the Cognito credentials',
    status: 'model',
    source: {
      ref: 'docs/aws-behaviour.md; https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format',
      note:
        'The AWS_PROXY event for an IAM-signed Cognito caller has requestContext.identity.cognitoIdentityId, ' +
        'cognitoIdentityPoolId, cognitoAuthenticationType ("authenticated") and userArn (the assumed-role ARN). ' +
        'examples/hello answers {"message":"Hello user", …those four}.',
    },
    requires: ['credentials'],
    run: (ctx) => signedGet(ctx, stackConventions.helloPath, cognitoCredentials(ctx)),
    expect: {
      kind: 'response',
      status: 200,
      schema: helloBodySchema,
      checks: {
        'the Lambda saw the caller': (body, ctx) => [
          ...same('cognitoIdentityId', at(body, 'cognitoIdentityId'), ctx.outputs.credentials.identityId),
          ...same('cognitoIdentityPoolId', at(body, 'cognitoIdentityPoolId'), ctx.stack.identityPoolId),
          ...same('cognitoAuthenticationType', at(body, 'cognitoAuthenticationType'), 'authenticated'),
          ...same('userArn', at(body, 'userArn'), assumedRoleArn(ctx)),
        ],
      },
    },
  }),
  defineContract({
    id: 'signed-call.unsigned',
    step: 'signed-call',
    title: 'Without an Authorization header it is 403 MissingAuthenticationTokenException',
    request: 'GET <api url>/hello, no signature',
    status: 'model',
    source: apiGatewayErrors,
    run: (ctx) => ctx.executeApi.request(ctx.executeApi.url(stackConventions.helloPath), { method: 'GET' }),
    expect: apiError('MissingAuthenticationTokenException', /^Missing Authentication Token$/),
  }),
  defineContract({
    id: 'signed-call.bad-signature',
    step: 'signed-call',
    title: 'A signature that does not match is 403 InvalidSignatureException',
    request: 'GET <api url>/hello signed with the Cognito credentials, last 8 hex digits of the signature changed',
    status: 'model',
    source: apiGatewayErrors,
    requires: ['credentials'],
    run: (ctx) =>
      signedGet(ctx, stackConventions.helloPath, cognitoCredentials(ctx), {}, (headers) => {
        headers.Authorization = (headers.Authorization ?? '').replace(
          /Signature=([0-9a-f]+)$/,
          (_, signature: string) =>
            `Signature=${signature.slice(0, -8)}${signature.endsWith('00000000') ? '11111111' : '00000000'}`,
        );
      }),
    expect: apiError(
      'InvalidSignatureException',
      /^The request signature we calculated does not match the signature you provided/,
    ),
  }),
  defineContract({
    id: 'signed-call.incomplete-signature',
    step: 'signed-call',
    title: 'An Authorization header that is not a full SigV4 header is 403 IncompleteSignatureException',
    request: "GET <api url>/hello with 'Authorization: AWS4-HMAC-SHA256 SignedHeaders=host' and an X-Amz-Date",
    status: 'unverified',
    source: {
      ref: 'docs/aws-behaviour.md',
      note:
        'IncompleteSignatureException [unverified]: {"message":"Authorization header requires \'Credential\' ' +
        "parameter. Authorization header requires 'Signature' parameter. … Authorization=<value>\"} (only the " +
        'missing parts are listed).',
    },
    requires: ['credentials'],
    run: (ctx) =>
      signedGet(ctx, stackConventions.helloPath, cognitoCredentials(ctx), {}, (headers) => {
        headers.Authorization = 'AWS4-HMAC-SHA256 SignedHeaders=host';
      }),
    expect: apiError(
      'IncompleteSignatureException',
      /Authorization header requires 'Credential' parameter\. Authorization header requires 'Signature' parameter\./,
    ),
  }),
  defineContract({
    id: 'signed-call.signature-expired',
    step: 'signed-call',
    title: 'A request signed 10 minutes ago is 403 InvalidSignatureException "Signature expired"',
    request:
      "GET <api url>/hello signed with the Cognito credentials and X-Amz-Date 10 minutes before the target's now",
    status: 'model',
    source: apiGatewayErrors,
    requires: ['credentials'],
    run: (ctx) =>
      signedGet(ctx, stackConventions.helloPath, cognitoCredentials(ctx), {
        date: new Date(ctx.clock.nowMs() - 600_000),
      }),
    expect: apiError(
      'InvalidSignatureException',
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    ),
  }),
  defineContract({
    id: 'signed-call.unknown-access-key',
    step: 'signed-call',
    title: 'Temporary keys nobody issued are 403 UnrecognizedClientException',
    request: 'GET <api url>/hello signed with a made-up ASIA key, secret and session token',
    status: 'unverified',
    source: {
      ref: 'docs/aws-behaviour.md',
      note:
        'Unknown access key, or a session token that does not belong to it: UnrecognizedClientException ' +
        '[unverified], {"message":"The security token included in the request is invalid."}',
    },
    run: (ctx) =>
      signedGet(ctx, stackConventions.helloPath, {
        accessKeyId: 'ASIAIDPOOLUNKNOWN000',
        secretAccessKey: 'idpool-made-up-secret',
        sessionToken: 'idpool-made-up-session-token',
      }),
    expect: apiError('UnrecognizedClientException', /^The security token included in the request is invalid\.?$/),
  }),
  defineContract({
    id: 'signed-call.expired-credentials',
    step: 'signed-call',
    title: 'After the credentials expire, a correctly signed call is 403 ExpiredTokenException',
    request:
      "let 3601 s pass on the target clock, then GET <api url>/hello signed (at the target's time) " +
      'with the Cognito credentials',
    status: 'unverified',
    source: {
      ref: 'docs/aws-behaviour.md',
      note:
        'Expired temporary credentials: ExpiredTokenException [unverified], {"message":"The security token ' +
        'included in the request is expired"}.',
    },
    requires: ['credentials'],
    run: async (ctx) => {
      await ctx.clock.pass(3601);
      return signedGet(ctx, stackConventions.helloPath, cognitoCredentials(ctx));
    },
    expect: apiError('ExpiredTokenException', /^The security token included in the request is expired$/),
  }),
  defineContract({
    id: 'signed-call.not-authorized',
    step: 'signed-call',
    title:
      "A method the role's policy does not allow is 403 AccessDeniedException naming the caller and the masked " +
      'resource',
    request:
      "GET <api url>/private (AWS_IAM, not in the role's execute-api:Invoke policy) " +
      'signed with the Cognito credentials',
    status: 'model',
    source: {
      ref: 'docs/aws-behaviour.md; https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html',
      note:
        'AccessDeniedException, body {"Message":"User: ' +
        'arn:aws:sts::<account>:assumed-role/<role>/CognitoIdentityCredentials is not authorized to perform: ' +
        'execute-api:Invoke on resource: arn:aws:execute-api:<region>:********<last 4 of ' +
        'account>:<api-id>/<stage>/<METHOD>/<path>"} (capital Message; account masked).',
    },
    requires: ['credentials'],
    run: (ctx) => signedGet(ctx, stackConventions.deniedPath, cognitoCredentials(ctx)),
    expect: apiError(
      'AccessDeniedException',
      new RegExp(
        `^User: ${assumedRoleArnPattern} is not authorized to perform: ` +
          `execute-api:Invoke on resource: ${maskedPrivateArnPattern}$`,
      ),
    ),
  }),
  defineContract({
    id: 'signed-call.unknown-route',
    step: 'signed-call',
    title: 'A signed call to a path the API does not have is 403 MissingAuthenticationTokenException',
    request: 'GET <api url>/no-such-path signed with the Cognito credentials',
    status: 'model',
    source: apiGatewayErrors,
    requires: ['credentials'],
    run: (ctx) => signedGet(ctx, '/no-such-path', cognitoCredentials(ctx)),
    expect: apiError('MissingAuthenticationTokenException', /^Missing Authentication Token$/),
  }),
];
