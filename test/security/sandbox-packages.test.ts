import { CreateFunctionCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';
import { createLambdaRole, payloadOf, waitActive } from '../support/lambda-functions.js';
import { healthWhile, serveIsolated } from './sandbox-support.js';
import { boundUnderLoad } from '../support/timing.js';

/** A Unix symbolic link entry for fflate: the target as data, mode 0120777 in the external attributes. */
function link(target: string): [Uint8Array, { os: number; attrs: number }] {
  return [strToU8(target), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
}

const handler = `export const handler = async () => {
  const { readFileSync } = await import('node:fs');
  return { cwd: process.cwd(), viaLink: readFileSync('lib/value.txt', 'utf8') };
};`;

/** Creates the function and waits until it is Active, as a client must on Lambda. */
async function createFunction(lambda: LambdaClient, role: string, name: string, zip: Uint8Array) {
  const created = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: zip },
      Timeout: 30,
    }),
    { abortSignal: AbortSignal.timeout(20_000) },
  );
  await waitActive(lambda, name);
  return created;
}

describe('function packages: nothing lands outside the function’s folder', () => {
  const ctx = useEmulator();
  const marker = `idpool-escape-${randomBytes(4).toString('hex')}`;

  afterAll(() => {
    for (const path of [join(tmpdir(), marker), join(tmpdir(), `${marker}-file`)])
      rmSync(path, { recursive: true, force: true });
  });

  it('skips directory, file and link entries that would leave it, and keeps links that stay inside', async () => {
    const deep = '../'.repeat(12);
    const files: Zippable = {
      'index.mjs': strToU8(handler),
      'src/value.txt': strToU8('inside'),
      lib: link('src'),
      [`${deep}tmp/${marker}/`]: new Uint8Array(),
      [`${deep}tmp/${marker}-file`]: strToU8('escaped'),
      [`../${marker}-sibling/`]: new Uint8Array(),
      [`../${marker}-sibling-file`]: strToU8('escaped'),
      'etc-link': link('/etc'),
      'up-link': link('../../..'),
      dot: link('.'),
      'dot/../dot-escape': strToU8('escaped'),
    };
    const role = await createLambdaRole(ctx.clients, 'package-role');
    await createFunction(ctx.clients.lambda, role, 'escaper', zipSync(files));
    const answer = await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'escaper' }));
    expect(answer.FunctionError).toBeUndefined();
    const { cwd, viaLink } = payloadOf(answer) as { cwd: string; viaLink: string };
    expect(viaLink).toBe('inside');
    expect(lstatSync(join(cwd, 'lib')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(tmpdir(), marker))).toBe(false);
    expect(existsSync(join(tmpdir(), `${marker}-file`))).toBe(false);
    expect(existsSync(join(dirname(cwd), `${marker}-sibling`))).toBe(false);
    expect(existsSync(join(dirname(cwd), `${marker}-sibling-file`))).toBe(false);
    expect(existsSync(join(dirname(cwd), 'dot-escape'))).toBe(false);
    for (const name of ['etc-link', 'up-link']) expect(existsSync(join(cwd, name))).toBe(false);
  });
});

describe('function packages that never went through the upload checks', () => {
  const ctx = useEmulator();

  it('answers InvalidZipFileException (502) for a stored package that cannot be extracted', async () => {
    const role = await createLambdaRole(ctx.clients, 'stored-role');
    const created = await createFunction(
      ctx.clients.lambda,
      role,
      'stored',
      zipSync({ 'index.mjs': strToU8(handler) }),
    );
    // As a state import could store it: the package's bytes replaced by something that is no zip.
    ctx.emulator.runtime.db.sql
      .prepare('UPDATE lambda_code SET zip = ? WHERE sha256 = ?')
      .run(Buffer.from('PK, but not a zip'), created.CodeSha256);
    const refused = await awsError(ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'stored' })));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['InvalidZipFileException', 502]);
    expect(refused.message).toMatch(/^Lambda could not unzip the deployment package: /);
  });
});

/**
 * A zip64 archive of one stored entry whose zip64 end of central directory record claims 2^31 entries: 193 bytes
 * that an extractor trusting that count loops over for minutes (main's did, freezing the emulator).
 */
