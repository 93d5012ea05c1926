// The page's own script, bundled by esbuild as an app would bundle it: the seed's client half in a browser.
import { cognitoCredentials, signedFetch, type IdentityLogin } from 'idpool/client';

interface Call {
  url: string;
  endpoint: string;
  region: string;
  /** Sign with a wrong secret key (the signature API Gateway then refuses). */
  badSignature?: boolean;
}

/** Logs in through the page's own backend (`/login`), gets credentials cross-origin, and makes the signed call. */
async function call({
  url,
  endpoint,
  region,
  badSignature,
}: Call): Promise<{ status: number; body: string } | { error: string }> {
  const credentials = cognitoCredentials({
    region,
    endpoint,
    login: async () => (await (await fetch('/login', { method: 'POST' })).json()) as IdentityLogin,
  });
  const signing = badSignature
    ? async () => ({ ...(await credentials()), secretAccessKey: 'not-the-secret' })
    : credentials;
  try {
    const response = await signedFetch(url, { method: 'GET' }, signing, { region });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: String(error) };
  }
}

(globalThis as unknown as { idpoolCall: typeof call }).idpoolCall = call;
