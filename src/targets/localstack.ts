import { environmentCredentials } from './addressing.js';
import { realClock } from './clock-control.js';
import { TargetUnavailable, type Target } from './target.js';

/** Pinned so a run is repeatable; identity pools need the Pro image (and a token). Override with --localstack-image. */
export const defaultLocalstackImage = 'localstack/localstack-pro:4.4.0';

export interface LocalstackTargetOptions {
  image?: string;
  region: string;
  env?: NodeJS.ProcessEnv;
}

/** Why LocalStack cannot start here, each with its fix; empty when it can. */
export async function localstackPrerequisites(env: NodeJS.ProcessEnv): Promise<string[]> {
  const missing: string[] = [];
  const testcontainers = await optionalImport<typeof import('testcontainers')>('testcontainers');
  const localstack = await optionalImport<typeof import('@testcontainers/localstack')>('@testcontainers/localstack');
  if (!testcontainers || !localstack) {
    return [`${installHint}`, ...(env.LOCALSTACK_AUTH_TOKEN ? [] : [noTokenReason])];
  }
  const { getContainerRuntimeClient } = testcontainers;
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    missing.push(
      `no container runtime (${error instanceof Error ? error.message : String(error)}): start Docker (or Podman with DOCKER_HOST set), or run LocalStack yourself and use --target endpoint --endpoint http://localhost:4566 --execute-api-url-style path`,
    );
  }
  if (!env.LOCALSTACK_AUTH_TOKEN) missing.push(noTokenReason);
  return missing;
}

const noTokenReason =
  'no LOCALSTACK_AUTH_TOKEN: identity pools (and ENFORCE_IAM) are paid LocalStack features, and every image needs ' +
  'an account token; export LOCALSTACK_AUTH_TOKEN=<your token>';

/** testcontainers is an optional peer dependency: only this target needs it (about 180 packages). */
export const installHint =
  'testcontainers is not installed (only the localstack target needs it): ' +
  'npm install --save-dev testcontainers@^11 @testcontainers/localstack@^11';

/** The module, or undefined when it is not installed (any other failure to load it is thrown). */
async function optionalImport<T>(name: string): Promise<T | undefined> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * LocalStack in a container (@testcontainers/localstack) with ENFORCE_IAM=1 and the Docker socket mounted so its
 * Lambda can start function containers. Provisioned by the same code as every other target.
 */
export function localstackTarget(options: LocalstackTargetOptions): Target {
  const env = options.env ?? process.env;
  return {
    name: 'localstack',
    kind: 'localstack',
    start: async () => {
      const missing = await localstackPrerequisites(env);
      if (missing.length > 0)
        throw new TargetUnavailable(`LocalStack cannot start: ${missing.join('; ')}`, 'Fix the above and run again.');
      type Localstack = typeof import('@testcontainers/localstack');
      const { LocalstackContainer } = (await optionalImport<Localstack>('@testcontainers/localstack')) as Localstack;
      const image = options.image ?? defaultLocalstackImage;
      const container = await new LocalstackContainer(image)
        .withEnvironment({
          LOCALSTACK_AUTH_TOKEN: env.LOCALSTACK_AUTH_TOKEN as string,
          ENFORCE_IAM: '1',
          AWS_DEFAULT_REGION: options.region,
        })
        .withBindMounts([{ source: '/var/run/docker.sock', target: '/var/run/docker.sock' }])
        .start();
      const endpoint = container.getConnectionUri();
      return {
        name: 'localstack',
        kind: 'localstack',
        description: `LocalStack ${image} at ${endpoint}`,
        region: options.region,
        endpoint,
        credentials: environmentCredentials(env),
        executeApiUrlStyle: 'path',
        clock: realClock,
        eventuallyConsistent: false,
        stop: async () => {
          await container.stop();
        },
      };
    },
  };
}
