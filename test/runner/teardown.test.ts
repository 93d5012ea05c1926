import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { allContracts, defineContract } from '../../contracts/index.js';
import { findLeftovers, removeLeftovers } from '../../src/cleanup/leftovers.js';
import { runTarget } from '../../src/runner/run-target.js';
import { newRunId, runTags, stackNames } from '../../src/stack/names.js';
import { provisionStack } from '../../src/stack/provision.js';
import { apiBaseUrl } from '../../src/targets/addressing.js';
import { endpointTarget } from '../../src/targets/endpoint.js';
import { useEmulator, type Clients } from '../support/emulator.js';

async function idpoolResources(clients: Clients): Promise<string[]> {
  const pools = (await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? [];
  const roles = (await clients.iam.send(new ListRolesCommand({}))).Roles ?? [];
  const functions = (await clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
  const apis = (await clients.apiGateway.send(new GetRestApisCommand({}))).items ?? [];
  return [
    ...pools.map((pool) => `pool ${pool.IdentityPoolName}`),
    ...roles.map((role) => `role ${role.RoleName}`),
    ...functions.map((fn) => `function ${fn.FunctionName}`),
    ...apis.map((api) => `api ${api.name}`),
  ].filter((name) => name.includes('idpool-'));
}

const crashing = defineContract({
  id: 'signed-call.crashes',
  step: 'signed-call',
  title: 'a contract whose request throws',
  request: 'none',
  status: 'unverified',
  source: { ref: 'test', note: 'a contract that throws something that is not an AWS error' },
  run: () => Promise.reject(new Error('boom')),
  expect: { kind: 'error', error: { code: 'X', status: 400 } },
});

describe('teardown', () => {
  const ctx = useEmulator();
  const target = () =>
    endpointTarget({
      name: 'idpool',
      endpoint: ctx.emulator.url,
      region: ctx.emulator.region,
      executeApiUrlStyle: 'host',
    });

  it('removes everything the run created even when a contract crashed, and puts the moved clock back', async () => {
    const contracts = [...allContracts.filter((contract) => contract.step !== 'cors-preflight'), crashing];
    const run = await runTarget(target(), { contracts });
    expect(run.results.find((result) => result.id === 'signed-call.crashes')).toMatchObject({
      verdict: 'failed',
      differences: ['the contract could not complete: boom'],
    });
    expect(run.results.find((result) => result.id === 'signed-call.expired-credentials')?.verdict).toBe('passed');
    expect(run.teardownFailures).toEqual([]);
    expect(await idpoolResources(ctx.clients)).toEqual([]);
    const clock = (await (await fetch(`${ctx.emulator.url}/_idpool/clock`)).json()) as { offsetSeconds: number };
    expect(clock.offsetSeconds).toBe(0);
  });

  it('stops after an interrupt, reports the rest as not run, and still tears down', async () => {
    const controller = new AbortController();
    const run = await runTarget(target(), {
      contracts: allContracts,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'contract' && event.result.id === 'get-open-id-token-for-developer-identity.issued')
          controller.abort();
      },
    });
    expect(run.state).toBe('interrupted');
    const after = run.results.slice(
      run.results.findIndex((result) => result.id === 'get-open-id-token-for-developer-identity.issued') + 1,
    );
    expect(after.length).toBeGreaterThan(30);
    expect(after.every((result) => result.verdict === 'not-run' && result.reason === 'interrupted')).toBe(true);
    expect(await idpoolResources(ctx.clients)).toEqual([]);
  });

  it("cleanup finds a run's leftovers by name prefix and idpool:run tag, and removes them", async () => {
    const runId = newRunId();
    const provisioner = await provisionStack(ctx.clients, {
      runId,
      region: ctx.emulator.region,
      accountId: ctx.emulator.accountId,
      names: stackNames(runId),
      tags: runTags(runId),
      apiBaseUrl: (restApiId, stage) =>
        apiBaseUrl(
          { executeApiUrlStyle: 'host', endpoint: ctx.emulator.url, region: ctx.emulator.region },
          restApiId,
          stage,
        ),
      eventuallyConsistent: false,
    });
    expect(provisioner.failures).toEqual([]);
    const leftovers = await findLeftovers(ctx.clients, runId);
    expect(leftovers.map((leftover) => leftover.kind).sort()).toEqual([
      'function',
      'identity-pool',
      'rest-api',
      'role',
      'role',
    ]);
    expect(await findLeftovers(ctx.clients, 'someotherrun')).toEqual([]);
    expect(await removeLeftovers(ctx.clients, leftovers, false)).toEqual([]);
    expect(await idpoolResources(ctx.clients)).toEqual([]);
  });
});
