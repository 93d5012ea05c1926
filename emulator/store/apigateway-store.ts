import type BetterSqlite3 from 'better-sqlite3';
import { BoundedMap } from '../bounded-map.js';
import { preparedOnFirstUse, type Database, type StoreComponent } from './database.js';
import { RowCache } from './row-cache.js';

/**
 * API Gateway REST APIs: the APIs (owned by an account in a region), their resource tree, the methods on each
 * resource (with method responses, integration and integration responses, kept as one JSON document per method),
 * the deployments (frozen snapshots of the tree) and the stages that point at deployments.
 */
const apiGatewaySchema: StoreComponent = {
  name: 'apigateway',
  migrations: [
    {
      version: 1,
      description: 'REST APIs, resources, methods, deployments and stages',
      up: `
        CREATE TABLE apigw_rest_apis (
          api_id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          description TEXT,
          version TEXT,
          policy TEXT,
          api_key_source TEXT NOT NULL,
          endpoint_configuration TEXT NOT NULL,
          binary_media_types TEXT NOT NULL,
          minimum_compression_size INTEGER,
          disable_execute_api_endpoint INTEGER NOT NULL,
          tags TEXT NOT NULL,
          root_resource_id TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX apigw_rest_apis_by_owner ON apigw_rest_apis (account_id, region, created_at, api_id);
        CREATE TABLE apigw_resources (
          api_id TEXT NOT NULL REFERENCES apigw_rest_apis (api_id) ON DELETE CASCADE,
          resource_id TEXT NOT NULL,
          parent_id TEXT,
          path_part TEXT,
          path TEXT NOT NULL,
          PRIMARY KEY (api_id, resource_id)
        );
        CREATE UNIQUE INDEX apigw_resources_by_path ON apigw_resources (api_id, path);
        CREATE TABLE apigw_methods (
          api_id TEXT NOT NULL,
          resource_id TEXT NOT NULL,
          http_method TEXT NOT NULL,
          document TEXT NOT NULL,
          PRIMARY KEY (api_id, resource_id, http_method),
          FOREIGN KEY (api_id, resource_id) REFERENCES apigw_resources (api_id, resource_id) ON DELETE CASCADE
        );
        CREATE TABLE apigw_deployments (
          api_id TEXT NOT NULL REFERENCES apigw_rest_apis (api_id) ON DELETE CASCADE,
          deployment_id TEXT NOT NULL,
          description TEXT,
          created_at INTEGER NOT NULL,
          snapshot TEXT NOT NULL,
          PRIMARY KEY (api_id, deployment_id)
        );
        CREATE TABLE apigw_stages (
          api_id TEXT NOT NULL REFERENCES apigw_rest_apis (api_id) ON DELETE CASCADE,
          stage_name TEXT NOT NULL,
          deployment_id TEXT NOT NULL,
          description TEXT,
          variables TEXT NOT NULL,
          tags TEXT NOT NULL,
          tracing_enabled INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (api_id, stage_name)
        );
      `,
    },
    {
      // Self-contained: only adds its own table, so it composes with other steps added in parallel.
      version: 2,
      description: 'gateway responses set on each REST API',
      up: `
        CREATE TABLE apigw_gateway_responses (
          api_id TEXT NOT NULL REFERENCES apigw_rest_apis (api_id) ON DELETE CASCADE,
          response_type TEXT NOT NULL,
          document TEXT NOT NULL,
          PRIMARY KEY (api_id, response_type)
        );
      `,
    },
  ],
  resettableTables: [
    'apigw_gateway_responses',
    'apigw_stages',
    'apigw_deployments',
    'apigw_methods',
    'apigw_resources',
    'apigw_rest_apis',
  ],
};

export interface RestApiRecord {
  apiId: string;
  accountId: string;
  region: string;
  name: string;
  description?: string;
  version?: string;
  /** The resource policy as the caller gave it (validated JSON text). */
  policy?: string;
  apiKeySource: string;
  endpointConfiguration: { types: string[]; ipAddressType?: string; vpcEndpointIds?: string[] };
  binaryMediaTypes: string[];
  minimumCompressionSize?: number;
  disableExecuteApiEndpoint: boolean;
  tags: Record<string, string>;
  rootResourceId: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface ResourceRecord {
  resourceId: string;
  parentId?: string;
  pathPart?: string;
  path: string;
}

export interface StoredMethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface StoredIntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: string;
}

