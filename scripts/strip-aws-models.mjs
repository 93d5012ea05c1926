#!/usr/bin/env node
// Copies the botocore service models idpool speaks into emulator/models/, without their documentation.
// Origin: botocore 1.43.11, botocore/data/<service>/<version>/service-2.json (Apache-2.0), as provided in
// ../shared/data/aws-models/. Usage: node scripts/strip-aws-models.mjs <dir with the service-2.json copies>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const services = ['cognito-identity', 'sts', 'iam', 'lambda', 'apigateway'];
const sourceDir = process.argv[2] ?? '../shared/data/aws-models';
const dropped = new Set(['documentation', 'documentationUrl', 'deprecatedMessage', 'examples']);

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !dropped.has(key))
      .map(([key, v]) => [key, strip(v)]),
  );
}

for (const service of services) {
  const model = JSON.parse(readFileSync(join(sourceDir, `${service}.json`), 'utf8'));
  const stripped = strip({
    version: model.version,
    metadata: model.metadata,
    operations: model.operations,
    shapes: model.shapes,
  });
  writeFileSync(join('emulator/models', `${service}.json`), `${JSON.stringify(stripped)}\n`);
}
