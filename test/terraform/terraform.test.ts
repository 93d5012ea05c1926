import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetDeploymentCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetTagsCommand,
} from '@aws-sdk/client-api-gateway';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { packageRoot } from '../../emulator/package-root.js';
import { getCredentialsForIdentity, getDeveloperToken, signedFetch } from '../../src/flow-client/index.js';
import { helloFunctionZip } from '../../src/stack/hello-zip.js';
import { clientsFor, rootCredentials, type Clients } from '../support/emulator.js';
import {
  awsProviderBinaries,
  mirrorCliConfig,
  runTerraform,
  startSharedProvider,
  terraformEnv,
  terraformTools,
  type SharedProvider,
  type TerraformResult,
} from './terraform-tools.js';

const tools = terraformTools();
const example = join(packageRoot, 'examples', 'terraform');

interface Outputs {
  identity_pool_id: string;
  developer_provider_name: string;
  rest_api_id: string;
  stage_name: string;
  hello_url: string;
  region: string;
}

/** `…/aws/5.100.0/…` after `…/aws/5.99.0/…`. */
function byVersion(a: string, b: string): number {
  const version = (path: string) => (/\/aws\/(\d+)\.(\d+)\.(\d+)/.exec(path) ?? []).slice(1).map(Number);
  const [left, right] = [version(a), version(b)];
  for (let index = 0; index < 3; index++)
    if ((left[index] ?? 0) !== (right[index] ?? 0)) return (left[index] ?? 0) - (right[index] ?? 0);
  return 0;
}

/** `Resources: 1 added, 2 changed, 3 destroyed.` of an apply or destroy. */
function summary(result: TerraformResult): string {
  return /Resources: [^\n]*\./.exec(result.output)?.[0] ?? `(no summary) ${result.output.slice(-3000)}`;
}

