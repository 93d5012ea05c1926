import { describe, expect, it } from 'vitest';
import { decideCondition } from './policy-test-helpers.js';

const holds = (condition: Parameters<typeof decideCondition>[0], context: Parameters<typeof decideCondition>[1]) =>
  decideCondition(condition, context) === 'Allow';

describe('string operators', () => {
  const tag = 'aws:PrincipalTag/team';
  it.each([
    ['StringEquals', 'blue', 'blue', true],
    ['StringEquals', 'blue', 'Blue', false],
    ['StringNotEquals', 'blue', 'green', true],
    ['StringNotEquals', 'blue', 'blue', false],
    ['StringEqualsIgnoreCase', 'blue', 'BLUE', true],
    ['StringNotEqualsIgnoreCase', 'blue', 'BLUE', false],
    ['StringNotEqualsIgnoreCase', 'blue', 'red', true],
    ['StringLike', 'bl*', 'blue', true],
    ['StringLike', 'b?ue', 'blue', true],
    ['StringLike', 'B*', 'blue', false],
    ['StringNotLike', 'bl*', 'blue', false],
    ['StringNotLike', 'r*', 'blue', true],
  ])('%s %s against %s → %s', (operator, policyValue, requestValue, expected) => {
    expect(holds({ [operator]: { [tag]: policyValue } }, { [tag]: requestValue })).toBe(expected);
  });

  it('ORs the values of one key, and NORs them for negated operators', () => {
    expect(holds({ StringEquals: { [tag]: ['red', 'blue'] } }, { [tag]: 'blue' })).toBe(true);
    expect(holds({ StringNotEquals: { [tag]: ['red', 'blue'] } }, { [tag]: 'blue' })).toBe(false);
    expect(holds({ StringNotEquals: { [tag]: ['red', 'green'] } }, { [tag]: 'blue' })).toBe(true);
  });

  it('ANDs keys and operators', () => {
    const condition = {
      StringEquals: { [tag]: 'blue', 'aws:username': 'alice' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    expect(holds(condition, { [tag]: 'blue', 'aws:username': 'alice', 'aws:SecureTransport': true })).toBe(true);
    expect(holds(condition, { [tag]: 'blue', 'aws:username': 'bob', 'aws:SecureTransport': true })).toBe(false);
    expect(holds(condition, { [tag]: 'blue', 'aws:username': 'alice', 'aws:SecureTransport': false })).toBe(false);
  });

  it('looks condition keys up case-insensitively', () => {
    expect(holds({ StringEquals: { 'AWS:PRINCIPALTAG/team': 'blue' } }, { 'aws:principaltag/team': 'blue' })).toBe(
      true,
    );
  });

  it('fails positive operators and satisfies negated ones when the key is absent', () => {
    expect(holds({ StringEquals: { [tag]: 'blue' } }, {})).toBe(false);
    expect(holds({ StringLike: { [tag]: '*' } }, {})).toBe(false);
    expect(holds({ StringNotEquals: { [tag]: 'blue' } }, {})).toBe(true);
    expect(holds({ StringNotLike: { [tag]: 'blue' } }, {})).toBe(true);
    expect(holds({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } }, {})).toBe(true);
    expect(holds({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {})).toBe(true);
  });
});

describe('numeric operators', () => {
  const key = 's3:max-keys';
  it.each([
    ['NumericEquals', '10', '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '10.5', true],
    ['NumericGreaterThanEquals', '10', '9', false],
    ['NumericEquals', '10', 'ten', false],
  ])('%s %s against %s → %s', (operator, policyValue, requestValue, expected) => {
    expect(holds({ [operator]: { [key]: policyValue } }, { [key]: requestValue })).toBe(expected);
  });

  it('accepts numbers in the policy and the context', () => {
    expect(holds({ NumericLessThan: { [key]: 100 } }, { [key]: 5 })).toBe(true);
  });
});

describe('date operators', () => {
  const now = 'aws:CurrentTime';
  const epoch = 'aws:EpochTime';
  it.each([
    ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', true],
    ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
    ['DateLessThanEquals', '2026-01-01', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00+02:00', false],
    ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '1767225600', '2026-01-01T00:00:01Z', true],
  ])('%s %s against %s → %s', (operator, policyValue, requestValue, expected) => {
    expect(holds({ [operator]: { [now]: policyValue } }, { [now]: requestValue })).toBe(expected);
  });

  it('compares epoch seconds with ISO 8601', () => {
    expect(holds({ DateLessThan: { [epoch]: '2026-01-01T00:00:00Z' } }, { [epoch]: 1767225599 })).toBe(true);
    expect(holds({ DateLessThan: { [epoch]: '2026-01-01T00:00:00Z' } }, { [epoch]: '1767225600' })).toBe(false);
  });
});

describe('Bool, BinaryEquals, IP address and ARN operators', () => {
  it('Bool compares true/false case-insensitively, from strings or booleans', () => {
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true })).toBe(true);
    expect(holds({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'TRUE' })).toBe(true);
    expect(holds({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' })).toBe(false);
  });

  it('BinaryEquals compares the base64-decoded bytes', () => {
    expect(holds({ BinaryEquals: { 'test:blob': 'QmluYXJ5VmFsdWU=' } }, { 'test:blob': 'QmluYXJ5VmFsdWU=' })).toBe(
      true,
    );
    expect(holds({ BinaryEquals: { 'test:blob': 'QmluYXJ5VmFsdWU=' } }, { 'test:blob': 'T3RoZXI=' })).toBe(false);
  });

  it.each([
    ['IpAddress', '203.0.113.0/24', '203.0.113.77', true],
    ['IpAddress', '203.0.113.0/24', '203.0.114.1', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['IpAddress', '0.0.0.0/0', '198.51.100.1', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:1234::1', true],
    ['IpAddress', '2001:db8::/32', '2001:db9::1', false],
    ['IpAddress', '2001:db8::/32', '203.0.113.1', false],
    ['NotIpAddress', '10.0.0.0/8', '10.1.2.3', false],
    ['NotIpAddress', '10.0.0.0/8', '192.168.0.1', true],
  ])('%s %s against %s → %s', (operator, policyValue, requestValue, expected) => {
    expect(holds({ [operator]: { 'aws:SourceIp': policyValue } }, { 'aws:SourceIp': requestValue })).toBe(expected);
  });

  const sourceArn = 'arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/hello';
  it.each([
    ['ArnEquals', sourceArn, true],
    ['ArnLike', 'arn:aws:execute-api:*:000000000000:abc123/*', true],
    ['ArnEquals', 'arn:aws:execute-api:*:*:*', true],
    ['ArnLike', 'arn:aws:execute-api:us-east-1:*', false],
    ['ArnLike', 'arn:aws:execute-api:us-west-2:*:*', false],
    ['ArnNotEquals', sourceArn, false],
    ['ArnNotLike', 'arn:aws:lambda:*:*:*', true],
  ])('%s %s → %s', (operator, policyValue, expected) => {
    expect(holds({ [operator]: { 'aws:SourceArn': policyValue } }, { 'aws:SourceArn': sourceArn })).toBe(expected);
  });
});

describe('Null and IfExists', () => {
  it('Null true holds when the key is absent, false when it is present', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(
      false,
    );
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(
      true,
    );
    expect(holds({ Null: { 'aws:TokenIssueTime': false } }, {})).toBe(false);
    expect(holds({ Null: { 'aws:TagKeys': 'true' } }, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'maybe' } }, {})).toBe(false);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'maybe' } }, { 'aws:TokenIssueTime': 'x' })).toBe(false);
  });

  it('IfExists holds when the key is absent and compares normally when present', () => {
    expect(holds({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } }, {})).toBe(true);
    expect(
      holds({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'red' }),
    ).toBe(false);
    expect(holds({ NumericLessThanIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '5' })).toBe(true);
    expect(holds({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, {})).toBe(true);
    expect(holds({ IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '11.0.0.1' })).toBe(false);
    expect(
      holds({ StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }),
    ).toBe(false);
  });

  it('treats an unknown operator as a condition that never holds', () => {
    expect(holds({ StringSortOf: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(false);
  });
});
