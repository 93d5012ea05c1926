import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicyDocument } from '../../emulator/auth/policy/index.js';
import type { LoggedCaller } from '../../emulator/request-log.js';
import { suggestPolicy, type LoggedDecision } from '../../emulator/auth/suggest-policy.js';

const session = (roleName: string, roleId: string): LoggedCaller => ({
  kind: 'role-session',
  arn: `arn:aws:sts::000000000000:assumed-role/${roleName}/s`,
  accessKeyId: 'ASIAEXAMPLE',
  roleName,
  roleId,
  sessionName: 's',
});
const app = session('App', 'AROAAPP');
const other = session('Other', 'AROAOTHER');
const api = 'arn:aws:execute-api:us-east-1:000000000000:abc/dev';
const fn = 'arn:aws:lambda:us-east-1:000000000000:function:f';

let seq = 0;
function entry(
  caller: LoggedCaller | undefined,
  decision: LoggedDecision['decision'],
  actions: string[],
  resource?: string,
): LoggedDecision {
  return { seq: ++seq, caller, decision, actions, resource };
}

describe('suggestPolicy', () => {
  const entries = [
    entry(app, 'allow', ['execute-api:Invoke'], `${api}/GET/hello`),
    entry(app, 'implicit-deny', ['execute-api:Invoke'], `${api}/GET/private`),
    entry(app, 'implicit-deny', ['lambda:GetFunction'], fn),
    entry(app, 'allow', ['lambda:InvokeFunction'], fn),
    entry(app, 'implicit-deny', ['lambda:UpdateFunctionCode'], `${fn}x`),
    entry(app, 'implicit-deny', ['iam:ListRoles']),
    entry(app, 'explicit-deny', ['iam:CreateRole'], 'arn:aws:iam::000000000000:role/x'),
    entry(app, 'allow', ['execute-api:Invoke'], `${api}/GET/a*b$c?`),
    entry(other, 'implicit-deny', ['sts:AssumeRole'], 'arn:aws:iam::000000000000:role/y'),
    entry(app, 'root', ['execute-api:Invoke'], `${api}/GET/root`),
    entry(app, undefined, [], undefined),
  ];

  it('grants each action exactly the resources it was called on, one statement per service and resource set', () => {
    const { document, requests, explicitlyDenied } = suggestPolicy(entries, 'app', { deniedOnly: false });
    expect(requests).toBe(8);
    expect(document.Statement).toEqual([
      {
        Sid: 'ExecuteApiInvoke',
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: [`${api}/GET/a\${*}b\${$}c\${?}`, `${api}/GET/hello`, `${api}/GET/private`],
      },
      { Sid: 'IamCreateRole', Effect: 'Allow', Action: 'iam:CreateRole', Resource: 'arn:aws:iam::000000000000:role/x' },
      { Sid: 'IamListRoles', Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
      {
        Sid: 'LambdaGetFunctionInvokeFunction',
        Effect: 'Allow',
        Action: ['lambda:GetFunction', 'lambda:InvokeFunction'],
        Resource: fn,
      },
      { Sid: 'LambdaUpdateFunctionCode', Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: `${fn}x` },
    ]);
    expect(explicitlyDenied).toEqual([{ action: 'iam:CreateRole', resource: 'arn:aws:iam::000000000000:role/x' }]);
    const parsed = parsePolicyDocument(JSON.stringify(document), 'identity');
    expect(parsed.Statement).toHaveLength(5);
    const decide = (resource: string) =>
      evaluate({
        request: {
          principal: { kind: 'aws', arn: app.arn, accountId: '000000000000' },
          action: 'execute-api:Invoke',
          resource,
          context: {},
        },
        identityPolicies: [parsed],
      }).decision;
    expect(decide(`${api}/GET/a*b$c?`)).toBe('Allow');
    expect(decide(`${api}/GET/aXXb$cY`)).toBe('ImplicitDeny');
    expect(suggestPolicy(entries, 'AROAAPP', { deniedOnly: false }).document).toEqual(document);
  });

  it('--denied-only keeps the pairs whose latest decision is a denial', () => {
    const later = [
      ...entries,
      entry(app, 'allow', ['lambda:GetFunction'], fn),
      entry(app, 'implicit-deny', ['execute-api:Invoke'], `${api}/GET/hello`),
    ];
    const { document } = suggestPolicy(later, 'App', { deniedOnly: true });
    expect(document.Statement.map((statement) => [statement.Action, statement.Resource])).toEqual([
      ['execute-api:Invoke', [`${api}/GET/hello`, `${api}/GET/private`]],
      ['iam:CreateRole', 'arn:aws:iam::000000000000:role/x'],
      ['iam:ListRoles', '*'],
      ['lambda:UpdateFunctionCode', `${fn}x`],
    ]);
  });

  it('gives distinct readable Sids to statements of one service', () => {
    const many = ['A', 'B', 'C'].map((name, index) => entry(app, 'allow', [`lambda:${name}`], `${fn}${index}`));
    many.push(entry(app, 'allow', ['lambda:D', 'lambda:E', 'lambda:F'], fn));
    const sids = suggestPolicy(many, 'App', { deniedOnly: false }).document.Statement.map((statement) => statement.Sid);
    expect(sids).toEqual(['LambdaA', 'LambdaB', 'LambdaC', 'LambdaDAnd2More']);
    expect(suggestPolicy([], 'App', { deniedOnly: false }).document.Statement).toEqual([]);
  });
});
