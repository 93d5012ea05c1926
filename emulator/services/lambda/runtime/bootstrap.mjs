// idpool's stand-in for Lambda's Node.js runtime inside one execution environment. Plain JavaScript on purpose:
// function-worker.ts starts this file as it is, from the sources (vitest) and from dist/ alike.
//
// It loads the handler named by _HANDLER from LAMBDA_TASK_ROOT the way Lambda's runtime does (extensionless and
// .js files through require unless package.json says "type": "module", then .mjs through import, then .cjs), then
// runs one invocation at a time as the emulator sends them over fd 3, in the frames of worker-channel.ts
// ([u32 header length][u32 body length][header JSON][body]):
//   emulator → worker  {t: 'invoke', id, deadline, arn, traceId, clientContext?} + the event as body
//   worker → emulator  {t: 'ready'} | {t: 'init-error', error} | {t: 'done', id, ok, rss, tooLarge?} + the result |
//                      {t: 'fatal', error}   (every header carries `out`/`err`: bytes written so far to stdout/stderr)
// The byte counts let the emulator wait for the output an invocation wrote before it reports the result.
// The worker leads its own process group: when the emulator's end of fd 3 goes, it kills the whole group.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, types } from 'node:util';

const bootstrapPath = fileURLToPath(import.meta.url);
const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const handlerSetting = process.env._HANDLER ?? '';
const requireFromTask = createRequire(path.join(taskRoot, 'noop.js'));

const written = { out: 0, err: 0 };
countWrites(process.stdout, 'out');
countWrites(process.stderr, 'err');

function countWrites(stream, key) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, encoding, callback) => {
    written[key] +=
      typeof chunk === 'string'
        ? Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : chunk.byteLength;
    return write(chunk, encoding, callback);
  };
}

// Lambda's limit on a synchronous response (the emulator refuses larger frames outright).
const maxResponseBytes = 6_291_556;
// Error payloads travel in the frame header, which the emulator bounds to 1 MB.
const maxErrorChars = 256 * 1024;

const channel = new Socket({ fd: 3, readable: true, writable: true });

function killGroup() {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } finally {
    process.exit(0);
  }
}
channel.on('error', killGroup);
channel.on('close', killGroup);

function send(message, body, then) {
  const header = Buffer.from(JSON.stringify({ ...message, out: written.out, err: written.err }), 'utf8');
  const bodyBytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body, 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32BE(header.byteLength, 0);
  prefix.writeUInt32BE(bodyBytes.byteLength, 4);
  channel.write(Buffer.concat([prefix, header, bodyBytes]), then);
}

function onFrames(handle) {
  let pending = Buffer.alloc(0);
  channel.on('data', (chunk) => {
    pending = pending.byteLength === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.byteLength >= 8) {
      const headerLength = pending.readUInt32BE(0);
      const total = 8 + headerLength + pending.readUInt32BE(4);
      if (pending.byteLength < total) break;
      const header = JSON.parse(pending.subarray(8, 8 + headerLength).toString('utf8'));
      const body = pending.subarray(8 + headerLength, total).toString('utf8');
      pending = pending.subarray(total);
      handle(header, body);
    }
  });
}

// Lambda's text log format: `<ISO time>\t<request id>\t<LEVEL>\t<message>`; the id reads `undefined` during init.
let currentRequestId;
const consoleLevels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(consoleLevels)) {
  console[method] = (...args) => {
    process.stdout.write(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${format(...args)}\n`);
  };
}

function bounded(text) {
  const value = String(text);
  return value.length > maxErrorChars ? value.slice(0, maxErrorChars) : value;
}

// [unverified] how Lambda shortens a huge error message; idpool keeps the first 256 K characters.
function errorPayload(error) {
  if (types.isNativeError(error) || error instanceof Error) {
    const trace = typeof error.stack === 'string' ? bounded(error.stack).split('\n').slice(0, 100) : [];
    return { errorType: bounded(error.name).slice(0, 1024), errorMessage: bounded(error.message), trace };
  }
  return { errorType: typeof error, errorMessage: bounded(error), trace: [] };
}

function logError(title, payload, extra = {}) {
  const fields = { errorType: payload.errorType, errorMessage: payload.errorMessage, ...extra, stack: payload.trace };
  console.error(`${title} \t${JSON.stringify(fields)}`);
}

function runtimeError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

// ---- loading the handler ----

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function packageTypeIsModule(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

function loadError(error) {
  if (error instanceof SyntaxError) return runtimeError('Runtime.UserCodeSyntaxError', String(error));
  const code = error?.code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_REQUIRE_ESM')
    return runtimeError('Runtime.ImportModuleError', String(error));
  return error;
}

function requireFile(file) {
  try {
    return requireFromTask(file);
  } catch (error) {
    throw loadError(error);
  }
}

async function importFile(file) {
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    throw loadError(error);
  }
}

async function loadModule(basePath, moduleName) {
  if (isFile(basePath)) return requireFile(basePath);
  const typeModule = packageTypeIsModule(basePath);
  if (isFile(`${basePath}.js`)) return typeModule ? importFile(`${basePath}.js`) : requireFile(`${basePath}.js`);
  if (isFile(`${basePath}.mjs`)) return importFile(`${basePath}.mjs`);
  if (isFile(`${basePath}.cjs`)) return requireFile(`${basePath}.cjs`);
  let resolved;
  try {
    resolved = requireFromTask.resolve(moduleName, { paths: [taskRoot, path.dirname(basePath)] });
  } catch {
    throw runtimeError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${bootstrapPath}`,
    );
  }
  return resolved.endsWith('.mjs') ? importFile(resolved) : requireFile(resolved);
}

