import { SerializationException } from '../errors.js';
import type { ServiceModel, ShapeRef } from './service-model.js';
import { shapeOf } from './service-model.js';

/**
 * awsQuery (IAM, STS): reading the form parameters into the model's types, and writing outputs as XML.
 * Lists are `Name.member.N` (flattened: `Name.N`), maps `Name.entry.N.key`/`.value`; XML lists are `<member>`
 * elements, maps `<entry><key/><value/></entry>`, timestamps ISO 8601 without milliseconds.
 */
export class QueryParameters {
  private readonly prefixes = new Set<string>();

  constructor(readonly values: Map<string, string>) {
    for (const key of values.keys()) {
      let dot = key.indexOf('.');
      while (dot !== -1) {
        this.prefixes.add(key.slice(0, dot));
        dot = key.indexOf('.', dot + 1);
      }
    }
  }

  has(key: string): boolean {
    return this.values.has(key) || this.prefixes.has(key);
  }
}

export function readQuery(model: ServiceModel, ref: ShapeRef, params: QueryParameters, key: string): unknown {
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure': {
      const result: Record<string, unknown> = {};
      for (const [name, memberRef] of Object.entries(shape.members)) {
        const memberKey = key ? `${key}.${memberRef.locationName ?? name}` : (memberRef.locationName ?? name);
        if (!params.has(memberKey)) continue;
        const value = readQuery(model, memberRef, params, memberKey);
        if (value !== undefined) result[name] = value;
      }
      return result;
    }
    case 'list': {
      if (params.values.get(key) === '') return [];
      const base = shape.flattened || ref.flattened ? key : `${key}.${shape.member.locationName ?? 'member'}`;
      const items: unknown[] = [];
      for (let index = 1; params.has(`${base}.${index}`); index++)
        items.push(readQuery(model, shape.member, params, `${base}.${index}`));
      return items;
    }
    case 'map': {
      const base = shape.flattened || ref.flattened ? key : `${key}.entry`;
      const result: Record<string, unknown> = {};
      for (let index = 1; params.has(`${base}.${index}`); index++) {
        const entryKey = params.values.get(`${base}.${index}.${shape.key.locationName ?? 'key'}`);
        if (entryKey !== undefined)
          result[entryKey] = readQuery(
            model,
            shape.value,
            params,
            `${base}.${index}.${shape.value.locationName ?? 'value'}`,
          );
      }
      return result;
    }
    default: {
      const raw = params.values.get(key);
      if (raw === undefined) return undefined;
      return readScalar(shape.type, raw, key);
    }
  }
}

function readScalar(type: string, raw: string, key: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(raw))
        throw new SerializationException(`Value '${raw}' for parameter ${key} is not a valid integer.`);
      return Number(raw);
    case 'float':
    case 'double':
      if (raw.trim() === '' || Number.isNaN(Number(raw)))
        throw new SerializationException(`Value '${raw}' for parameter ${key} is not a valid number.`);
      return Number(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false')
        throw new SerializationException(`Value '${raw}' for parameter ${key} is not a valid boolean.`);
      return raw === 'true';
    case 'timestamp': {
      const time = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) * 1000 : Date.parse(raw);
      if (Number.isNaN(time))
        throw new SerializationException(`Value '${raw}' for parameter ${key} is not a valid timestamp.`);
      return new Date(time);
    }
    case 'blob':
      return Buffer.from(raw, 'base64');
    default:
      return raw;
  }
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The XML of `value` as the elements inside a structure (no wrapping element). */
export function writeXmlMembers(model: ServiceModel, ref: ShapeRef, value: unknown): string {
  const shape = shapeOf(model, ref);
  if (shape.type !== 'structure' || value === undefined || value === null) return '';
  let xml = '';
  for (const [name, memberRef] of Object.entries(shape.members)) {
    const member = (value as Record<string, unknown>)[name];
    if (member === undefined || member === null) continue;
    xml += writeXmlElement(model, memberRef, memberRef.locationName ?? name, member);
  }
  return xml;
}

function writeXmlElement(model: ServiceModel, ref: ShapeRef, name: string, value: unknown): string {
  const shape = shapeOf(model, ref);
  switch (shape.type) {
    case 'structure':
      return `<${name}>${writeXmlMembers(model, ref, value)}</${name}>`;
    case 'list': {
      const memberName = shape.member.locationName ?? 'member';
      const items = (value as unknown[])
        .map((item) => writeXmlElement(model, shape.member, shape.flattened ? name : memberName, item))
        .join('');
      return shape.flattened ? items : `<${name}>${items}</${name}>`;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
        .map(
          ([key, item]) =>
            `<entry>${writeXmlElement(model, shape.key, 'key', key)}` +
            `${writeXmlElement(model, shape.value, 'value', item)}</entry>`,
        )
        .join('');
      return `<${name}>${entries}</${name}>`;
    }
    case 'timestamp':
      return `<${name}>${isoSeconds(value as Date)}</${name}>`;
    case 'blob':
      return `<${name}>${Buffer.from(value as Uint8Array).toString('base64')}</${name}>`;
    default:
      return `<${name}>${escapeXml(String(value))}</${name}>`;
  }
}
