import { SerializationException } from '../errors.js';
import type { ServiceModel, Shape, ShapeRef } from './service-model.js';
import { shapeOf } from './service-model.js';

/**
 * Reading a JSON request into the model's types, and writing outputs back, for awsJson1_1 and restJson1.
 * A value of the wrong JSON type is a SerializationException, as Coral's deserializer answers before validation;
 * explicit nulls read as absent; members the model does not know are ignored, as AWS ignores them.
 * Timestamps travel as epoch seconds, blobs as base64.
 */
export interface JsonFlavour {
  /** restJson1 names body members by their `locationName`; awsJson1_1 by the member name. */
  useLocationName: boolean;
}

export function readJson(model: ServiceModel, ref: ShapeRef, value: unknown, flavour: JsonFlavour): unknown {
  if (value === null || value === undefined) return undefined;
  return codecOf(model, ref.shape, flavour).read(value);
}

/** Writes an output value (SDK-typed: Dates, Uint8Arrays) as the protocol's JSON. */
export function writeJson(model: ServiceModel, ref: ShapeRef, value: unknown, flavour: JsonFlavour): unknown {
  if (value === undefined || value === null) return undefined;
  return codecOf(model, ref.shape, flavour).write(value);
}

/** A shape's reader and writer, for values that are neither null nor undefined. */
interface Codec {
  read(value: unknown): unknown;
  write(value: unknown): unknown;
}

/** Codecs are built once per shape and flavour, on first use (shapes may refer to themselves). */
const codecs = new WeakMap<ServiceModel, [Map<string, Codec>, Map<string, Codec>]>();

function codecOf(model: ServiceModel, shapeName: string, flavour: JsonFlavour): Codec {
  let byFlavour = codecs.get(model);
  if (!byFlavour) codecs.set(model, (byFlavour = [new Map(), new Map()]));
  const cache = byFlavour[flavour.useLocationName ? 1 : 0];
  let codec = cache.get(shapeName);
  if (!codec) {
    codec = buildCodec(model, shapeOf(model, { shape: shapeName }), flavour);
    cache.set(shapeName, codec);
  }
  return codec;
}

/** A member or element's codec, found on first use. */
function lazyCodec(model: ServiceModel, shapeName: string, flavour: JsonFlavour): () => Codec {
  let codec: Codec | undefined;
  return () => (codec ??= codecOf(model, shapeName, flavour));
}

const identity = (value: unknown) => value;

function buildCodec(model: ServiceModel, shape: Shape, flavour: JsonFlavour): Codec {
  switch (shape.type) {
    case 'structure': {
      const members = Object.entries(shape.members)
        .filter(([, memberRef]) => !memberRef.location)
        .map(([name, memberRef]) => ({
          name,
          key: flavour.useLocationName ? (memberRef.locationName ?? name) : name,
          codec: lazyCodec(model, memberRef.shape, flavour),
        }));
      return {
        read(value) {
          if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(value, 'a structure');
          const source = value as Record<string, unknown>;
          const result: Record<string, unknown> = {};
          for (const member of members) {
            if (!Object.hasOwn(source, member.key)) continue;
            const item = source[member.key];
            if (item === null || item === undefined) continue;
            const read = member.codec().read(item);
            if (read !== undefined) result[member.name] = read;
          }
          return result;
        },
        write(value) {
          const source = value as Record<string, unknown>;
          const result: Record<string, unknown> = {};
          for (const member of members) {
            const item = source[member.name];
            if (item === null || item === undefined) continue;
            const written = member.codec().write(item);
            if (written !== undefined) result[member.key] = written;
          }
          return result;
        },
      };
    }
    case 'list': {
      const element = lazyCodec(model, shape.member.shape, flavour);
      return {
        read(value) {
          if (!Array.isArray(value)) throw mismatch(value, 'a list');
          return value.map((item) => (item === null || item === undefined ? null : (element().read(item) ?? null)));
        },
        write: (value) =>
          (value as unknown[]).map((item) =>
            item === null || item === undefined ? null : (element().write(item) ?? null),
          ),
      };
    }
    case 'map': {
      const entry = lazyCodec(model, shape.value.shape, flavour);
      return {
        read(value) {
          if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(value, 'a map');
          const result: Record<string, unknown> = {};
          for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
            if (item === null || item === undefined) continue;
            const read = entry().read(item);
            if (read !== undefined) result[key] = read;
          }
          return result;
        },
        write(value) {
          const result: Record<string, unknown> = {};
          for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
            result[key] = item === null || item === undefined ? undefined : entry().write(item);
          }
          return result;
        },
      };
    }
    case 'string':
      return {
        read: (value) => (typeof value === 'string' ? value : fail(mismatch(value, 'a String'))),
        write: identity,
      };
    case 'boolean':
      return {
        read: (value) => (typeof value === 'boolean' ? value : fail(mismatch(value, 'a Boolean'))),
        write: identity,
      };
    case 'integer':
    case 'long': {
      const long = shape.type === 'long';
      return {
        read(value) {
          if (typeof value !== 'number' || !Number.isInteger(value))
            throw mismatch(value, long ? 'a Long' : 'an Integer');
          if (!Number.isSafeInteger(value) || (!long && Math.abs(value) > 2 ** 31)) {
            throw new SerializationException(`Numeric value (${value}) out of range of ${long ? 'long' : 'int'}`);
          }
          return value;
        },
        write: identity,
      };
    }
    case 'float':
    case 'double':
      return {
        read: (value) => (typeof value === 'number' ? value : fail(mismatch(value, 'a Double'))),
        write: identity,
      };
    case 'timestamp':
      return {
        read(value) {
          if (typeof value === 'number') return new Date(value * 1000);
          if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
          throw mismatch(value, 'a Date');
        },
        write: (value) => (value as Date).getTime() / 1000,
      };
    case 'blob':
      return {
        read: (value) =>
          typeof value === 'string' ? Buffer.from(value, 'base64') : fail(mismatch(value, 'a ByteBuffer')),
        write: (value) => Buffer.from(value as Uint8Array).toString('base64'),
      };
  }
}

function fail(error: Error): never {
  throw error;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (value === null) return 'VALUE_NULL';
  switch (typeof value) {
    case 'string':
      return 'VALUE_STRING';
    case 'number':
      return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
    case 'boolean':
      return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
    default:
      return 'START_OBJECT';
  }
}

function mismatch(value: unknown, expected: string): SerializationException {
  const found = typeName(value);
  if (found === 'START_OBJECT')
    return new SerializationException('Start of structure or map found where not expected.');
  if (found === 'START_ARRAY') return new SerializationException('Start of list found where not expected');
  return new SerializationException(`${found.replace('VALUE_', '')}_VALUE can not be converted to ${expected}`);
}
