import { createHash } from 'node:crypto';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { partitionOf } from '../../partition.js';
import type { FunctionVersionRecord } from '../../store/lambda-store.js';
import { functionArn } from './function-names.js';
import { currentRevision, stateFields, transitionAt } from './function-states.js';

/** Lambda's timestamp format: `2026-11-26T12:00:00.000+0000`. */
function lambdaTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export function defaultLogGroup(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * The runtime version a function runs, as Lambda names it: `arn:aws:lambda:<region>::runtime:<64 hex digits>`.
 * idpool has one version per runtime name, so the id is derived from the name.
 */
function runtimeVersionArn(region: string, runtime: string): string {
  return `arn:${partitionOf(region)}:lambda:${region}::runtime:${createHash('sha256').update(runtime).digest('hex')}`;
}

export interface ConfigurationView {
  nowMs: number;
  /** The answer of the call that began the record's transition: it shows the transition even when it lasts 0 ms. */
  fresh?: boolean;
  /** ListFunctions / ListVersionsByFunction entries: no state members nor RuntimeVersionConfig (as recorded). */
  listed?: boolean;
  /**
   * How FunctionArn is qualified: by default a version by its number and `$LATEST` not at all; `qualified` when the
   * caller named `$LATEST` and in lists of versions; `unqualified` for CreateFunction with Publish (recorded:
   * test_publish_version_on_create answers `Version: "1"` with the function's unqualified ARN).
   */
  arn?: 'default' | 'qualified' | 'unqualified';
}

function arnOf(record: FunctionVersionRecord, view: ConfigurationView): string {
  const style = view.arn ?? 'default';
  if (style === 'unqualified') return functionArn(record);
  if (record.version === '$LATEST' && style === 'default') return functionArn(record);
  return functionArn(record, record.version);
}

/** `$LATEST` or a published version as GetFunctionConfiguration describes it. */
export function functionConfiguration(record: FunctionVersionRecord, view: ConfigurationView): FunctionConfiguration {
  const { settings } = record;
  const transition = view.fresh ? record.transition : transitionAt(record, view.nowMs);
  const configuration: FunctionConfiguration = {
    FunctionName: record.name,
    FunctionArn: arnOf(record, view),
    Runtime: settings.runtime as FunctionConfiguration['Runtime'],
    Role: settings.role,
    Handler: settings.handler,
    CodeSize: record.codeSize,
    Description: settings.description,
    Timeout: settings.timeout,
    MemorySize: settings.memorySize,
    LastModified: lambdaTimestamp(record.lastModified),
    CodeSha256: record.codeSha256,
    Version: record.version,
    Environment: settings.environment ? { Variables: settings.environment } : undefined,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: transition?.revisionId ?? (view.fresh ? record.revisionId : currentRevision(record, view.nowMs)),
    PackageType: 'Zip',
    Architectures: settings.architectures as FunctionConfiguration['Architectures'],
    EphemeralStorage: { Size: settings.ephemeralStorageSize },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: settings.logGroup ?? defaultLogGroup(record.name) },
  };
  if (view.listed) return configuration;
  return {
    ...configuration,
    ...stateFields(transition),
    RuntimeVersionConfig: { RuntimeVersionArn: runtimeVersionArn(record.region, settings.runtime) },
  };
}
