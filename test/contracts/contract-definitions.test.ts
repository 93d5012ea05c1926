import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allContracts, contractJsonSchemas, stepIndex, steps } from '../../contracts/index.js';

describe('the contract definitions', () => {
  it('have unique, step-prefixed ids, in step order', () => {
    const ids = allContracts.map((contract) => contract.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const contract of allContracts) expect(contract.id.startsWith(`${contract.step}.`)).toBe(true);
    const order = allContracts.map((contract) => stepIndex(contract.step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('cover every step with a positive and a negative contract', () => {
    for (const step of steps) {
      const ofStep = allContracts.filter((contract) => contract.step === step.id);
      expect(
        ofStep.some((contract) => contract.expect.kind === 'response'),
        step.id,
      ).toBe(true);
      expect(
        ofStep.some((contract) => contract.expect.kind === 'error'),
        step.id,
      ).toBe(true);
    }
  });

  it('each name their source with the facts copied, a status, and the request they make', () => {
    for (const contract of allContracts) {
      expect(['validated', 'model', 'unverified']).toContain(contract.status);
      expect(contract.source.ref.length, contract.id).toBeGreaterThan(10);
      expect(contract.source.note.length, contract.id).toBeGreaterThan(20);
      expect(contract.source.ref).not.toContain('../shared');
      expect(contract.request.length, contract.id).toBeGreaterThan(10);
    }
  });

  it('only need outputs that an earlier contract provides', () => {
    const provided = new Set<string>();
    for (const contract of allContracts) {
      for (const key of contract.requires ?? []) expect(provided.has(key), `${contract.id} needs ${key}`).toBe(true);
      if (contract.provides) provided.add(contract.provides.output);
    }
  });

  it('export as JSON Schema, one per contract', () => {
    const schemas = contractJsonSchemas(allContracts) as Record<
      string,
      { $schema?: string; title?: string; properties?: Record<string, unknown> }
    >;
    expect(Object.keys(schemas)).toEqual(allContracts.map((contract) => contract.id));
    const issued = schemas['get-credentials-for-identity.issued'];
    expect(issued?.$schema).toContain('json-schema.org');
    expect(Object.keys(issued?.properties ?? {})).toEqual(['IdentityId', 'Credentials']);
    const error = schemas['signed-call.unsigned'];
    expect(error?.properties?.code).toEqual({ type: 'string', const: 'MissingAuthenticationTokenException' });
    expect(JSON.parse(JSON.stringify(schemas))).toEqual(schemas);
  });

  it('one file per step, in order, and never import the emulator', () => {
    const files = readdirSync(new URL('../../contracts/steps/', import.meta.url)).sort();
    expect(files.map((file) => file.replace(/^\d\d-|\.ts$/g, ''))).toEqual(steps.map((step) => step.id));
    const sources = ['contracts/', 'contracts/steps/'].flatMap((folder) =>
      readdirSync(new URL(`../../${folder}`, import.meta.url))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => readFileSync(new URL(`../../${folder}${file}`, import.meta.url), 'utf8')),
    );
    for (const source of sources) expect(source).not.toMatch(/from '(\.\.\/)+emulator\//);
  });
});
