import type { ServiceModel, Shape, ShapeRef } from './service-model.js';
import { shapeOf } from './service-model.js';

/**
 * Checks a parsed input against the model's constraints (required, length, range, pattern, enum) and words each
 * failure as AWS's Coral services do:
 *   `Value 'x' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: …`
 * Member paths are lowerCamelCase, joined with dots; list members add `.member`, map values `.value`-less Coral
 * phrasing ("Map value must satisfy constraint: […]"). Some services name members after the operation's input
 * (`putIntegrationInput.type`): they pass that `memberPrefix`.
 */
export function validateInput(
  model: ServiceModel,
  ref: ShapeRef | undefined,
  input: unknown,
  options: ValidationOptions = {},
): string[] {
  const failures: string[] = [];
  const context: ValidationContext = { model, echoValues: options.echoValues ?? true };
  if (ref)
    checkStructureMembers(
      context,
      shapeOf(model, ref),
      input as Record<string, unknown>,
      options.memberPrefix ?? '',
      failures,
    );
  return failures;
}

export interface ValidationOptions {
  /**
   * Whether a failure quotes the offending value (`Value 'x' at …`) or not (`Value at …`, as IAM answers
   * today).
   */
  echoValues?: boolean;
  /**
   * What member paths start with, where the service names them after the operation's input
   * (`putIntegrationInput.`).
   */
  memberPrefix?: string;
}

interface ValidationContext {
  model: ServiceModel;
  echoValues: boolean;
}

/** AWS reports at most this many failures in one message [unverified: seen up to 10 in public captures]. */
const maxReportedValidationErrors = 10;