describe.skipIf(typeof tools === 'string')(
  `Terraform applies examples/terraform${typeof tools === 'string' ? ` (skipped: ${tools})` : ''}`,
  () => {
    const { terraform, mirror } = tools as Exclude<typeof tools, string>;
    let emulator: RunningEmulator;
    let clients: Clients;
    let work: string;
    let env: NodeJS.ProcessEnv;
    let variables: string[];
    let provider: SharedProvider | undefined;

    const tf = async (...args: string[]): Promise<TerraformResult> =>
      runTerraform(terraform, [...args, '-no-color'], join(work, 'stack'), env);
    const tfOk = async (...args: string[]): Promise<TerraformResult> => {
      const result = await tf(...args);
      expect(result.code, result.output.slice(-4000)).toBe(0);
      return result;
    };
    const outputs = async (): Promise<Outputs> => {
      const result = await tfOk('output', '-json');
      const parsed = JSON.parse(result.output.slice(result.output.indexOf('{'))) as Record<string, { value: string }>;
      return Object.fromEntries(
        Object.entries(parsed).map(([key, output]) => [key, output.value]),
      ) as unknown as Outputs;
    };

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, logLevel: 'warn' });
      clients = clientsFor(emulator);
      work = mkdtempSync(join(tmpdir(), 'idpool-terraform-'));
      mkdirSync(join(work, 'stack'));
      for (const file of readdirSync(example).filter((name) => name.endsWith('.tf')))
        copyFileSync(join(example, file), join(work, 'stack', file));
      writeFileSync(join(work, 'cli.tfrc'), mirrorCliConfig(mirror));
      writeFileSync(join(work, 'hello.zip'), helloFunctionZip());
      env = terraformEnv(join(work, 'cli.tfrc'), join(work, 'tf-data'));
      const binary = awsProviderBinaries(mirror).sort(byVersion).at(-1);
      provider = binary ? await startSharedProvider(binary) : undefined;
      if (provider) env.TF_REATTACH_PROVIDERS = provider.reattach;
      variables = ['-var', `idpool_endpoint=${emulator.url}`, '-var', `lambda_zip=${join(work, 'hello.zip')}`];
    });

    afterAll(async () => {
      provider?.stop();
      await emulator?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('applies, plans no change, runs the flow, applies again as a no-op, takes the usual edits and destroys', {
      timeout: 900_000,
    }, async () => {
      await tfOk('init', '-input=false');

      // 1. The stack from nothing, then a plan that finds nothing to do.
      const created = await tfOk('apply', '-auto-approve', '-input=false', ...variables);
      expect(summary(created)).toBe('Resources: 19 added, 0 changed, 0 destroyed.');
      const plan = await tf('plan', '-detailed-exitcode', '-input=false', ...variables);
      expect(plan.code, plan.output.slice(-4000)).toBe(0);

      // 2. The developer-authenticated flow with the stack's outputs, through the project's flow client.
      const out = await outputs();
      expect(out.stage_name).toBe('dev');
      const token = await getDeveloperToken(
        { endpoint: emulator.url, region: out.region, credentials: rootCredentials },
        {
          identityPoolId: out.identity_pool_id,
          developerProviderName: out.developer_provider_name,
          developerUserId: 'terraform-user',
        },
      );
      const credentials = await getCredentialsForIdentity({
        identityId: token.identityId,
        token: token.token,
        region: out.region,
        endpoint: emulator.url,
      });
      const hello = await signedFetch(out.hello_url, {}, credentials, { region: out.region });
      expect(hello.status).toBe(200);
      expect(await hello.json()).toMatchObject({
        message: 'Hello user',
        cognitoIdentityId: token.identityId,
        cognitoIdentityPoolId: out.identity_pool_id,
      });
      // API Gateway's own refusal carries the DEFAULT_4XX gateway response's CORS header, so a page can read it.
      const refused = await fetch(out.hello_url);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      const preflight = await fetch(out.hello_url, { method: 'OPTIONS' });
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS');

      // 3. Applying the same configuration again changes nothing.
      const again = await tfOk('apply', '-auto-approve', '-input=false', ...variables);
      expect(summary(again)).toBe('Resources: 0 added, 0 changed, 0 destroyed.');

      // 4. The usual edits in one apply: UpdateRoleDescription, UpdateResource, UpdateMethod, UpdateIntegration,
      // UpdateMethodResponse, PutIntegrationResponse, Tag/UntagResource, UpdateStage, a new deployment for the stage.
      copyFileSync(
        join(packageRoot, 'test', 'terraform', 'edits_override.tf'),
        join(work, 'stack', 'edits_override.tf'),
      );
      const edited = await tfOk('apply', '-auto-approve', '-input=false', ...variables);
      expect(summary(edited)).toBe('Resources: 1 added, 8 changed, 1 destroyed.');
      const api = clients.apiGateway;
      const restApiId = out.rest_api_id;
      const role = await clients.iam.send(new GetRoleCommand({ RoleName: 'idpool-tf-authenticated' }));
      expect(role.Role?.Description).toBe('Authenticated identities, edited');
      const resources = await api.send(new GetResourcesCommand({ restApiId }));
      const greeting = resources.items?.find((item) => item.path === '/greeting');
      expect(greeting, JSON.stringify(resources.items)).toBeDefined();
      const method = await api.send(new GetMethodCommand({ restApiId, resourceId: greeting?.id, httpMethod: 'GET' }));
      expect(method.authorizationType).toBe('NONE');
      expect(
        (await api.send(new GetIntegrationCommand({ restApiId, resourceId: greeting?.id, httpMethod: 'GET' })))
          .timeoutInMillis,
      ).toBe(10_000);
      const stage = await api.send(new GetStageCommand({ restApiId, stageName: 'dev' }));
      expect(stage).toMatchObject({
        description: 'development, edited',
        tags: { project: 'idpool-terraform-example', edited: 'yes' },
      });
      const deployment = await api.send(new GetDeploymentCommand({ restApiId, deploymentId: stage.deploymentId }));
      expect(deployment.description).toBe('idpool example, edited');
      const apiArn = `arn:aws:apigateway:${out.region}::/restapis/${restApiId}`;
      expect((await api.send(new GetTagsCommand({ resourceArn: apiArn }))).tags).toEqual({ owner: 'edits' });
      // The stage serves the new deployment: the renamed path, now without authorization.
      const greetingUrl = out.hello_url.replace(/\/hello$/, '/greeting');
      const unsigned = await fetch(greetingUrl);
      expect(unsigned.status).toBe(200);
      expect(await unsigned.json()).toMatchObject({ message: 'Hello user' });
      expect((await fetch(greetingUrl, { method: 'OPTIONS' })).headers.get('access-control-max-age')).toBe('600');

      // 5. Destroy leaves nothing behind.
      const destroyed = await tfOk('destroy', '-auto-approve', '-input=false', ...variables);
      expect(summary(destroyed)).toBe('Resources: 19 destroyed.');
      expect((await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools).toEqual([]);
      expect(
        (await clients.iam.send(new ListRolesCommand({}))).Roles?.filter((item) =>
          item.RoleName?.startsWith('idpool-tf-'),
        ),
      ).toEqual([]);
      expect((await clients.lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
      expect((await api.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
    });
  },
);