function zip64ClaimingEntries(count: bigint): Buffer {
  const name = Buffer.from('index.mjs');
  const data = Buffer.from('x');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(1, 18);
  local.writeUInt32LE(1, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(0x031e, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(1, 20);
  central.writeUInt32LE(1, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const centralSize = central.length + name.length;
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(count, 24);
  zip64End.writeBigUInt64LE(count, 32);
  zip64End.writeBigUInt64LE(BigInt(centralSize), 40);
  zip64End.writeBigUInt64LE(BigInt(centralOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(centralOffset + centralSize), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // The classic record names the one real entry; an extractor preferring the zip64 record loops over 2^31.
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, zip64End, locator, end]);
}

/** A real zip of one file whose central directory declares `size` unzipped bytes. */
function zipDeclaringSize(size: number): Uint8Array {
  const zip = Buffer.from(zipSync({ 'index.mjs': strToU8('export const handler = async () => 1;') }));
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(size, central + 24);
  return zip;
}

describe('function packages: limits read from the central directory before anything is extracted', () => {
  let server: Awaited<ReturnType<typeof serveIsolated>>;
  let lambda: LambdaClient;
  let role: string;

  beforeAll(async () => {
    server = await serveIsolated();
    const clients = clientsFor({ url: server.url, region: 'us-east-1' });
    lambda = clients.lambda;
    role = await createLambdaRole(clients, 'limits-role');
    await fetch(`${server.url}/_idpool/health`);
  }, 60_000);

  afterAll(() => server?.kill());

  it('refuses a small zip64 claiming 2^31 entries at once, ' +
    'and a package over 250 MB unzipped, as Lambda does', async () => {
    const bomb = zip64ClaimingEntries(2n ** 31n);
    const { maxMs, result } = await healthWhile(server.url, awsError(createFunction(lambda, role, 'claims', bomb)), {
      minMs: 200,
      timeoutMs: 3000,
    });
    expect(maxMs).toBeLessThan(boundUnderLoad(1000));
    expect(result.status).toBe('fulfilled');
    const refused = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof awsError>>>).value;
    expect([refused.name, refused.message, refused.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterValueException',
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
      400,
    ]);
    // Recorded from AWS: localstack test_lambda_api.snapshot.json,
    // TestLambdaSizeLimits::test_oversized_unzipped_lambda.
    const oversized = await awsError(createFunction(lambda, role, 'oversized', zipDeclaringSize(262_144_001)));
    expect([oversized.name, oversized.message, oversized.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterValueException',
      'Unzipped size must be smaller than 262144000 bytes',
      400,
    ]);
  }, 30_000);

  it('extracts 65,535 entries off the event loop: ' +
    'another client polling /_idpool/health waits ~100 ms at most', async () => {
    const files: Zippable = { 'index.mjs': strToU8('export const handler = async () => "many";') };
    for (let index = 1; index < 65_535; index++) files[`d${index % 256}/f${index}.js`] = strToU8('1');
    const zip = zipSync(files, { level: 0 });
    const created = await healthWhile(server.url, createFunction(lambda, role, 'many', zip), { timeoutMs: 10_000 });
    expect(created.result.status).toBe('fulfilled');
    const invoked = await healthWhile(server.url, lambda.send(new InvokeCommand({ FunctionName: 'many' })), {
      timeoutMs: 10_000,
    });
    expect(invoked.result.status).toBe('fulfilled');
    expect(payloadOf((invoked.result as PromiseFulfilledResult<{ Payload?: Uint8Array }>).value)).toBe('many');
    console.log(
      `slowest health answer: ${Math.round(created.maxMs)} ms during CreateFunction, ` +
        `${Math.round(invoked.maxMs)} ms during the first Invoke`,
    );
    // Alone on this 2-core machine the extraction delays health by 70-110 ms (a main-thread extraction: ~9 s); the
    // bounds leave room for the rest of the suite running alongside on a loaded CI machine, and still fail on a
    // main-thread extraction by a wide margin (the speed itself is the bench's to track). The upload's cost is the
    // protocol's (a 9 MB JSON body): bounded too, but not by the extraction.
    expect(created.maxMs).toBeLessThan(boundUnderLoad(2000));
    expect(invoked.maxMs).toBeLessThan(boundUnderLoad(1500));
  }, 120_000);
});
