import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { scenario, shortUid } from '../scenario.js';

const file = 'iam/test_iam';

const trustService = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

scenario(file, 'TestIAMIntegrations::test_update_assume_role_policy', async (t) => {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
  };
  const roleName = t.name('role');
  t.match(
    'created_role',
    await t.iam(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(policy) })),
  );
  t.match(
    'updated_policy',
    await t.iam(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: JSON.stringify(policy) })),
  );
  await t.iam(new DeleteRoleCommand({ RoleName: roleName }));
});

scenario(file, 'TestIAMExtensions::test_create_role_with_malformed_assume_role_policy_document', async (t) => {
  // The trailing comma after "Effect": "Allow" makes it invalid JSON.
  const document = `
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Action": "sts:AssumeRole",
              "Principal": "*",
              "Effect": "Allow",
            }
          ]
        }
        `;
  t.match(
    'invalid-json',
    await t.iam(new CreateRoleCommand({ RoleName: t.name('role'), AssumeRolePolicyDocument: document })),
  );
});

scenario(file, 'TestIAMIntegrations::test_create_describe_role', async (t) => {
  const pathPrefix = `/${shortUid()}/`;
  const roleName = t.name('role');
  t.match(
    'create_role_result',
    await t.iam(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify(trustService('ec2.amazonaws.com')),
        Path: pathPrefix,
      }),
    ),
  );
  t.match('get_role_result', await t.iam(new GetRoleCommand({ RoleName: roleName })));
  t.match('list_roles_result', await t.iam(new ListRolesCommand({ PathPrefix: pathPrefix })));
});

scenario(file, 'TestIAMIntegrations::test_role_attach_policy', async (t) => {
  const roleName = t.name('test-role');
  const policyName = t.name('test-policy');
  await t.iam(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: JSON.stringify(trustService('ec2.amazonaws.com')),
    }),
  );
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['lambda:ListFunctions'], Resource: ['*'] }],
  };
  const created = await t.iam(
    new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: JSON.stringify(document) }),
  );
  t.match('create_policy_response', created);
  const policyArn = created.output.Policy.Arn as string;
  t.match(
    'non_existent_malformed_policy_arn',
    await t.iam(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: 'longpolicynamebutnoarn' })),
  );
  t.match(
    'existing_policy_name_provided',
    await t.iam(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyName })),
  );
  t.match(
    'valid_arn_not_existent',
    await t.iam(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: `${policyArn}123` })),
  );
  t.match('valid_policy_arn', await t.iam(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn })));
});

scenario(file, 'TestIAMExtensions::test_role_with_path_lifecycle', async (t) => {
  const roleName = t.name('role');
  const path = `/path${shortUid()}/`;
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' }, Effect: 'Allow' }],
  };
  t.match(
    'create-role-response',
    await t.iam(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust), Path: path }),
    ),
  );
  t.match('get-role-response', await t.iam(new GetRoleCommand({ RoleName: roleName })));
  t.match('delete-role-response', await t.iam(new DeleteRoleCommand({ RoleName: roleName })));
});

scenario(file, 'TestIAMPolicyEncoding::test_put_role_policy_encoding', async (t) => {
  const targetArn = encodeURIComponent(`arn:aws:apigateway:${t.region}::/restapis/aaeeieije`);
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['apigatway:PUT'], Resource: [`arn:aws:apigateway:${t.region}::/tags/${targetArn}`] },
    ],
  };
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Action: 'sts:AssumeRole',
        Principal: { Service: 'lambda.amazonaws.com' },
        Effect: 'Allow',
        Condition: { StringEquals: { 'aws:SourceArn': targetArn } },
      },
    ],
  };
  const roleName = t.name('test-role');
  const policyName = t.name('test-policy');
  const path = `/${shortUid()}/`;
  t.match(
    'create-role-response',
    await t.iam(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust), Path: path }),
    ),
  );
  await t.iam(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: JSON.stringify(policy) }),
  );
  t.match('get-policy-response', await t.iam(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })));
  t.match('get-role-response', await t.iam(new GetRoleCommand({ RoleName: roleName })));
  t.match('list-roles-response', await t.iam(new ListRolesCommand({ PathPrefix: path })));
});

scenario(file, 'TestIAMIntegrations::test_delete_non_existent_policy_returns_no_such_entity', async (t) => {
  const arn = `arn:aws:iam::${t.accountId}:policy/non-existent-policy`;
  t.match('delete-non-existent-policy-exc', await t.iam(new DeletePolicyCommand({ PolicyArn: arn })));
});

scenario(file, 'TestRoles::test_role_with_tags', async (t) => {
  const roleName = t.name('role');
  const path = '/role-with-tags/';
  t.match(
    'create-role-response',
    await t.iam(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify(trustService('ec2.amazonaws.com')),
        Tags: [{ Key: 'test', Value: 'value' }],
        Path: path,
      }),
    ),
  );
  t.match('get-role-response', await t.iam(new GetRoleCommand({ RoleName: roleName })));
  t.match('list-role-response', await t.iam(new ListRolesCommand({ PathPrefix: path })));
});
