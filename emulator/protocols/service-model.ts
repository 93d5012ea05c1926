import { readFileSync } from 'node:fs';
import { packageRoot } from '../package-root.js';

/** The subset of a botocore `service-2.json` that idpool reads (documentation stripped, see emulator/models). */
export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: 'json' | 'query' | 'rest-json';
    jsonVersion?: string;
    targetPrefix?: string;
    signingName?: string;
    xmlNamespace?: string;
    serviceId: string;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef & { resultWrapper?: string };
  errors?: ShapeRef[];
  authtype?: 'none' | 'v4';
}

export interface ShapeRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  jsonvalue?: boolean;
  timestampFormat?: 'iso8601' | 'unixTimestamp' | 'rfc822';
  flattened?: boolean;
  idempotencyToken?: boolean;
}

interface ShapeCommon {
  sensitive?: boolean;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  locationName?: string;
  timestampFormat?: ShapeRef['timestampFormat'];
}

export type Shape =
  | (ShapeCommon & { type: 'structure'; members: Record<string, ShapeRef>; required?: string[]; payload?: string })
  | (ShapeCommon & { type: 'list'; member: ShapeRef; min?: number; max?: number; flattened?: boolean })
  | (ShapeCommon & { type: 'map'; key: ShapeRef; value: ShapeRef; min?: number; max?: number; flattened?: boolean })
  | (ShapeCommon & { type: 'string'; min?: number; max?: number; pattern?: string; enum?: string[] })
  | (ShapeCommon & { type: 'integer' | 'long' | 'float' | 'double'; min?: number; max?: number; box?: boolean })
  | (ShapeCommon & { type: 'boolean'; box?: boolean })
  | (ShapeCommon & { type: 'timestamp' })
  | (ShapeCommon & { type: 'blob'; min?: number; max?: number; streaming?: boolean });

export type StructureShape = Extract<Shape, { type: 'structure' }>;

export type ServiceModelName = 'cognito-identity' | 'sts' | 'iam' | 'lambda' | 'apigateway';

const loaded = new Map<ServiceModelName, ServiceModel>();

/** Loads one of the bundled models once per process. */
export function loadServiceModel(name: ServiceModelName): ServiceModel {
  let model = loaded.get(name);
  if (!model) {
    model = readServiceModel(name);
    loaded.set(name, model);
  }
  return model;
}

/** A fresh copy of a bundled model, not kept (for a caller that patches its own and keeps that). */
export function readServiceModel(name: ServiceModelName): ServiceModel {
  return JSON.parse(readFileSync(`${packageRoot}/emulator/models/${name}.json`, 'utf8')) as ServiceModel;
}

export function shapeOf(model: ServiceModel, ref: ShapeRef): Shape {
  const shape = model.shapes[ref.shape];
  if (!shape) throw new Error(`Model ${model.metadata.serviceId} has no shape ${ref.shape}`);
  return shape;
}
