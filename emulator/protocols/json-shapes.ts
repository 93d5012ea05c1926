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
  return read(model, ref, value, flavour);
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
  if (found === 'START_OBJECT') return new SerializationException('Start of structure or map found where not expected.');
  if (found === 'START_ARRAY') return new SerializationException('Start of list found where not expected');
  return new SerializationException(`${found.replace('VALUE_', '')}_VALUE can not be converted to ${expected}`);
}

function read(model: ServiceModel, ref: ShapeRef, value: unknown, flavour: JsonFlavour): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(value, 'a structure');
      const source = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members)) {
        if (memberRef.location) continue;
        const key = flavour.useLocationName ? (memberRef.locationName ?? name) : name;
        if (!Object.hasOwn(source, key)) continue;
        const member = read(model, memberRef, source[key], flavour);
        if (member !== undefined) result[name] = member;
      }
      return result;
    }
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(value, 'a list');
      return value.map((item) => read(model, shape.member, item, flavour) ?? null);
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(value, 'a map');
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const read_ = read(model, shape.value, item, flavour);
        if (read_ !== undefined) result[key] = read_;
      }
      return result;
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, 'a String');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(value, 'a Boolean');
      return value;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(value, shape.type === 'long' ? 'a Long' : 'an Integer');
      if (!Number.isSafeInteger(value) || (shape.type === 'integer' && Math.abs(value) > 2 ** 31)) {
        throw new SerializationException(`Numeric value (${value}) out of range of ${shape.type === 'long' ? 'long' : 'int'}`);
      }
      return value;
    case 'float':
    case 'double':
      if (typeof value !== 'number') throw mismatch(value, 'a Double');
      return value;
    case 'timestamp':
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
      throw mismatch(value, 'a Date');
    case 'blob':
      if (typeof value !== 'string') throw mismatch(value, 'a ByteBuffer');
      return Buffer.from(value, 'base64');
  }
}

/** Writes an output value (SDK-typed: Dates, Uint8Arrays) as the protocol's JSON. */
export function writeJson(model: ServiceModel, ref: ShapeRef, value: unknown, flavour: JsonFlavour): unknown {
  if (value === undefined || value === null) return undefined;
  const shape: Shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure': {
      const source = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members)) {
        if (memberRef.location) continue;
        const written = writeJson(model, memberRef, source[name], flavour);
        if (written !== undefined) result[flavour.useLocationName ? (memberRef.locationName ?? name) : name] = written;
      }
      return result;
    }
    case 'list':
      return (value as unknown[]).map((item) => writeJson(model, shape.member, item, flavour) ?? null);
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, writeJson(model, shape.value, item, flavour)]),
      );
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    case 'blob':
      return Buffer.from(value as Uint8Array).toString('base64');
    default:
      return value;
  }
}
