import type { ApiGatewayStore } from '../../store/apigateway-store.js';
import { apiGatewayErrors } from './errors.js';
import { type CallerScope, findOwnRestApi } from './lookups.js';

type TagStore = Pick<ApiGatewayStore, 'findRestApi' | 'findStage' | 'setRestApiTags' | 'setStageTags'>;

/** What can carry tags in idpool: a REST API or one of its stages, each read and written whole. */
export interface TagTarget {
  tags: Record<string, string>;
  save(tags: Record<string, string>): void;
}

const apiGatewayArn = /^arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::(\/.*)$/;

/**
 * The resource an API Gateway ARN names: `arn:aws:apigateway:<region>::/restapis/<id>` or
 * `…/restapis/<id>/stages/<name>`. Other taggable resources (API keys, usage plans, domain names, client
 * certificates, VPC links) are not emulated, so no ARN names one here. Wording [unverified].
 */
export function requireTagTarget(store: TagStore, scope: CallerScope, resourceArn: string): TagTarget {
  const match = apiGatewayArn.exec(resourceArn);
  if (!match) throw apiGatewayErrors.invalidArn(resourceArn);
  const [, region, path] = match as unknown as [string, string, string];
  const parts = path.split('/').slice(1);
  const api =
    region === scope.region && parts[0] === 'restapis' && parts[1] ? findOwnRestApi(store, scope, parts[1]) : undefined;
  if (api && parts.length === 2) {
    return { tags: api.tags, save: (tags) => store.setRestApiTags(api.apiId, tags) };
  }
  if (api && parts.length === 4 && parts[2] === 'stages') {
    const stage = store.findStage(api.apiId, parts[3] as string);
    if (stage) return { tags: stage.tags, save: (tags) => store.setStageTags(api.apiId, stage.stageName, tags) };
  }
  throw apiGatewayErrors.unknownTagTarget(resourceArn);
}

/** API Gateway's documented limits: 50 tags per resource, keys up to 128 and values up to 256 characters. */
export function checkTags(tags: Record<string, string>): void {
  if (Object.keys(tags).length > 50) throw apiGatewayErrors.tooManyTags();
  for (const [key, value] of Object.entries(tags)) {
    if (key.length === 0 || key.length > 128 || value.length > 256 || key.toLowerCase().startsWith('aws:')) {
      throw apiGatewayErrors.invalidTag(key);
    }
  }
}
