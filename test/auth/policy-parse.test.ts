import { describe, expect, it } from 'vitest';
import { MalformedPolicyDocumentError, parsePolicyDocument } from '../../emulator/auth/policy/index.js';
import type { PolicyDocumentKind } from '../../emulator/auth/policy/index.js';

const identityStatement = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' };
const trustStatement = {
  Effect: 'Allow',
  Principal: { Federated: 'cognito-identity.amazonaws.com' },
  Action: 'sts:AssumeRoleWithWebIdentity',
};

function errorFor(document: unknown, kind: PolicyDocumentKind = 'identity'): string | undefined {
  try {
    parsePolicyDocument(typeof document === 'string' ? document : JSON.stringify(document), kind);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedPolicyDocumentError);
    return (error as Error).message;
  }
}

const withStatement = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: statement });

describe('parsePolicyDocument accepts', () => {
  it('a single statement object and returns Statement as a list', () => {
    const parsed = parsePolicyDocument(JSON.stringify(withStatement(identityStatement)), 'identity');
    expect(parsed.Statement).toEqual([identityStatement]);
    expect(parsed.Version).toBe('2012-10-17');
  });

  it('lists, conditions with typed values, Not* elements and every principal type', () => {
    const document = {
      Version: '2012-10-17',
      Id: 'api-policy',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Principal: '*', NotAction: ['s3:*'], NotResource: ['arn:aws:s3:::x'] },
        {
          Sid: 'B',
          Effect: 'Deny',
          NotPrincipal: {
            AWS: ['123456789012', 'arn:aws:iam::123456789012:role/r', 'arn:aws:sts::123456789012:assumed-role/r/s'],
          },
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:*:*:*/dev/*',
          Condition: {
            NumericLessThan: { 's3:max-keys': 10 },
            Bool: { 'aws:SecureTransport': false },
            'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*'] },
          },
        },
        {
          Effect: 'Allow',
          Principal: { Service: 'apigateway.amazonaws.com', CanonicalUser: 'abc' },
          Action: '*',
          Resource: '*',
        },
      ],
    };
    expect(errorFor(document, 'resource')).toBeUndefined();
  });

  it('a Cognito trust policy', () => {
    expect(errorFor(withStatement(trustStatement), 'trust')).toBeUndefined();
  });
});

describe('parsePolicyDocument refuses with AWS wording', () => {
  it.each<[string, unknown, PolicyDocumentKind, string]>([
    ['invalid JSON', '{"Version":', 'identity', 'Syntax errors in policy.'],
    ['a non-object document', '[]', 'identity', 'Syntax errors in policy.'],
    [
      'an unknown top-level element',
      { ...withStatement(identityStatement), Foo: 1 },
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an unknown Version',
      { Version: '2012-10-18', Statement: identityStatement },
      'identity',
      'Syntax errors in policy.',
    ],
    ['a missing Statement', { Version: '2012-10-17' }, 'identity', 'Syntax errors in policy.'],
    ['an empty Statement list', { Version: '2012-10-17', Statement: [] }, 'identity', 'Syntax errors in policy.'],
    [
      'an unknown statement element',
      withStatement({ ...identityStatement, Actions: 'x' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'Action with NotAction',
      withStatement({ ...identityStatement, NotAction: 's3:*' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an invalid Effect',
      withStatement({ ...identityStatement, Effect: 'Permit' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a non-string action',
      withStatement({ ...identityStatement, Action: [1] }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an unknown condition operator',
      withStatement({ ...identityStatement, Condition: { StringSortOf: { a: 'b' } } }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'a lower-case Effect',
      withStatement({ ...identityStatement, Effect: 'allow' }),
      'identity',
      'The policy failed legacy parsing',
    ],
    [
      'an invalid date',
      withStatement({ ...identityStatement, Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } }),
      'identity',
      'The policy failed legacy parsing',
    ],
    [
      'duplicate Sids',
      {
        Version: '2012-10-17',
        Statement: [
          { ...identityStatement, Sid: 'a' },
          { ...identityStatement, Sid: 'a' },
        ],
      },
      'identity',
      'Statement IDs (SID) in a single policy must be unique.',
    ],
    [
      'no Action',
      withStatement({ Effect: 'Allow', Resource: '*' }),
      'identity',
      'Policy statement must contain actions.',
    ],
    [
      'an empty Action list',
      withStatement({ Effect: 'Allow', Action: [], Resource: '*' }),
      'identity',
      'Policy statement must contain actions.',
    ],
    [
      'no Resource',
      withStatement({ Effect: 'Allow', Action: 's3:GetObject' }),
      'identity',
      'Policy statement must contain resources.',
    ],
    [
      'a Resource that is no ARN',
      withStatement({ ...identityStatement, Resource: 'my-bucket' }),
      'identity',
      'Resource my-bucket must be in ARN format or "*".',
    ],
    [
      'an action without vendor',
      withStatement({ ...identityStatement, Action: 'Invoke' }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'an action with two colons',
      withStatement({ ...identityStatement, Action: 'a:b:c' }),
      'identity',
      'Actions/Condition can contain only one colon.',
    ],
    [
      'an invalid vendor',
      withStatement({ ...identityStatement, Action: 's 3:Get' }),
      'identity',
      'Vendor s 3 is not valid',
    ],
    [
      'a Principal in an identity policy',
      withStatement({ ...identityStatement, Principal: '*' }),
      'identity',
      'Policy document should not specify a principal.',
    ],
    [
      'a trust policy without Principal',
      withStatement({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      'trust',
      'Missing required field Principal',
    ],
    [
      'a resource policy without Principal',
      withStatement(identityStatement),
      'resource',
      'Missing required field Principal',
    ],
    [
      'a trust policy with Resource',
      withStatement({ ...trustStatement, Resource: '*' }),
      'trust',
      'Has prohibited field Resource',
    ],
    [
      'a resource policy without Resource',
      withStatement({ ...trustStatement }),
      'resource',
      'Policy statement must contain resources.',
    ],
    [
      'an invalid AWS principal',
      withStatement({ ...trustStatement, Principal: { AWS: 'alice' } }),
      'trust',
      'Invalid principal in policy: "AWS":"alice"',
    ],
    [
      'an invalid service principal',
      withStatement({ ...trustStatement, Principal: { Service: 'lambda' } }),
      'trust',
      'Invalid principal in policy: "Service":"lambda"',
    ],
    [
      'an unknown principal type',
      withStatement({ ...trustStatement, Principal: { Users: 'x' } }),
      'trust',
      'Syntax errors in policy.',
    ],
  ])('%s', (_, document, kind, message) => {
    expect(errorFor(document, kind)).toBe(message);
  });
});
