import { describe, expect, it } from 'vitest';
import { allow, decide, decideCondition, policy } from './policy-test-helpers.js';

const bucketObject = (key: string) => `arn:aws:s3:::home-bucket/${key}`;
const decideS3 = (
  resource: string,
  objectKey: string,
  context: Record<string, string | string[]>,
  version?: '2008-10-17',
) => {
  const document = policy(allow({ Action: 's3:GetObject', Resource: bucketObject(resource) }));
  if (version) document.Version = version;
  return decide([document], { action: 's3:GetObject', resource: bucketObject(objectKey), context });
};

describe('policy variables in Resource', () => {
  it('substitutes context keys, case-insensitively', () => {
    expect(decideS3('${aws:username}/*', 'alice/notes.txt', { 'aws:username': 'alice' })).toBe('Allow');
    expect(decideS3('${AWS:UserName}/*', 'alice/notes.txt', { 'aws:username': 'alice' })).toBe('Allow');
    expect(decideS3('${aws:username}/*', 'bob/notes.txt', { 'aws:username': 'alice' })).toBe('ImplicitDeny');
  });

  it('substitutes Cognito identity ids', () => {
    const context = { 'cognito-identity.amazonaws.com:sub': 'us-east-1:1111-2222' };
    expect(decideS3('cognito/${cognito-identity.amazonaws.com:sub}/*', 'cognito/us-east-1:1111-2222/a', context)).toBe(
      'Allow',
    );
    expect(decideS3('cognito/${cognito-identity.amazonaws.com:sub}/*', 'cognito/us-east-1:9999/a', context)).toBe(
      'ImplicitDeny',
    );
  });

  it('makes the pattern match nothing when the key is missing, unless it has a default', () => {
    expect(decideS3('${aws:username}/*', 'alice/x', {})).toBe('ImplicitDeny');
    expect(decideS3("${aws:username, 'shared'}/*", 'shared/x', {})).toBe('Allow');
    expect(decideS3("${aws:username, 'shared'}/*", 'alice/x', { 'aws:username': 'alice' })).toBe('Allow');
  });

  it('makes a NotResource statement with an unresolvable variable inapplicable', () => {
    const notResource = (context: Record<string, string>) =>
      decide(
        [
          policy(
            allow({ Action: 's3:GetObject', Resource: undefined, NotResource: bucketObject('${aws:username}/*') }),
          ),
        ],
        {
          action: 's3:GetObject',
          resource: bucketObject('public/x'),
          context,
        },
      );
    expect(notResource({ 'aws:username': 'alice' })).toBe('Allow');
    expect(notResource({})).toBe('ImplicitDeny');
  });

  it('does not resolve multivalued keys', () => {
    expect(decideS3('${aws:TagKeys}/*', 'a/x', { 'aws:TagKeys': ['a'] })).toBe('ImplicitDeny');
  });

  it('inserts values literally, so a * in a value is no wildcard', () => {
    expect(decideS3('${aws:username}', 'alice', { 'aws:username': 'al*' })).toBe('ImplicitDeny');
    expect(decideS3('${aws:username}', 'al*', { 'aws:username': 'al*' })).toBe('Allow');
  });

  it('reads ${*}, ${?} and ${$} as the literal characters', () => {
    expect(decideS3('a${*}', 'a*', {})).toBe('Allow');
    expect(decideS3('a${*}', 'ab', {})).toBe('ImplicitDeny');
    expect(decideS3('a${?}', 'a?', {})).toBe('Allow');
    expect(decideS3('a${?}', 'ab', {})).toBe('ImplicitDeny');
    expect(decideS3('cost${$}', 'cost$', {})).toBe('Allow');
  });

  it('is plain text in policies older than 2012-10-17', () => {
    expect(decideS3('${aws:username}/*', 'alice/x', { 'aws:username': 'alice' }, '2008-10-17')).toBe('ImplicitDeny');
    expect(decideS3('${aws:username}/*', '${aws:username}/x', { 'aws:username': 'alice' }, '2008-10-17')).toBe('Allow');
  });
});

describe('policy variables in condition values', () => {
  const holds = (condition: Parameters<typeof decideCondition>[0], context: Parameters<typeof decideCondition>[1]) =>
    decideCondition(condition, context) === 'Allow';

  it('substitutes into string, ARN and Bool operators', () => {
    const context = { 'aws:username': 'alice', 's3:prefix': 'home/alice/docs', 'aws:PrincipalTag/team': 'blue' };
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context)).toBe(true);
    expect(holds({ StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/team}' } }, context)).toBe(true);
    expect(holds({ StringNotEquals: { 's3:prefix': 'home/${aws:username}/docs' } }, context)).toBe(false);
    expect(holds({ StringEqualsIgnoreCase: { 'aws:username': "${aws:PrincipalTag/owner, 'ALICE'}" } }, context)).toBe(
      true,
    );
    expect(
      holds(
        { Bool: { 'aws:SecureTransport': '${test:flag}' } },
        { 'aws:SecureTransport': 'true', 'test:flag': 'true' },
      ),
    ).toBe(true);
    expect(
      holds(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/${aws:username}' } },
        {
          ...context,
          'aws:PrincipalArn': 'arn:aws:iam::000000000000:user/alice',
        },
      ),
    ).toBe(true);
  });

  it('makes a value with a missing variable match nothing, unless it has a default', () => {
    expect(holds({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/x/y' })).toBe(false);
    expect(
      holds({ StringLike: { 's3:prefix': "home/${aws:username, 'guest'}/*" } }, { 's3:prefix': 'home/guest/y' }),
    ).toBe(true);
  });

  it('makes a negated operator fail when one of its values has a missing variable', () => {
    expect(holds({ StringNotEquals: { 's3:prefix': '${aws:username}' } }, { 's3:prefix': 'home' })).toBe(false);
    expect(holds({ StringNotLike: { 's3:prefix': ['${aws:username}', 'x*'] } }, { 's3:prefix': 'home' })).toBe(false);
    expect(
      holds(
        { StringNotLike: { 's3:prefix': ['${aws:username}', 'x*'] } },
        { 's3:prefix': 'home', 'aws:username': 'a' },
      ),
    ).toBe(true);
    expect(holds({ StringNotEquals: { 's3:prefix': '${aws:username}' } }, {})).toBe(true);
  });

  it('reads ${*} as a literal star in StringLike', () => {
    expect(holds({ StringLike: { 's3:prefix': 'a${*}' } }, { 's3:prefix': 'a*' })).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'a${*}' } }, { 's3:prefix': 'abc' })).toBe(false);
  });
});
