import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { stackConventions } from '../../contracts/stack-conventions.js';
import type { StackDescription } from '../../contracts/types.js';

/**
 * `--stack FILE`: an existing stack to check instead of provisioning one ("does my account behave like the
 * contracts say?"). Only what the file names is checked; contracts needing other parts are reported not run.
 */
export const stackFileSchema = z.strictObject({
  region: z.string(),
  identityPoolId: z.string(),
  developerProviderName: z.string(),
  /** `https://<api-id>.execute-api.<region>.amazonaws.com/<stage>` */
  apiUrl: z.url().optional(),
  authenticatedRoleArn: z.string().optional(),
  functionName: z.string().optional(),
  functionArn: z.string().optional(),
  identityPoolName: z.string().optional(),
  helloPath: z.string().startsWith('/').optional(),
  deniedPath: z.string().startsWith('/').optional(),
});

export type StackFile = z.infer<typeof stackFileSchema>;

export function readStackFile(path: string): Partial<StackDescription> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--stack ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = stackFileSchema.safeParse(parsed);
  if (!result.success)
    throw new Error(
      `--stack ${path}: ` +
        `${result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`,
    );
  return stackFromFile(result.data);
}

function stackFromFile(file: StackFile): Partial<StackDescription> {
  const stack: Partial<StackDescription> = { ...file, helloPath: file.helloPath ?? stackConventions.helloPath };
  if (file.authenticatedRoleArn) stack.authenticatedRoleName = file.authenticatedRoleArn.split('/').pop();
  const api = file.apiUrl ? /^https?:\/\/([a-z0-9]+)\.execute-api\.[^/]+\/([^/]+)/.exec(file.apiUrl) : null;
  if (api) Object.assign(stack, { restApiId: api[1], stage: api[2], apiUrl: file.apiUrl?.replace(/\/$/, '') });
  if (!file.deniedPath) delete stack.deniedPath;
  return stack;
}
