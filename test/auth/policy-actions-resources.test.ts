import { describe, expect, it } from 'vitest';
import { API_RESOURCE, allow, decide, deny, policy } from './policy-test-helpers.js';

describe('Action and NotAction', () => {
  it('matches actions case-insensitively with * and ? wildcards', () => {
    expect(decide([policy(allow({ Action: 'EXECUTE-API:invoke' }))])).toBe('Allow');
    expect(decide([policy(allow({ Action: 'execute-api:*' }))])).toBe('Allow');
    expect(decide([policy(allow({ Action: 'execute-api:Inv?ke' }))])).toBe('Allow');
    expect(decide([policy(allow({ Action: '*' }))])).toBe('Allow');
    expect(decide([policy(allow({ Action: 'execute-api:Inv?' }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Action: ['s3:GetObject', 'lambda:*'] }))])).toBe('ImplicitDeny');
  });

  it('NotAction applies to every action it does not list', () => {
    expect(decide([policy(allow({ Action: undefined, NotAction: 's3:*' }))])).toBe('Allow');
    expect(decide([policy(allow({ Action: undefined, NotAction: ['s3:*', 'execute-api:*'] }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Action: '*' }), deny({ Action: undefined, NotAction: 'execute-api:Invoke' }))])).toBe(
      'Allow',
    );
    expect(decide([policy(allow({ Action: '*' }), deny({ Action: undefined, NotAction: 's3:GetObject' }))])).toBe(
      'ExplicitDeny',
    );
  });
});

describe('Resource and NotResource', () => {
  it('matches execute-api ARNs with wildcards per component', () => {
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*:*:*/dev/GET/*' }))])).toBe('Allow');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:us-east-1:*:abc123/*/GET/hello' }))])).toBe('Allow');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*:*:*/prod/GET/*' }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*:*:*/dev/POST/*' }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:us-east-?:*:abc123/dev/GET/hello' }))])).toBe('Allow');
    expect(decide([policy(allow({ Resource: API_RESOURCE }))])).toBe('Allow');
  });

  it('is case-sensitive', () => {
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*:*:ABC123/dev/GET/hello' }))])).toBe('ImplicitDeny');
  });

  it('does not let a wildcard reach across the colons of the first five components', () => {
    expect(decide([policy(allow({ Resource: 'arn:aws:*/dev/GET/hello' }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*' }))])).toBe('ImplicitDeny');
    expect(decide([policy(allow({ Resource: 'arn:aws:execute-api:*:*:*' }))])).toBe('Allow');
  });

  it('lets the resource component match colons', () => {
    const functionAlias = 'arn:aws:lambda:us-east-1:000000000000:function:my-fn:live';
    const decision = decide(
      [policy(allow({ Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*:*:function:*' }))],
      {
        action: 'lambda:InvokeFunction',
        resource: functionAlias,
      },
    );
    expect(decision).toBe('Allow');
  });

  it('NotResource applies to every resource it does not list', () => {
    expect(decide([policy(allow({ Resource: undefined, NotResource: 'arn:aws:execute-api:*:*:*/prod/*' }))])).toBe(
      'Allow',
    );
    expect(decide([policy(allow({ Resource: undefined, NotResource: 'arn:aws:execute-api:*:*:*/dev/*' }))])).toBe(
      'ImplicitDeny',
    );
  });
});

describe('combining statements and policies', () => {
  it('lets an explicit Deny in any policy win over any Allow', () => {
    expect(decide([policy(allow()), policy(deny({ Resource: 'arn:aws:execute-api:*:*:*/dev/*' }))])).toBe(
      'ExplicitDeny',
    );
  });

  it('implicitly denies when nothing applies', () => {
    expect(decide([])).toBe('ImplicitDeny');
    expect(decide([policy(deny({ Resource: 'arn:aws:execute-api:*:*:*/prod/*' }))])).toBe('ImplicitDeny');
  });
});
