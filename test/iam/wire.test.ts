import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import { rootCredentials, useEmulator } from '../support/emulator.js';
import { trustPolicy } from './documents.js';

/** IAM as a plain HTTP client sees it: a form-encoded POST signed with aws4, XML back. */
describe('IAM on the wire (awsQuery)', () => {
  const ctx = useEmulator();

  async function call(
    parameters: Record<string, string>,
  ): Promise<{ status: number; contentType: string | null; body: string }> {
    const url = new URL(ctx.emulator.url);
    const body = new URLSearchParams({ Version: '2010-05-08', ...parameters }).toString();
    const signed = aws4.sign(
      {
        host: url.host,
        path: '/',
        method: 'POST',
        service: 'iam',
        region: 'us-east-1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      },
      rootCredentials,
    );
    const response = await fetch(`${ctx.emulator.url}/`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  }

  it('answers CreateRole with the exact XML envelope, lists as member elements and ISO 8601 seconds', async () => {
    const document = trustPolicy();
    const response = await call({
      Action: 'CreateRole',
      RoleName: 'wire-role',
      Path: '/wire/',
      AssumeRolePolicyDocument: document,
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'identity',
    });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/xml');
    const account = ctx.emulator.accountId;
    const expected = new RegExp(
      '^<CreateRoleResponse xmlns="https://iam\\.amazonaws\\.com/doc/2010-05-08/"><CreateRoleResult><Role>' +
        '<Path>/wire/</Path><RoleName>wire-role</RoleName><RoleId>AROA[A-Z2-7]{17}</RoleId>' +
        `<Arn>arn:aws:iam::${account}:role/wire/wire-role</Arn>` +
        '<CreateDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</CreateDate>' +
        `<AssumeRolePolicyDocument>${escapeRegExp(encodeURIComponent(document))}</AssumeRolePolicyDocument>` +
        '<Tags><member><Key>team</Key><Value>identity</Value></member></Tags>' +
        '</Role></CreateRoleResult>' +
        '<ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata></CreateRoleResponse>$',
    );
    expect(response.body).toMatch(expected);

    const listed = await call({ Action: 'ListRoles', PathPrefix: '/wire/', MaxItems: '5' });
    expect(listed.body).toMatch(
      new RegExp(
        /<ListRolesResult><Roles><member><Path>\/wire\/<\/Path><RoleName>wire-role<\/RoleName>.*/.source +
          /<MaxSessionDuration>3600<\/MaxSessionDuration><\/member><\/Roles>/.source +
          /<IsTruncated>false<\/IsTruncated><\/ListRolesResult>/.source,
      ),
    );
  });

  it(
    'reads booleans and member lists from the form ' + '(CreatePolicyVersion SetAsDefault, UntagRole TagKeys)',
    async () => {
      const policy = await call({
        Action: 'CreatePolicy',
        PolicyName: 'WirePolicy',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      });
      const arn = /<Arn>([^<]+)<\/Arn>/.exec(policy.body)?.[1];
      expect(arn).toBe(`arn:aws:iam::${ctx.emulator.accountId}:policy/WirePolicy`);
      const version = await call({
        Action: 'CreatePolicyVersion',
        PolicyArn: arn!,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }],
        }),
        SetAsDefault: 'true',
      });
      expect(version.body).toMatch(
        new RegExp(
          /<PolicyVersion><VersionId>v2<\/VersionId><IsDefaultVersion>true<\/IsDefaultVersion>/.source +
            /<CreateDate>[^<]+Z<\/CreateDate><\/PolicyVersion>/.source,
        ),
      );

      await call({
        Action: 'TagRole',
        RoleName: 'wire-role',
        'Tags.member.1.Key': 'a',
        'Tags.member.1.Value': '1',
        'Tags.member.2.Key': 'b',
        'Tags.member.2.Value': '2',
      });
      const untagged = await call({
        Action: 'UntagRole',
        RoleName: 'wire-role',
        'TagKeys.member.1': 'a',
        'TagKeys.member.2': 'team',
      });
      expect(untagged.status).toBe(200);
      expect(untagged.body).toMatch(
        new RegExp(
          /^<UntagRoleResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/.source +
            /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/UntagRoleResponse>$/.source,
        ),
      );
      expect(ctx.emulator.runtime.iam.findRole(ctx.emulator.accountId, 'wire-role')?.tags).toEqual([
        { Key: 'b', Value: '2' },
      ]);
    },
  );

  it('answers an error as <ErrorResponse> with Type Sender, the code, the message and the request id', async () => {
    const response = await call({ Action: 'GetRole', RoleName: 'no-such-role' });
    expect(response.status).toBe(404);
    expect(response.contentType).toBe('text/xml');
    expect(response.body).toMatch(
      new RegExp(
        '^<ErrorResponse xmlns="https://iam\\.amazonaws\\.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
          '<Message>The role with name no-such-role cannot be found\\.</Message></Error>' +
          '<RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>$',
      ),
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