async function loadHandler() {
  const baseName = path.basename(handlerSetting);
  const moduleRoot = handlerSetting.slice(0, handlerSetting.length - baseName.length);
  const dot = baseName.indexOf('.');
  if (dot <= 0 || dot === baseName.length - 1) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
  const moduleName = baseName.slice(0, dot);
  const app = await loadModule(path.resolve(taskRoot, moduleRoot, moduleName), moduleName);
  let handler = app;
  for (const key of baseName.slice(dot + 1).split('.')) handler = handler?.[key];
  if (handler === undefined || handler === null)
    throw runtimeError('Runtime.HandlerNotFound', `${handlerSetting} is undefined or not exported`);
  if (typeof handler !== 'function')
    throw runtimeError('Runtime.HandlerNotFound', `${handlerSetting} is not a function`);
  return handler;
}

// ---- invocations ----

let invocation; // the one in progress: {id, settled}

function whenEventLoopEmpty(then) {
  channel.unref();
  process.once('beforeExit', () => {
    channel.ref();
    then();
  });
}

function serializeResult(result) {
  try {
    return { ok: true, body: JSON.stringify(result === undefined ? null : result) ?? 'null' };
  } catch (error) {
    // [unverified] the type and wording of Lambda's answer to an unserializable result
    const payload = {
      errorType: 'Runtime.MarshalError',
      errorMessage: `Unable to stringify response body: ${error?.message ?? error}`,
      trace: [],
    };
    logError('Invoke Error', payload);
    return { ok: false, body: JSON.stringify(payload) };
  }
}

function run(handler, message, event) {
  const current = { id: message.id, settled: false };
  invocation = current;
  currentRequestId = message.id;
  process.env._X_AMZN_TRACE_ID = message.traceId;

  const respond = (response) => {
    const tooLarge = Buffer.byteLength(response.body, 'utf8') > maxResponseBytes;
    const header = { t: 'done', id: current.id, ok: response.ok, rss: process.memoryUsage.rss(), tooLarge };
    send(header, tooLarge ? undefined : response.body);
  };
  const complete = (error, result, viaCallback) => {
    if (current.settled) {
      console.warn('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
      return;
    }
    current.settled = true;
    let response;
    if (error !== undefined && error !== null) {
      const payload = errorPayload(error);
      logError('Invoke Error', payload);
      response = { ok: false, body: JSON.stringify(payload) };
    } else {
      response = serializeResult(result);
    }
    if (viaCallback && context.callbackWaitsForEmptyEventLoop) whenEventLoopEmpty(() => respond(response));
    else respond(response);
  };
  const callback = (error, result) => complete(error, result, true);
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: message.arn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: message.id,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: message.clientContext,
    identity: undefined,
    getRemainingTimeInMillis: () => Math.max(0, message.deadline - Date.now()),
    done: callback,
    succeed: (result) => callback(null, result),
    fail: (error) => callback(error ?? 'handled'),
  };

  let returned;
  try {
    returned = handler(JSON.parse(event), context, callback);
  } catch (error) {
    complete(error, undefined, false);
    return;
  }
  if (returned && typeof returned.then === 'function') {
    returned.then(
      (result) => complete(null, result, false),
      (error) => complete(error ?? 'handled', undefined, false),
    );
  } else if (!current.settled) {
    // A handler that neither returns a promise nor calls back yet: the invocation ends, with `null`, once the
    // event loop is empty, unless its callback comes first.
    whenEventLoopEmpty(() => {
      if (!current.settled) complete(null, undefined, false);
    });
  }
}

function fatal(kind, reason) {
  let payload;
  if (kind === 'Unhandled Promise Rejection') {
    const error = runtimeError('Runtime.UnhandledPromiseRejection', String(reason));
    payload = { ...errorPayload(error), reason: errorPayload(reason), promise: {} };
    logError(kind, payload, { reason: payload.reason, promise: {} });
  } else {
    payload = errorPayload(reason);
    logError(kind, payload);
  }
  const exitCode = kind === 'Unhandled Promise Rejection' ? 128 : 129;
  const active = invocation && !invocation.settled ? invocation.id : undefined;
  if (invocation) invocation.settled = true;
  send({ t: 'fatal', id: active, error: payload }, undefined, () => process.exit(exitCode));
}

process.on('uncaughtException', (error) => fatal('Uncaught Exception', error));
process.on('unhandledRejection', (reason) => fatal('Unhandled Promise Rejection', reason));

try {
  const handler = await loadHandler();
  onFrames((message, event) => {
    if (message?.t === 'invoke') run(handler, message, event);
  });
  send({ t: 'ready' });
} catch (error) {
  const payload = errorPayload(error);
  logError('Uncaught Exception', payload);
  send({ t: 'init-error', error: payload }, undefined, () => process.exit(1));
}
