import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { scenario } from '../scenario.js';
import { callerSession } from './caller-session.js';

const file = 'sts/test_sts';

scenario(
  file,
  'TestSTSIntegrations::test_assume_role',
  async (t) => {
    const sessionName = t.name('test-assume-role');
    t.match('role-session-name', { RoleSessionName: sessionName });
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Principal: { AWS: t.accountId }, Effect: 'Allow' }],
    };
    const created = await t.iam(
      new CreateRoleCommand({ RoleName: t.name('role'), AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    t.match('create-role', created);
    const caller = await callerSession(t, {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    });
    const sts = t.callers({ credentials: caller }).sts;
    t.match(
      'assume-role',
      await sts(new AssumeRoleCommand({ RoleArn: created.output.Role.Arn, RoleSessionName: sessionName })),
    );
  },
  { inputs: ['role-session-name'] },
);

scenario(file, 'TestSTSIntegrations::test_sts_invalid_parameters', async (t) => {
  const cases: [string, string, string][] = [
    ['malformed-arn', 'nothing-valid-in-here', 'Session1'],
    ['no-partition', 'arn::b:::something/test-role', 'Session1'],
    ['no-service', 'arn:a::::something/test-role', 'Session1'],
    ['not-enough-colons', 'arn:a:::something/test-role', 'Session1'],
    ['no-resource', 'arn:a:a::aaaaaaaaaa:', 'Session1'],
    ['invalid-session-name', 'arn:a:b:::something/test-role', 'Session1:2'],
  ];
  for (const [name, roleArn, sessionName] of cases) {
    t.match(name, await t.sts(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName })));
  }
});