export function validationMessage(failures: string[]): string {
  const shown = failures.slice(0, maxReportedValidationErrors);
  const noun = failures.length === 1 ? 'error' : 'errors';
  return `${failures.length} validation ${noun} detected: ${shown.join('; ')}`;
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** What checking one member of a structure needs, worked out once per structure shape. */
interface MemberCheck {
  name: string;
  /** The member's path segment: its name in lowerCamelCase. */
  segment: string;
  required: boolean;
  ref: ShapeRef;
}

const memberChecks = new WeakMap<Shape, MemberCheck[]>();

function membersOf(shape: Extract<Shape, { type: 'structure' }>): MemberCheck[] {
  let checks = memberChecks.get(shape);
  if (!checks) {
    const required = new Set(shape.required ?? []);
    checks = Object.entries(shape.members).map(([name, ref]) => ({
      name,
      segment: lowerCamel(name),
      required: required.has(name),
      ref,
    }));
    memberChecks.set(shape, checks);
  }
  return checks;
}

/** Whether a value of the shape can break a constraint of its own, or hold members or items that can. */
const checkable = new WeakMap<Shape, { own: boolean; nested: boolean }>();

function checksOf(shape: Shape): { own: boolean; nested: boolean } {
  let checks = checkable.get(shape);
  if (!checks) {
    const bounded = 'min' in shape && shape.min !== undefined ? true : 'max' in shape && shape.max !== undefined;
    const own = shape.type === 'string' ? bounded || shape.pattern !== undefined || shape.enum !== undefined : bounded;
    checks = { own, nested: shape.type === 'structure' || shape.type === 'list' || shape.type === 'map' };
    checkable.set(shape, checks);
  }
  return checks;
}

function checkStructureMembers(
  context: ValidationContext,
  shape: Shape,
  value: Record<string, unknown> | undefined,
  prefix: string,
  failures: string[],
): void {
  if (shape.type !== 'structure') return;
  for (const member of membersOf(shape)) {
    const memberValue = value?.[member.name];
    if (memberValue === undefined || memberValue === null) {
      if (member.required) {
        const path = prefix + member.segment;
        failures.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      }
      continue;
    }
    const memberShape = shapeOf(context.model, member.ref);
    const checks = checksOf(memberShape);
    // Each broken constraint is a failure of its own (recorded from Lambda: a name too long and off-pattern is
    // "2 validation errors detected").
    if (checks.own) {
      for (const constraint of constraintsBroken(memberShape, memberValue)) {
        const value = renderValue(context, memberShape, memberValue);
        failures.push(`${value} at '${prefix + member.segment}' failed to satisfy constraint: ${constraint}`);
      }
    }
    if (checks.nested) checkNested(context, memberShape, memberValue, prefix + member.segment, failures);
  }
}

function checkNested(context: ValidationContext, shape: Shape, value: unknown, path: string, failures: string[]): void {
  if (shape.type === 'structure') {
    checkStructureMembers(context, shape, value as Record<string, unknown>, `${path}.`, failures);
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const memberShape = shapeOf(context.model, shape.member);
    const checks = checksOf(memberShape);
    const inner = checks.own ? value.flatMap((item) => constraintsBroken(memberShape, item)) : [];
    if (inner.length > 0) {
      // The list's members are also never null (recorded from Lambda:
      // `[… enum value set: [x86_64, arm64], Member must not be null]`).
      const constraints = [...unique(inner), 'Member must not be null'];
      failures.push(
        `${renderValue(context, shape, value)} at '${path}' failed to satisfy constraint: ` +
          `Member must satisfy constraint: [${constraints.join(', ')}]`,
      );
    }
    if (checks.nested) {
      value.forEach((item, index) => {
        checkNested(context, memberShape, item, `${path}.${index + 1}.member`, failures);
      });
    }
  } else if (shape.type === 'map' && value && typeof value === 'object') {
    const keyShape = shapeOf(context.model, shape.key);
    const valueShape = shapeOf(context.model, shape.value);
    const valueChecks = checksOf(valueShape);
    const entries = Object.entries(value as Record<string, unknown>);
    const keyFailures = checksOf(keyShape).own ? entries.flatMap(([key]) => constraintsBroken(keyShape, key)) : [];
    const valueFailures = valueChecks.own ? entries.flatMap(([, item]) => constraintsBroken(valueShape, item)) : [];
    const parts: string[] = [];
    if (keyFailures.length > 0) parts.push(`Map keys must satisfy constraint: [${unique(keyFailures).join(', ')}]`);
    if (valueFailures.length > 0)
      parts.push(`Map value must satisfy constraint: [${unique(valueFailures).join(', ')}]`);
    if (parts.length > 0)
      failures.push(
        `${renderValue(context, shape, value)} at '${path}' failed to satisfy constraint: ${parts.join(', ')}`,
      );
    if (valueChecks.nested) {
      for (const [key, item] of entries) checkNested(context, valueShape, item, `${path}.${key}`, failures);
    }
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** The constraints of `shape` that `value` breaks, in AWS's words. */
function constraintsBroken(shape: Shape, value: unknown): string[] {
  const broken: string[] = [];
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') break;
      if (shape.max !== undefined && value.length > shape.max)
        broken.push(`Member must have length less than or equal to ${shape.max}`);
      if (shape.min !== undefined && value.length < shape.min)
        broken.push(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.pattern !== undefined && !compilePattern(shape.pattern)(value))
        broken.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value))
        broken.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      break;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      if (typeof value !== 'number') break;
      if (shape.max !== undefined && value > shape.max)
        broken.push(`Member must have value less than or equal to ${shape.max}`);
      if (shape.min !== undefined && value < shape.min)
        broken.push(`Member must have value greater than or equal to ${shape.min}`);
      break;
    }
    case 'list':
    case 'map':
    case 'blob': {
      const size = sizeOf(value);
      if (size === undefined) break;
      if (shape.max !== undefined && size > shape.max)
        broken.push(`Member must have length less than or equal to ${shape.max}`);
      if (shape.min !== undefined && size < shape.min)
        broken.push(`Member must have length greater than or equal to ${shape.min}`);
      break;
    }
    default:
      break;
  }
  return broken;
}

function sizeOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

/** Renders the offending value as Coral does (Java's toString for lists and maps); sensitive values are hidden. */
function renderValue(context: ValidationContext, shape: Shape, value: unknown): string {
  if (shape.sensitive || !context.echoValues) return 'Value';
  return `Value '${javaString(value)}'`;
}

function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Uint8Array)
    return `java.nio.HeapByteBuffer[pos=0 lim=${value.byteLength} cap=${value.byteLength}]`;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const compiledPatterns = new Map<string, (value: string) => boolean>();

/**
 * Model patterns are Java regular expressions matched against the whole value. Most are valid JavaScript with the
 * `u` flag; the few that are not are tried without it. A pattern neither accepts is not enforced (a test lists them).
 */
function compilePattern(pattern: string): (value: string) => boolean {
  let test = compiledPatterns.get(pattern);
  if (!test) {
    test = toMatcher(pattern);
    compiledPatterns.set(pattern, test);
  }
  return test;
}

function toMatcher(pattern: string): (value: string) => boolean {
  const source = `^(?:${pattern})$`;
  for (const flags of ['u', '']) {
    try {
      const regex = new RegExp(source, flags);
      return (value) => regex.test(value);
    } catch {
      // try the next flavour
    }
  }
  return () => true;
}
