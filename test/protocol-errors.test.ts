import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { GetAccountSummaryCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { awsError, clientsFor, useEmulator } from './support/emulator.js';

// Errors of every protocol reach the SDK clients as typed errors with AWS's code, message and status.
describe('errors on every protocol, as the SDK clients read them', () => {
  const ctx = useEmulator({ strictAuth: true });

  it('awsJson1_1: an unknown key is UnrecognizedClientException', async () => {
    const stranger = clientsFor(ctx.emulator, { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'nope' });
    const error = await awsError(stranger.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 10 })));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('awsQuery: a wrong secret is SignatureDoesNotMatch with the canonical request', async () => {
    const wrongSecret = clientsFor(ctx.emulator, { accessKeyId: 'test', secretAccessKey: 'wrong' });
    const error = await awsError(wrongSecret.sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.message).toContain('The Canonical String for this request should have been');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('awsQuery: an unknown key on IAM is InvalidClientTokenId', async () => {
    const stranger = clientsFor(ctx.emulator, { accessKeyId: 'AKIDSTRANGER', secretAccessKey: 'nope' });
    const error = await awsError(stranger.iam.send(new ListRolesCommand({})));
    expect(error.name).toBe('InvalidClientTokenId');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('an operation idpool does not emulate answers UnsupportedOperation naming it, after authentication', async () => {
    const error = await awsError(ctx.clients.iam.send(new GetAccountSummaryCommand({})));
    expect(error.name).toBe('UnsupportedOperation');
    expect(error.message).toContain('iam:GetAccountSummary');
  });

  it('restJson1: a wrong secret is InvalidSignatureException', async () => {
    const wrongSecret = clientsFor(ctx.emulator, { accessKeyId: 'test', secretAccessKey: 'wrong' });
    const error = await awsError(wrongSecret.lambda.send(new GetFunctionCommand({ FunctionName: 'hello' })));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});
