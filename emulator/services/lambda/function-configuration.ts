import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { FunctionVersionRecord } from '../../store/lambda-store.js';
import { functionArn } from './function-names.js';

/** Lambda's timestamp format: `2026-11-26T12:00:00.000+0000`. */
export function lambdaTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export function defaultLogGroup(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** `$LATEST` or a published version as GetFunctionConfiguration describes it. */
export function functionConfiguration(record: FunctionVersionRecord): FunctionConfiguration {
  const { settings } = record;
  return {
    FunctionName: record.name,
    FunctionArn: functionArn(record, record.version === '$LATEST' ? undefined : record.version),
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
    RevisionId: record.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: settings.architectures as FunctionConfiguration['Architectures'],
    EphemeralStorage: { Size: settings.ephemeralStorageSize },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: settings.logGroup ?? defaultLogGroup(record.name) },
  };
}