export interface StoredIntegration {
  type: string;
  httpMethod?: string;
  uri?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  integrationResponses: Record<string, StoredIntegrationResponse>;
}

export interface StoredMethod {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  methodResponses: Record<string, StoredMethodResponse>;
  integration?: StoredIntegration;
}

/** A gateway response someone set: what they gave (an absent status code or map means the type's default). */
export interface StoredGatewayResponse {
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
}

/** What a deployment freezes: the tree with its methods, and what the data plane reads of the API itself. */
export interface DeploymentSnapshot {
  policy?: string;
  /** The gateway responses set when it was made (absent in deployments made before they were emulated). */
  gatewayResponses?: Record<string, StoredGatewayResponse>;
  binaryMediaTypes: string[];
  disableExecuteApiEndpoint?: boolean;
  resources: (ResourceRecord & { methods: Record<string, StoredMethod> })[];
}

export interface DeploymentRecord {
  deploymentId: string;
  description?: string;
  createdAt: number;
}

export interface StageRecord {
  apiId: string;
  stageName: string;
  deploymentId: string;
  description?: string;
  variables: Record<string, string>;
  tags: Record<string, string>;
  tracingEnabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What importing a definition changes in an API's tree, applied with the API's settings in one transaction. */
export interface ApiDefinitionChanges {
  /** Paths of the resource trees to delete, with their methods. */
  removedTrees: string[];
  /** Resources whose methods all go before the definition's are put. */
  clearedResources: string[];
  /** New resources, each after its parent. */
  resources: ResourceRecord[];
  /** Methods to put, in order (a later one for the same resource and HTTP method wins). */
  methods: { resourceId: string; method: StoredMethod }[];
}

interface RestApiRow {
  api_id: string;
  account_id: string;
  region: string;
  name: string;
  description: string | null;
  version: string | null;
  policy: string | null;
  api_key_source: string;
  endpoint_configuration: string;
  binary_media_types: string;
  minimum_compression_size: number | null;
  disable_execute_api_endpoint: number;
  tags: string;
  root_resource_id: string;
  created_at: number;
}

interface ResourceRow {
  resource_id: string;
  parent_id: string | null;
  path_part: string | null;
  path: string;
}

interface StageRow {
  api_id: string;
  stage_name: string;
  deployment_id: string;
  description: string | null;
  variables: string;
  tags: string;
  tracing_enabled: number;
  created_at: number;
  updated_at: number;
}

function toRestApi(row: RestApiRow): RestApiRecord {
  return {
    apiId: row.api_id,
    accountId: row.account_id,
    region: row.region,
    name: row.name,
    description: row.description ?? undefined,
    version: row.version ?? undefined,
    policy: row.policy ?? undefined,
    apiKeySource: row.api_key_source,
    endpointConfiguration: JSON.parse(row.endpoint_configuration) as RestApiRecord['endpointConfiguration'],
    binaryMediaTypes: JSON.parse(row.binary_media_types) as string[],
    minimumCompressionSize: row.minimum_compression_size ?? undefined,
    disableExecuteApiEndpoint: row.disable_execute_api_endpoint === 1,
    tags: JSON.parse(row.tags) as Record<string, string>,
    rootResourceId: row.root_resource_id,
    createdAt: row.created_at,
  };
}

function restApiParameters(api: RestApiRecord): unknown[] {
  return [
    api.name,
    api.description ?? null,
    api.version ?? null,
    api.policy ?? null,
    api.apiKeySource,
    JSON.stringify(api.endpointConfiguration),
    JSON.stringify(api.binaryMediaTypes),
    api.minimumCompressionSize ?? null,
    api.disableExecuteApiEndpoint ? 1 : 0,
    JSON.stringify(api.tags),
    api.apiId,
  ];
}

function toResource(row: ResourceRow): ResourceRecord {
  return {
    resourceId: row.resource_id,
    parentId: row.parent_id ?? undefined,
    pathPart: row.path_part ?? undefined,
    path: row.path,
  };
}

function toStage(row: StageRow): StageRecord {
  return {
    apiId: row.api_id,
    stageName: row.stage_name,
    deploymentId: row.deployment_id,
    description: row.description ?? undefined,
    variables: JSON.parse(row.variables) as Record<string, string>,
    tags: JSON.parse(row.tags) as Record<string, string>,
    tracingEnabled: row.tracing_enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Deployments never change once made, so their parsed snapshots are kept for the data plane. */
const snapshotCacheSize = 256;

/**
 * The API Gateway state. A write of several statements is one method here, in one transaction; the operations check
 * (synchronously, so no other request runs in between) and then call it. Every statement here is prepared once.
 */
export class ApiGatewayStore {
  private readonly statements: Record<string, BetterSqlite3.Statement>;
  private readonly snapshots = new BoundedMap<string, DeploymentSnapshot>(snapshotCacheSize);
  /** Every execute-api request reads its API and stage: kept decoded (see RowCache). */
  private readonly records: RowCache<RestApiRecord | StageRecord>;

  constructor(private readonly db: Database) {
    db.install(apiGatewaySchema);
    this.records = new RowCache(db, {
      capacity: 1_000,
      tables: ['apigw_rest_apis', 'apigw_stages'],
      keptByInserts: true,
    });
    const sql = db.sql;
    this.statements = preparedOnFirstUse({
      insertApi: () =>
        sql.prepare(`INSERT INTO apigw_rest_apis (name, description, version, policy, api_key_source,
        endpoint_configuration, binary_media_types, minimum_compression_size, disable_execute_api_endpoint, tags,
        api_id, account_id, region, root_resource_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateApi: () =>
        sql.prepare(`UPDATE apigw_rest_apis SET name = ?, description = ?, version = ?, policy = ?,
        api_key_source = ?, endpoint_configuration = ?, binary_media_types = ?, minimum_compression_size = ?,
        disable_execute_api_endpoint = ?, tags = ?
        WHERE api_id = ?`),
      setApiTags: () => sql.prepare('UPDATE apigw_rest_apis SET tags = ? WHERE api_id = ?'),
      apiById: () => sql.prepare('SELECT * FROM apigw_rest_apis WHERE api_id = ?'),
      apisOfOwner: () =>
        sql.prepare('SELECT * FROM apigw_rest_apis WHERE account_id = ? AND region = ? ORDER BY created_at, rowid'),
      deleteApi: () => sql.prepare('DELETE FROM apigw_rest_apis WHERE api_id = ?'),
      insertResource: () =>
        sql.prepare(
          'INSERT INTO apigw_resources (api_id, resource_id, parent_id, path_part, path) VALUES (?, ?, ?, ?, ?)',
        ),
      resource: () =>
        sql.prepare(
          'SELECT resource_id, parent_id, path_part, path FROM apigw_resources WHERE api_id = ? AND resource_id = ?',
        ),
      resourceByPath: () =>
        sql.prepare(
          'SELECT resource_id, parent_id, path_part, path FROM apigw_resources WHERE api_id = ? AND path = ?',
        ),
      resources: () =>
        sql.prepare(
          'SELECT resource_id, parent_id, path_part, path FROM apigw_resources WHERE api_id = ? ORDER BY path',
        ),
      children: () =>
        sql.prepare(
          'SELECT resource_id, parent_id, path_part, path FROM apigw_resources WHERE api_id = ? AND parent_id = ?',
        ),
      moveResource: () =>
        sql.prepare('UPDATE apigw_resources SET parent_id = ?, path_part = ? WHERE api_id = ? AND resource_id = ?'),
      renameTree: () =>
        sql.prepare(`UPDATE apigw_resources SET path = ? || substr(path, length(?) + 1)
        WHERE api_id = ? AND (path = ? OR substr(path, 1, length(?) + 1) = ? || '/')`),
      deleteTree: () =>
        sql.prepare(
          `DELETE FROM apigw_resources WHERE api_id = ? AND (path = ? OR substr(path, 1, length(?) + 1) = ? || '/')`,
        ),
      method: () =>
        sql.prepare('SELECT document FROM apigw_methods WHERE api_id = ? AND resource_id = ? AND http_method = ?'),
      methods: () => sql.prepare('SELECT resource_id, http_method, document FROM apigw_methods WHERE api_id = ?'),
      methodCount: () => sql.prepare('SELECT count(*) AS count FROM apigw_methods WHERE api_id = ?'),
      putMethod: () =>
        sql.prepare(`INSERT INTO apigw_methods (api_id, resource_id, http_method, document) VALUES (?, ?, ?, ?)
        ON CONFLICT (api_id, resource_id, http_method) DO UPDATE SET document = excluded.document`),
      deleteMethod: () =>
        sql.prepare('DELETE FROM apigw_methods WHERE api_id = ? AND resource_id = ? AND http_method = ?'),
      deleteMethodsOf: () => sql.prepare('DELETE FROM apigw_methods WHERE api_id = ? AND resource_id = ?'),
      insertDeployment: () =>
        sql.prepare(`INSERT INTO apigw_deployments (api_id, deployment_id, description, created_at, snapshot)
        VALUES (?, ?, ?, ?, ?)`),
      deployment: () =>
        sql.prepare(
          'SELECT deployment_id, description, created_at FROM apigw_deployments WHERE api_id = ? AND deployment_id = ?',
        ),
      deployments: () =>
        sql.prepare(`SELECT deployment_id, description, created_at FROM apigw_deployments WHERE api_id = ?
        ORDER BY created_at, rowid`),
      snapshot: () => sql.prepare('SELECT snapshot FROM apigw_deployments WHERE api_id = ? AND deployment_id = ?'),
      updateDeployment: () =>
        sql.prepare('UPDATE apigw_deployments SET description = ? WHERE api_id = ? AND deployment_id = ?'),
      deleteDeployment: () => sql.prepare('DELETE FROM apigw_deployments WHERE api_id = ? AND deployment_id = ?'),
      insertStage: () =>
        sql.prepare(`INSERT INTO apigw_stages (api_id, stage_name, deployment_id, description, variables, tags,
        tracing_enabled, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateStage: () =>
        sql.prepare(`UPDATE apigw_stages SET deployment_id = ?, description = ?, variables = ?, tags = ?,
        tracing_enabled = ?, updated_at = ?
        WHERE api_id = ? AND stage_name = ?`),
      setStageTags: () => sql.prepare('UPDATE apigw_stages SET tags = ? WHERE api_id = ? AND stage_name = ?'),
      stage: () => sql.prepare('SELECT * FROM apigw_stages WHERE api_id = ? AND stage_name = ?'),
      stages: () => sql.prepare('SELECT * FROM apigw_stages WHERE api_id = ? ORDER BY stage_name'),
      stagesOfDeployment: () =>
        sql.prepare('SELECT * FROM apigw_stages WHERE api_id = ? AND deployment_id = ? ORDER BY stage_name'),
      deleteStage: () => sql.prepare('DELETE FROM apigw_stages WHERE api_id = ? AND stage_name = ?'),
      gatewayResponses: () =>
        sql.prepare(
          'SELECT response_type, document FROM apigw_gateway_responses WHERE api_id = ? ORDER BY response_type',
        ),
      putGatewayResponse: () =>
        sql.prepare(`INSERT INTO apigw_gateway_responses (api_id, response_type, document)
        VALUES (?, ?, ?)
        ON CONFLICT (api_id, response_type) DO UPDATE SET document = excluded.document`),
      deleteGatewayResponse: () =>
        sql.prepare('DELETE FROM apigw_gateway_responses WHERE api_id = ? AND response_type = ?'),
    });
  }

  // REST APIs

  /** Creates the API with its root resource `/`. */
  insertRestApi(api: RestApiRecord): void {
    this.db.transaction(() => this.insertApiWithRoot(api));
  }

  private insertApiWithRoot(api: RestApiRecord): void {
    this.statements.insertApi.run(
      ...restApiParameters(api),
      api.accountId,
      api.region,
      api.rootResourceId,
      api.createdAt,
    );
    this.statements.insertResource.run(api.apiId, api.rootResourceId, null, null, '/');
  }

  updateRestApi(api: RestApiRecord): void {
    this.statements.updateApi.run(...restApiParameters(api));
  }

  setRestApiTags(apiId: string, tags: Record<string, string>): void {
    this.statements.setApiTags.run(JSON.stringify(tags), apiId);
  }

  /** ImportRestApi: creates the API (with its root resource) and the tree of its definition, together. */
  importRestApi(api: RestApiRecord, changes: ApiDefinitionChanges): void {
    this.db.transaction(() => {
      this.insertApiWithRoot(api);
      this.applyDefinition(api.apiId, changes);
    });
  }

  /** PutRestApi: changes the API's tree as its new definition says and saves its settings, together. */
  reimportRestApi(api: RestApiRecord, changes: ApiDefinitionChanges): void {
    this.db.transaction(() => {
      this.applyDefinition(api.apiId, changes);
      this.updateRestApi(api);
    });
  }

  private applyDefinition(apiId: string, changes: ApiDefinitionChanges): void {
    for (const path of changes.removedTrees) this.deleteResourceTree(apiId, path);
    for (const resourceId of changes.clearedResources) this.statements.deleteMethodsOf.run(apiId, resourceId);
    for (const resource of changes.resources) this.insertResource(apiId, resource);
    for (const { resourceId, method } of changes.methods) this.putMethod(apiId, resourceId, method);
  }

  /** Any account's API: ids are unique across accounts, as the execute-api host name shows. */
  findRestApi(apiId: string): RestApiRecord | undefined {
    const key = `api\n${apiId}`;
    const cached = this.records.get(key) as RestApiRecord | undefined;
    if (cached) return cached;
    const row = this.statements.apiById.get(apiId) as RestApiRow | undefined;
    return row && (this.records.remember(key, toRestApi(row)) as RestApiRecord);
  }

  listRestApis(accountId: string, region: string): RestApiRecord[] {
    return (this.statements.apisOfOwner.all(accountId, region) as RestApiRow[]).map(toRestApi);
  }

  deleteRestApi(apiId: string): void {
    this.statements.deleteApi.run(apiId);
  }

  // Resources

  insertResource(apiId: string, resource: ResourceRecord): void {
    this.statements.insertResource.run(
      apiId,
      resource.resourceId,
      resource.parentId ?? null,
      resource.pathPart ?? null,
      resource.path,
    );
  }

  findResource(apiId: string, resourceId: string): ResourceRecord | undefined {
    const row = this.statements.resource.get(apiId, resourceId) as ResourceRow | undefined;
    return row && toResource(row);
  }

  findResourceByPath(apiId: string, path: string): ResourceRecord | undefined {
    const row = this.statements.resourceByPath.get(apiId, path) as ResourceRow | undefined;
    return row && toResource(row);
  }

  listResources(apiId: string): ResourceRecord[] {
    return (this.statements.resources.all(apiId) as ResourceRow[]).map(toResource);
  }

  childrenOf(apiId: string, parentId: string): ResourceRecord[] {
    return (this.statements.children.all(apiId, parentId) as ResourceRow[]).map(toResource);
  }

  /**
   * Gives a resource another parent or path part: its path and its descendants' paths change with it. The caller
   * has made sure the new path is free and not inside the moved tree.
   */
  moveResource(apiId: string, resource: ResourceRecord, parentId: string, pathPart: string, path: string): void {
    this.db.transaction(() => {
      this.statements.moveResource.run(parentId, pathPart, apiId, resource.resourceId);
      this.statements.renameTree.run(path, resource.path, apiId, resource.path, resource.path, resource.path);
    });
  }

  /** Deletes a resource, its descendants and all their methods. */
  deleteResourceTree(apiId: string, path: string): void {
    this.statements.deleteTree.run(apiId, path, path, path);
  }

  // Methods

  findMethod(apiId: string, resourceId: string, httpMethod: string): StoredMethod | undefined {
    const row = this.statements.method.get(apiId, resourceId, httpMethod) as { document: string } | undefined;
    return row && (JSON.parse(row.document) as StoredMethod);
  }

  /** Every method of the API, by resource id then HTTP method. */
  methodsByResource(apiId: string): Map<string, Record<string, StoredMethod>> {
    const byResource = new Map<string, Record<string, StoredMethod>>();
    for (const row of this.statements.methods.all(apiId) as {
      resource_id: string;
      http_method: string;
      document: string;
    }[]) {
      let methods = byResource.get(row.resource_id);
      if (!methods) byResource.set(row.resource_id, (methods = {}));
      methods[row.http_method] = JSON.parse(row.document) as StoredMethod;
    }
    return byResource;
  }

  countMethods(apiId: string): number {
    return (this.statements.methodCount.get(apiId) as { count: number }).count;
  }

  putMethod(apiId: string, resourceId: string, method: StoredMethod): void {
    this.statements.putMethod.run(apiId, resourceId, method.httpMethod, JSON.stringify(method));
  }

  deleteMethod(apiId: string, resourceId: string, httpMethod: string): void {
    this.statements.deleteMethod.run(apiId, resourceId, httpMethod);
  }

  // Deployments

  /** Adds a deployment and, when given, points a stage at it (the stage made, or saved as given), together. */
  createDeployment(
    apiId: string,
    deployment: DeploymentRecord,
    snapshot: DeploymentSnapshot,
    stage?: StageRecord,
  ): void {
    this.db.transaction(() => {
      const { deploymentId, description, createdAt } = deployment;
      this.statements.insertDeployment.run(
        apiId,
        deploymentId,
        description ?? null,
        createdAt,
        JSON.stringify(snapshot),
      );
      if (stage === undefined) return;
      if (this.statements.stage.get(apiId, stage.stageName)) this.updateStage(stage);
      else this.insertStage(stage);
    });
  }

  findDeployment(apiId: string, deploymentId: string): DeploymentRecord | undefined {
    const row = this.statements.deployment.get(apiId, deploymentId) as
      | { deployment_id: string; description: string | null; created_at: number }
      | undefined;
    return (
      row && { deploymentId: row.deployment_id, description: row.description ?? undefined, createdAt: row.created_at }
    );
  }

  listDeployments(apiId: string): DeploymentRecord[] {
    return (
      this.statements.deployments.all(apiId) as {
        deployment_id: string;
        description: string | null;
        created_at: number;
      }[]
    ).map((row) => ({
      deploymentId: row.deployment_id,
      description: row.description ?? undefined,
      createdAt: row.created_at,
    }));
  }

  /** The frozen tree of a deployment (parsed once, then served from memory). */
  deploymentSnapshot(apiId: string, deploymentId: string): DeploymentSnapshot | undefined {
    const key = `${apiId}/${deploymentId}`;
    const cached = this.snapshots.get(key);
    if (cached) return cached;
    const row = this.statements.snapshot.get(apiId, deploymentId) as { snapshot: string } | undefined;
    if (!row) return undefined;
    const snapshot = JSON.parse(row.snapshot) as DeploymentSnapshot;
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  updateDeploymentDescription(apiId: string, deploymentId: string, description: string | undefined): void {
    this.statements.updateDeployment.run(description ?? null, apiId, deploymentId);
  }

  deleteDeployment(apiId: string, deploymentId: string): void {
    this.statements.deleteDeployment.run(apiId, deploymentId);
  }

  // Stages

  insertStage(stage: StageRecord): void {
    this.statements.insertStage.run(
      stage.apiId,
      stage.stageName,
      stage.deploymentId,
      stage.description ?? null,
      JSON.stringify(stage.variables),
      JSON.stringify(stage.tags),
      stage.tracingEnabled ? 1 : 0,
      stage.createdAt,
      stage.updatedAt,
    );
  }

  updateStage(stage: StageRecord): void {
    this.statements.updateStage.run(
      stage.deploymentId,
      stage.description ?? null,
      JSON.stringify(stage.variables),
      JSON.stringify(stage.tags),
      stage.tracingEnabled ? 1 : 0,
      stage.updatedAt,
      stage.apiId,
      stage.stageName,
    );
  }

  setStageTags(apiId: string, stageName: string, tags: Record<string, string>): void {
    this.statements.setStageTags.run(JSON.stringify(tags), apiId, stageName);
  }

  findStage(apiId: string, stageName: string): StageRecord | undefined {
    const key = `stage\n${apiId}\n${stageName}`;
    const cached = this.records.get(key) as StageRecord | undefined;
    if (cached) return cached;
    const row = this.statements.stage.get(apiId, stageName) as StageRow | undefined;
    return row && (this.records.remember(key, toStage(row)) as StageRecord);
  }

  listStages(apiId: string, deploymentId?: string): StageRecord[] {
    const rows =
      deploymentId === undefined
        ? this.statements.stages.all(apiId)
        : this.statements.stagesOfDeployment.all(apiId, deploymentId);
    return (rows as StageRow[]).map(toStage);
  }

  deleteStage(apiId: string, stageName: string): void {
    this.statements.deleteStage.run(apiId, stageName);
  }

  // Gateway responses

  /** The gateway responses set on the API, by type. */
  gatewayResponses(apiId: string): Record<string, StoredGatewayResponse> {
    const rows = this.statements.gatewayResponses.all(apiId) as { response_type: string; document: string }[];
    return Object.fromEntries(
      rows.map((row) => [row.response_type, JSON.parse(row.document) as StoredGatewayResponse]),
    );
  }

  putGatewayResponse(apiId: string, responseType: string, response: StoredGatewayResponse): void {
    this.statements.putGatewayResponse.run(apiId, responseType, JSON.stringify(response));
  }

  /** Whether there was one to delete. */
  deleteGatewayResponse(apiId: string, responseType: string): boolean {
    return this.statements.deleteGatewayResponse.run(apiId, responseType).changes > 0;
  }
}
