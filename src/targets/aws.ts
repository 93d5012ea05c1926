import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { StackDescription } from '../../contracts/types.js';
import { realClock } from './clock-control.js';
import { TargetUnavailable, type Target } from './target.js';

export interface AwsTargetOptions {
  region: string;
  /** Consent to create billable resources (required unless `existingStack` is given). */
  yesCreateResources: boolean;
  existingStack?: Partial<StackDescription>;
}

/**
 * Real AWS with the SDK's default credential chain. It creates billable resources, so it refuses to provision
 * without explicit consent; everything it creates is tagged `idpool:run=<run id>` and torn down after the run.
 */
export function awsTarget(options: AwsTargetOptions): Target {
  return {
    name: 'aws',
    kind: 'aws',
    start: async () => {
      if (!options.existingStack && !options.yesCreateResources) {
        throw new TargetUnavailable(
          'the aws target creates billable resources (an identity pool, roles, a Lambda function, an API) ' +
            'and was not told it may',
          'Pass --yes-create-resources to let it create (and then delete) them, or --stack FILE to check a ' +
            'stack you already have.',
        );
      }
      const sts = new STSClient({ region: options.region });
      try {
        await sts.send(new GetCallerIdentityCommand({}));
      } catch (error) {
        throw new TargetUnavailable(
          `no usable AWS credentials (${(error as { name?: string }).name ?? 'Error'}: ` +
            `${error instanceof Error ? error.message : String(error)})`,
          'Configure the default credential chain: AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ' +
            'SSO, or an instance role.',
        );
      } finally {
        sts.destroy();
      }
      return {
        name: 'aws',
        kind: 'aws',
        description: `AWS ${options.region} (default credential chain)`,
        region: options.region,
        endpoint: undefined,
        credentials: undefined,
        executeApiUrlStyle: 'aws',
        clock: realClock,
        eventuallyConsistent: true,
        ...(options.existingStack ? { existingStack: { region: options.region, ...options.existingStack } } : {}),
        stop: () => Promise.resolve(),
      };
    },
  };
}
