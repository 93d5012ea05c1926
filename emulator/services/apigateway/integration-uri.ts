import { UnsupportedFeatureException } from '../../errors.js';
import { apiGatewayErrors } from './errors.js';

const lambdaInvocationUri =
  /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;

/**
 * The function named by an AWS_PROXY URI
 * `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations`.
 */
export function lambdaFunctionOfUri(uri: string): string | undefined {
  return lambdaInvocationUri.exec(uri)?.[1];
}

/**
 * An AWS_PROXY integration URI checked in AWS's order and words (recorded by moto and LocalStack): an ARN, with
 * a `path` or `action` resource, naming Lambda's invocation path. Firehose streams, AWS's other AWS_PROXY target,
 * are not emulated.
 */
export function checkAwsProxyUri(uri: string | undefined): void {
  if (uri === undefined || !uri.startsWith('arn:')) throw apiGatewayErrors.invalidIntegrationArn();
  const parts = uri.split(':');
  if (parts.length < 6) throw apiGatewayErrors.invalidIntegrationArn();
  const [, , , , account] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(':');
  if (!resource.startsWith('path') && !resource.startsWith('action'))
    throw apiGatewayErrors.integrationArnWithoutPathOrAction();
  if (account === 'firehose') throw new UnsupportedFeatureException('AWS_PROXY integrations with Firehose streams');
  if (account !== 'lambda' || !resource.startsWith('path/2015-03-31/functions/')) {
    throw apiGatewayErrors.proxyTargetNotLambda();
  }
}

/** `${stageVariables.name}` in a URI, replaced by the stage's variables at invocation time. */
export function withStageVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => variables[name] ?? '');
}
