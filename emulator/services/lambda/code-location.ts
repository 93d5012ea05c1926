import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Endpoint } from '../../endpoint.js';
import type { WireResponse } from '../../protocols/wire.js';
import type { LambdaStore } from '../../store/lambda-store.js';

const codePath = '/_idpool/lambda-code/';
/** GetFunction's Code.Location is a presigned URL valid for 10 minutes. */
const validitySeconds = 600;

/** What GetFunction needs for its Code.Location: a URL where the package can be downloaded. */
export interface CodeLocations {
  location(codeSha256: string): string;
}

/** What the links need of the emulator: its URL once it listens, its clock and the stored packages. */
interface CodeLinkHost {
  readonly url: string;
  readonly clock: Clock;
  readonly lambdaStore: Pick<LambdaStore, 'code'>;
}

function s3Error(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

/** URLs on the emulator where deployment packages can be downloaded, signed and expiring like S3's. */
export class LambdaCodeLinks implements CodeLocations {
  private readonly key = randomBytes(32);

  constructor(private readonly host: CodeLinkHost) {}

  location(codeSha256: string): string {
    const hexSha = Buffer.from(codeSha256, 'base64').toString('hex');
    const expires = this.host.clock.nowSeconds() + validitySeconds;
    const query = `X-Amz-Expires=${validitySeconds}&Expires=${expires}&Signature=${this.signature(hexSha, expires)}`;
    return `${this.host.url}${codePath}${hexSha}?${query}`;
  }

  /** Serves the URLs `location` hands out (GET only), answering failures as S3 answers a presigned URL. */
  endpoint(): Endpoint {
    return {
      name: 'lambda-code',
      claims: (request) => request.path.startsWith(codePath),
      serve: async (request) => {
        const hexSha = request.path.slice(codePath.length);
        const query = new URLSearchParams(request.query);
        const expires = Number(query.get('Expires'));
        const given = Buffer.from(query.get('Signature') ?? '', 'hex');
        const expected = Buffer.from(this.signature(hexSha, expires), 'hex');
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
        }
        if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) {
          const message = 'The request signature we calculated does not match the signature you provided.';
          return s3Error(403, 'SignatureDoesNotMatch', message);
        }
        if (this.host.clock.nowSeconds() > expires) return s3Error(403, 'AccessDenied', 'Request has expired');
        const zip = this.host.lambdaStore.code(Buffer.from(hexSha, 'hex').toString('base64'));
        if (!zip) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
        return { status: 200, headers: { 'content-type': 'application/zip' }, body: zip };
      },
    };
  }

  private signature(hexSha: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${hexSha}\n${expires}`).digest('hex');
  }
}

/** The endpoint of the emulator's code links (server.ts lists it among the endpoints). */
export function lambdaCodeEndpoint(runtime: { lambdaCode: LambdaCodeLinks }): Endpoint {
  return runtime.lambdaCode.endpoint();
}
