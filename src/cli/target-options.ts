import type { Command } from 'commander';
import { readStackFile } from '../stack/stack-file.js';
import { awsTarget } from '../targets/aws.js';
import { embeddedTarget } from '../targets/embedded.js';
import { endpointTarget } from '../targets/endpoint.js';
import { localstackTarget } from '../targets/localstack.js';
import type { Target } from '../targets/target.js';
import { UsageError } from './exit-codes.js';

export interface TargetOptions {
  target: string[];
  endpoint?: string;
  region: string;
  executeApiUrlStyle: string;
  localstackImage?: string;
  yesCreateResources?: boolean;
  stack?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options every command that runs against targets takes. */
export function addTargetOptions(command: Command, defaultTargets: string[] = []): Command {
  return command
    .option('--target <target>', 'embedded | endpoint | localstack | aws | <label>=<url> (an endpoint named <label>); repeat for a parity matrix', collect, defaultTargets)
    .option('--endpoint <url>', 'the URL of the endpoint target (idpool serve, LocalStack, moto, …)')
    .option('--region <region>', 'AWS region', process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1')
    .option('--execute-api-url-style <style>', 'how endpoint targets serve APIs: host (<api>.execute-api.localhost:<port>) or path (/restapis/<api>/<stage>/_user_request_/)', 'host')
    .option('--localstack-image <image>', 'LocalStack image for the localstack target')
    .option('--yes-create-resources', 'let the aws target create (and delete) billable resources')
    .option('--stack <file>', 'aws target: check this existing stack (JSON) instead of provisioning one');
}

/** Builds the targets the options name, in order (`embedded` when none is named). */
export function targetsFrom(options: TargetOptions): Target[] {
  const style = options.executeApiUrlStyle;
  if (style !== 'host' && style !== 'path') throw new UsageError(`--execute-api-url-style takes host or path, got '${style}'`);
  const specs = options.target.length > 0 ? options.target : ['embedded'];
  return specs.map((spec) => {
    const labelled = /^([\w.-]+)=(https?:\/\/.+)$/.exec(spec);
    if (labelled) return endpointTarget({ name: labelled[1] as string, endpoint: labelled[2] as string, region: options.region, executeApiUrlStyle: style });
    switch (spec) {
      case 'embedded':
        return embeddedTarget({ region: options.region, executeApiUrlStyle: style });
      case 'endpoint':
        if (!options.endpoint) throw new UsageError('--target endpoint needs --endpoint <url> (or use --target <label>=<url>)');
        return endpointTarget({ endpoint: options.endpoint, region: options.region, executeApiUrlStyle: style });
      case 'localstack':
        return localstackTarget({ region: options.region, ...(options.localstackImage ? { image: options.localstackImage } : {}) });
      case 'aws':
        return awsTarget({
          region: options.region,
          yesCreateResources: options.yesCreateResources ?? false,
          ...(options.stack ? { existingStack: readStackFile(options.stack) } : {}),
        });
      default:
        throw new UsageError(`unknown target '${spec}': use embedded, endpoint, localstack, aws or <label>=<url>`);
    }
  });
}
