import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Endpoint } from '../../endpoint.js';
import type { WireResponse } from '../../protocols/wire.js';
import type { EmulatorRuntime } from '../../runtime.js';

const codePath = '/_idpool/lambda-code/';
/** GetFunction's Code.Location is a presigned URL valid for 10 minutes. */
const validitySeconds = 600;
const signingKey = new WeakMap<EmulatorRuntime, Buffer>();

function keyOf(runtime: EmulatorRuntime): Buffer {
  let key = signingKey.get(runtime);
  if (!key) signingKey.set(runtime, (key = randomBytes(32)));
  return key;
}

function signature(runtime: EmulatorRuntime, hexSha: string, expires: number): string {
  return createHmac('sha256', keyOf(runtime)).update(`${hexSha}\n${expires}`).digest('hex');
}

/** A URL on the emulator where the deployment package can be downloaded, signed and expiring like S3's. */
export function codeLocation(runtime: EmulatorRuntime, codeSha256: string): string {
  const hexSha = Buffer.from(codeSha256, 'base64').toString('hex');
  const expires = runtime.clock.nowSeconds() + validitySeconds;
  return `${runtime.url}${codePath}${hexSha}?X-Amz-Expires=${validitySeconds}&Expires=${expires}&Signature=${signature(runtime, hexSha, expires)}`;
}

function s3Error(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

/** Serves the URLs `codeLocation` hands out (GET only), answering failures as S3 answers a presigned URL. */
export function lambdaCodeEndpoint(runtime: EmulatorRuntime): Endpoint {
  return {
    name: 'lambda-code',
    claims: (request) => request.path.startsWith(codePath),
    serve: async (request) => {
      const hexSha = request.path.slice(codePath.length);
      const query = new URLSearchParams(request.query);
      const expires = Number(query.get('Expires'));
      const given = Buffer.from(query.get('Signature') ?? '', 'hex');
      const expected = Buffer.from(signature(runtime, hexSha, expires), 'hex');
      if (request.method !== 'GET' && request.method !== 'HEAD') return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
      if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) {
        return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      }
      if (runtime.clock.nowSeconds() > expires) return s3Error(403, 'AccessDenied', 'Request has expired');
      const zip = runtime.lambdaStore.code(Buffer.from(hexSha, 'hex').toString('base64'));
      if (!zip) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 200, headers: { 'content-type': 'application/zip' }, body: zip };
    },
  };
}
