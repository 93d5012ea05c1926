import { InvalidArgumentError, type Command } from 'commander';
import { readStackFile } from '../stack/stack-file.js';
import { awsTarget } from '../targets/aws.js';
import { embeddedTarget } from '../targets/embedded.js';
import { endpointTarget } from '../targets/endpoint.js';
import { localstackTarget } from '../targets/localstack.js';
import type { Target } from '../targets/target.js';
import { UsageError } from './exit-codes.js';

export interface TargetOptions {
  /** Several with `contracts run|record` (repeatable); one string for `flow` and `cleanup`. */
  target?: string[] | string;
  endpoint?: string;
  region: string;
  executeApiUrlStyle: string;
  localstackImage?: string;
  yesCreateResources?: boolean;
  stack?: string;
}

export interface TargetOptionsShape {
  /** `--target` may be repeated (a parity matrix). */
  several: boolean;
  /** The command creates a stack: it takes --yes-create-resources, --stack and --localstack-image. */
  creates: boolean;
  /** The targets it takes, for the help (all kinds when absent). */
  kinds?: string;
}

/** Appends to a list option; commander passes undefined first, since no default is shown (`(default: [])`). */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const single = (value: string, previous: string | undefined): string => {
  if (previous !== undefined)
    throw new InvalidArgumentError(`this command runs on one target (already given: ${previous})`);
  return value;
};

/** The options of a command that runs against targets: all of them for `contracts run`, fewer for flow and cleanup. */
export function addTargetOptions(
  command: Command,
  shape: TargetOptionsShape = { several: true, creates: true },
): Command {
  const kinds =
    shape.kinds ?? 'embedded (default) | endpoint | localstack | aws | <label>=<url> (an endpoint named <label>)';
  if (shape.several) command.option('--target <target>', `${kinds}; repeat for a parity matrix`, collect);
  else command.option('--target <target>', kinds, single);
  command
    .option(
      '--endpoint <url>',
      'the URL of the endpoint target (idpool serve, LocalStack, moto, …); alone, it implies --target endpoint',
    )
    .option('--region <region>', 'AWS region', process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1')
    .option(
      '--execute-api-url-style <style>',
      'how endpoint targets serve APIs: host (<api>.execute-api.localhost:<port>) or path ' +
        '(/restapis/<api>/<stage>/_user_request_/)',
      'host',
    );
  if (shape.creates) {
    command
      .option('--localstack-image <image>', 'LocalStack image for the localstack target')
      .option('--yes-create-resources', 'let the aws target create (and delete) billable resources')
      .option('--stack <file>', 'aws target: check this existing stack (JSON) instead of provisioning one');
  }
  return command;
}

/** The target specs the options name: `--endpoint` alone means the endpoint target, and only it takes `--endpoint`. */
function targetSpecs(options: Pick<TargetOptions, 'target' | 'endpoint'>): string[] {
  const named = options.target === undefined ? [] : Array.isArray(options.target) ? options.target : [options.target];
  if (named.length === 0) return [options.endpoint ? 'endpoint' : 'embedded'];
  if (options.endpoint && !named.includes('endpoint')) {
    throw new UsageError(
      `--endpoint ${options.endpoint} is only for --target endpoint (the targets here: ${named.join(', ')}); ` +
        'use --target <label>=<url> to add an endpoint to them',
    );
  }
  return named;
}

/** Builds the targets the options name, in order (`embedded` when none is named). */
export function targetsFrom(options: TargetOptions): Target[] {
  const style = options.executeApiUrlStyle;
  if (style !== 'host' && style !== 'path')
    throw new UsageError(`--execute-api-url-style takes host or path, got '${style}'`);
  return targetSpecs(options).map((spec) => {
    const labelled = /^([\w.-]+)=(https?:\/\/.+)$/.exec(spec);
    if (labelled)
      return endpointTarget({
        name: labelled[1] as string,
        endpoint: labelled[2] as string,
        region: options.region,
        executeApiUrlStyle: style,
      });
    switch (spec) {
      case 'embedded':
        return embeddedTarget({ region: options.region, executeApiUrlStyle: style });
      case 'endpoint':
        if (!options.endpoint)
          throw new UsageError('--target endpoint needs --endpoint <url> (or use --target <label>=<url>)');
        return endpointTarget({ endpoint: options.endpoint, region: options.region, executeApiUrlStyle: style });
      case 'localstack':
        return localstackTarget({
          region: options.region,
          ...(options.localstackImage ? { image: options.localstackImage } : {}),
        });
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
