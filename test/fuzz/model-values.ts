import type { ServiceModel, Shape, ShapeRef } from '../../emulator/protocols/service-model.js';
import { shapeOf } from '../../emulator/protocols/service-model.js';

/** A small deterministic random source (mulberry32), so a fuzz case is reproducible from its seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** A plausible value of the shape (in range, right type), as a valid request would carry. */
export function plausibleValue(model: ServiceModel, ref: ShapeRef, random: Random, depth = 0): unknown {
  const shape: Shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure': {
      const value: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        if (shape.required?.includes(name) || (depth < 2 && random.next() < 0.3))
          value[name] = plausibleValue(model, member, random, depth + 1);
      }
      return value;
    }
    case 'list':
      return depth > 3
        ? []
        : Array.from({ length: Math.max(shape.min ?? 0, random.int(3)) }, () =>
            plausibleValue(model, shape.member, random, depth + 1),
          );
    case 'map':
      return depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: random.int(3) }, (_, index) => [
              `key${index}`,
              plausibleValue(model, shape.value, random, depth + 1),
            ]),
          );
    case 'string':
      if (shape.enum) return random.pick(shape.enum);
      return 'a'.repeat(Math.max(shape.min ?? 1, Math.min(shape.max ?? 8, 8)));
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Math.max(shape.min ?? 1, Math.min(shape.max ?? 10, 10));
    case 'boolean':
      return random.next() < 0.5;
    case 'timestamp':
      return new Date(Date.UTC(2026, 0, 1));
    case 'blob':
      return Buffer.from('fuzz');
  }
}

export const memberMutations = [
  'wrongType',
  'missingRequired',
  'extraMember',
  'tooLong',
  'badEnum',
  'outOfRange',
  'nullValue',
  'deepNesting',
] as const;
export type MemberMutation = (typeof memberMutations)[number];

const wrongTypes: unknown[] = [42, 'text', true, { nested: { object: 1 } }, [1, 'two', null], -1.5, ''];

/** Breaks one member of a plausible input the way `mutation` says (the JSON shape: what a client would send). */
export function mutate(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  input: Record<string, unknown>,
  mutation: MemberMutation,
  random: Random,
): Record<string, unknown> {
  const result = JSON.parse(
    JSON.stringify(input, (_, value: unknown) => (value instanceof Date ? value.getTime() / 1000 : value)),
  ) as Record<string, unknown>;
  const shape = inputRef ? shapeOf(model, inputRef) : undefined;
  const members = shape?.type === 'structure' ? Object.entries(shape.members) : [];
  const [name, member] = members.length > 0 ? random.pick(members) : ['Unknown', { shape: 'String' }];
  const memberShape = members.length > 0 ? shapeOf(model, member as ShapeRef) : undefined;
  switch (mutation) {
    case 'wrongType':
      result[name] = random.pick(wrongTypes);
      break;
    case 'missingRequired': {
      const required = shape?.type === 'structure' ? (shape.required ?? []) : [];
      if (required.length > 0) delete result[random.pick(required)];
      else result[name] = null;
      break;
    }
    case 'extraMember':
      result[`Unexpected${random.int(1000)}`] = { surprise: [1, 2, 3] };
      break;
    case 'tooLong':
      result[name] = 'x'.repeat(
        memberShape?.type === 'string' && memberShape.max ? memberShape.max + 1 + random.int(100) : 70_000,
      );
      break;
    case 'badEnum':
      result[name] =
        memberShape?.type === 'string' && memberShape.enum ? 'NOT_A_VALUE' : '\u0000\u0001\u{1F4A5}<script>';
      break;
    case 'outOfRange':
      result[name] = random.pick([-1, 0, 2 ** 53, -(2 ** 40), 1e308]);
      break;
    case 'nullValue':
      result[name] = null;
      break;
    case 'deepNesting': {
      let deep: unknown = 'bottom';
      for (let level = 0; level < 200; level++) deep = { [name]: deep };
      result[name] = deep;
      break;
    }
  }
  return result;
}
