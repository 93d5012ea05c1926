/**
 * idpool's library entry. The client side of the developer-authenticated flow (what an app calls):
 * getDeveloperToken (backend), getCredentialsForIdentity (client) and signedFetch (SigV4 with aws4, Node's fetch).
 * And the toolkit: run the contracts on targets from code, and render their reports.
 */
export * from './flow-client/index.js';
export { runContracts, type RunOptions } from './runner/run-all.js';
export { runTarget, type RunTargetOptions } from './runner/run-target.js';
export { openScenario, startTarget, type Scenario } from './runner/scenario.js';
export type { ContractResult, RunEvent, RunReport, TargetRun, Verdict } from './runner/results.js';
export { embeddedTarget, type EmbeddedTargetOptions } from './targets/embedded.js';
export { endpointTarget, type EndpointTargetOptions } from './targets/endpoint.js';
export { localstackTarget, defaultLocalstackImage, type LocalstackTargetOptions } from './targets/localstack.js';
export { awsTarget, type AwsTargetOptions } from './targets/aws.js';
export { TargetUnavailable, type Target, type TargetSession, type ExecuteApiUrlStyle } from './targets/target.js';
export { provisionStack } from './stack/provision.js';
export { readStackFile, stackFileSchema, type StackFile } from './stack/stack-file.js';
export { renderJson } from './reporters/json.js';
export { renderJunit } from './reporters/junit.js';
export { renderMarkdown } from './reporters/markdown.js';
export {
  snapshotOf,
  compareWithSnapshot,
  readSnapshot,
  writeSnapshot,
  type SnapshotFile,
} from './snapshots/snapshot-file.js';
export { Normalizer, normalizeOutcomes } from './snapshots/normalize.js';
export { exitCodes } from './cli/exit-codes.js';
