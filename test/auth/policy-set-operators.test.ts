import { describe, expect, it } from 'vitest';
import { decideCondition } from './policy-test-helpers.js';

const holds = (condition: Parameters<typeof decideCondition>[0], context: Parameters<typeof decideCondition>[1]) =>
  decideCondition(condition, context) === 'Allow';
const amr = 'cognito-identity.amazonaws.com:amr';

describe('ForAnyValue', () => {
  it('holds when at least one request value matches a policy value', () => {
    expect(
      holds({ 'ForAnyValue:StringLike': { [amr]: 'authenticated' } }, { [amr]: ['authenticated', 'cognito-idp'] }),
    ).toBe(true);
    expect(holds({ 'ForAnyValue:StringLike': { [amr]: 'authenticated' } }, { [amr]: ['unauthenticated'] })).toBe(false);
    expect(holds({ 'ForAnyValue:StringEquals': { [amr]: ['a', 'b'] } }, { [amr]: ['c', 'b'] })).toBe(true);
  });

  it('is false for an absent or empty key, unless IfExists and absent', () => {
    expect(holds({ 'ForAnyValue:StringLike': { [amr]: '*' } }, {})).toBe(false);
    expect(holds({ 'ForAnyValue:StringLike': { [amr]: '*' } }, { [amr]: [] })).toBe(false);
    expect(holds({ 'ForAnyValue:StringLikeIfExists': { [amr]: 'x' } }, {})).toBe(true);
    expect(holds({ 'ForAnyValue:StringNotEquals': { [amr]: 'x' } }, {})).toBe(false);
  });

  it('with a negated operator, holds when some request value matches none of the policy values', () => {
    expect(holds({ 'ForAnyValue:StringNotEquals': { [amr]: ['a', 'b'] } }, { [amr]: ['a', 'c'] })).toBe(true);
    expect(holds({ 'ForAnyValue:StringNotEquals': { [amr]: ['a', 'b'] } }, { [amr]: ['a', 'b'] })).toBe(false);
  });

  it('treats a single-valued context value as a one-element set', () => {
    expect(holds({ 'ForAnyValue:StringEquals': { 'aws:username': 'alice' } }, { 'aws:username': 'alice' })).toBe(true);
  });
});

describe('ForAllValues', () => {
  it('holds when every request value matches some policy value', () => {
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }, { 'aws:TagKeys': ['env'] })).toBe(
      true,
    );
    expect(
      holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }, { 'aws:TagKeys': ['env', 'cost'] }),
    ).toBe(false);
    expect(
      holds({ 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } }, { 'aws:TagKeys': ['key1:a', 'key1:b'] }),
    ).toBe(true);
  });

  it('is true for an absent or empty key', () => {
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' } }, {})).toBe(true);
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, {})).toBe(true);
  });

  it('with a negated operator, holds when no request value matches any policy value', () => {
    const condition = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } };
    expect(holds(condition, { 'aws:TagKeys': ['key2:audit'] })).toBe(true);
    expect(holds(condition, { 'aws:TagKeys': ['key1:legal'] })).toBe(false);
    expect(holds(condition, { 'aws:TagKeys': ['key1:hr', 'key2:x'] })).toBe(false);
  });

  it('can be guarded against absent keys with Null', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' }, Null: { 'aws:TagKeys': 'false' } };
    expect(holds(condition, {})).toBe(false);
    expect(holds(condition, { 'aws:TagKeys': ['env'] })).toBe(true);
  });
});

describe('multivalued request values under a plain operator', () => {
  it('never hold: multivalued keys require a set operator', () => {
    expect(holds({ StringEquals: { [amr]: 'authenticated' } }, { [amr]: ['authenticated', 'x'] })).toBe(false);
    expect(holds({ StringEquals: { [amr]: 'authenticated' } }, { [amr]: ['authenticated'] })).toBe(false);
    expect(holds({ StringNotEquals: { [amr]: 'other' } }, { [amr]: ['authenticated'] })).toBe(false);
    expect(holds({ StringEqualsIfExists: { [amr]: 'authenticated' } }, { [amr]: ['authenticated'] })).toBe(false);
  });
});
