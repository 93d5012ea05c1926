import { DeleteRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import {
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import { DeleteFunctionCommand, ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { stackConventions } from '../../contracts/stack-conventions.js';
import type { AwsClients } from '../../contracts/types.js';
import { errorNamed, retrying } from '../stack/retry.js';

export interface Leftover {
  kind: 'identity-pool' | 'role' | 'function' | 'rest-api';
  id: string;
  name: string;
  /** The `idpool:run` tag. */
  run: string;
}

const { runTag, namePrefix } = stackConventions;

/**
 * What earlier runs left behind: every resource whose name starts `idpool-` and that carries the `idpool:run` tag
 * (one run's only, with `runId`). Each service is listed on its own, as the Resource Groups Tagging API is not used.
 */
export async function findLeftovers(clients: AwsClients, runId?: string): Promise<Leftover[]> {
  const found: Leftover[] = [];
  const keep = (run: string | undefined): run is string => run !== undefined && (runId === undefined || run === runId);

  let poolToken: string | undefined;
  do {
    const page = await clients.cognito.send(
      new ListIdentityPoolsCommand({ MaxResults: 60, ...(poolToken ? { NextToken: poolToken } : {}) }),
    );
    for (const pool of page.IdentityPools ?? []) {
      if (!pool.IdentityPoolId || !pool.IdentityPoolName?.startsWith(namePrefix)) continue;
      const described = await clients.cognito.send(
        new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }),
      );
      const run = described.IdentityPoolTags?.[runTag];
      if (keep(run)) found.push({ kind: 'identity-pool', id: pool.IdentityPoolId, name: pool.IdentityPoolName, run });
    }
    poolToken = page.NextToken;
  } while (poolToken);

  let marker: string | undefined;
  do {
    const page = await clients.iam.send(new ListRolesCommand({ ...(marker ? { Marker: marker } : {}) }));
    for (const role of page.Roles ?? []) {
      if (!role.RoleName?.startsWith(namePrefix)) continue;
      const tags = await clients.iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName }));
      const run = tags.Tags?.find((tag) => tag.Key === runTag)?.Value;
      if (keep(run)) found.push({ kind: 'role', id: role.RoleName, name: role.RoleName, run });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);

  let functionMarker: string | undefined;
  do {
    const page = await clients.lambda.send(
      new ListFunctionsCommand({ ...(functionMarker ? { Marker: functionMarker } : {}) }),
    );
    for (const fn of page.Functions ?? []) {
      if (!fn.FunctionName?.startsWith(namePrefix) || !fn.FunctionArn) continue;
      const run = (await clients.lambda.send(new ListTagsCommand({ Resource: fn.FunctionArn }))).Tags?.[runTag];
      if (keep(run)) found.push({ kind: 'function', id: fn.FunctionName, name: fn.FunctionName, run });
    }
    functionMarker = page.NextMarker;
  } while (functionMarker);

  let position: string | undefined;
  do {
    const page = await clients.apiGateway.send(
      new GetRestApisCommand({ limit: 500, ...(position ? { position } : {}) }),
    );
    for (const api of page.items ?? []) {
      const run = api.tags?.[runTag];
      if (api.id && api.name?.startsWith(namePrefix) && keep(run))
        found.push({ kind: 'rest-api', id: api.id, name: api.name, run });
    }
    position = page.position;
  } while (position);
  return found;
}

/** Deletes leftovers (APIs, functions, roles with their policies, pools); returns the failures. */
export async function removeLeftovers(
  clients: AwsClients,
  leftovers: readonly Leftover[],
  throttled: boolean,
  onRemoved?: (leftover: Leftover) => void,
): Promise<string[]> {
  const order: Leftover['kind'][] = ['rest-api', 'function', 'role', 'identity-pool'];
  const failures: string[] = [];
  for (const kind of order) {
    for (const leftover of leftovers.filter((candidate) => candidate.kind === kind)) {
      try {
        await remove(clients, leftover, throttled);
        onRemoved?.(leftover);
      } catch (error) {
        failures.push(
          `${leftover.kind} ${leftover.name}: ${(error as { name?: string }).name ?? 'Error'}: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return failures;
}

async function remove(clients: AwsClients, leftover: Leftover, throttled: boolean): Promise<void> {
  switch (leftover.kind) {
    case 'rest-api':
      await retrying(
        () => clients.apiGateway.send(new DeleteRestApiCommand({ restApiId: leftover.id })),
        errorNamed('TooManyRequestsException'),
        throttled ? 120_000 : 0,
      );
      return;
    case 'function':
      await clients.lambda.send(new DeleteFunctionCommand({ FunctionName: leftover.id }));
      return;
    case 'role': {
      const inline = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: leftover.id }));
      for (const policy of inline.PolicyNames ?? [])
        await clients.iam.send(new DeleteRolePolicyCommand({ RoleName: leftover.id, PolicyName: policy }));
      const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: leftover.id }));
      for (const policy of attached.AttachedPolicies ?? [])
        if (policy.PolicyArn)
          await clients.iam.send(new DetachRolePolicyCommand({ RoleName: leftover.id, PolicyArn: policy.PolicyArn }));
      await clients.iam.send(new DeleteRoleCommand({ RoleName: leftover.id }));
      return;
    }
    case 'identity-pool':
      await clients.cognito.send(new DeleteIdentityPoolCommand({ IdentityPoolId: leftover.id }));
      return;
  }
}
