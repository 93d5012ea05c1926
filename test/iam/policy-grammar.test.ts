import { readFileSync } from 'node:fs';
import { CreatePolicyCommand, DeletePolicyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';

/**
 * IAM's policy grammar against the cases moto's author checked on AWS (test/fixtures/iam/moto-policy-validation.json,
 * from getmoto/moto tests/test_iam/test_iam_policies.py): what AWS refuses is refused with AWS's first error, what
 * AWS accepts is accepted.
 */
interface Fixture {
  invalid: { document: unknown; error: string }[];
  valid: unknown[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/iam/moto-policy-validation.json', import.meta.url), 'utf8'),
) as Fixture;

describe('IAM policy grammar as AWS answers it', () => {
  const ctx = useEmulator();

  it("refuses each document AWS refuses, with AWS's message", async () => {
    const wrong: string[] = [];
    for (const [index, { document, error }] of fixture.invalid.entries()) {
      try {
        await ctx.clients.iam.send(
          new CreatePolicyCommand({ PolicyName: `invalid-${index}`, PolicyDocument: JSON.stringify(document) }),
        );
        wrong.push(`#${index} accepted; AWS: ${error}`);
      } catch (caught) {
        const { name, message, $metadata } = caught as {
          name: string;
          message: string;
          $metadata: { httpStatusCode?: number };
        };
        if (name !== 'MalformedPolicyDocumentException' || $metadata.httpStatusCode !== 400 || message !== error) {
          wrong.push(`#${index} ${name} ${$metadata.httpStatusCode}: ${message}; AWS: ${error}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(fixture.invalid.length).toBeGreaterThan(70);
  });

  it('accepts each document AWS accepts', async () => {
    const refused: string[] = [];
    for (const [index, document] of fixture.valid.entries()) {
      try {
        const created = await ctx.clients.iam.send(
          new CreatePolicyCommand({ PolicyName: `valid-${index}`, PolicyDocument: JSON.stringify(document) }),
        );
        await ctx.clients.iam.send(new DeletePolicyCommand({ PolicyArn: created.Policy?.Arn }));
      } catch (caught) {
        refused.push(`#${index} ${(caught as Error).message}: ${JSON.stringify(document).slice(0, 160)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(fixture.valid.length).toBeGreaterThan(40);
  });
});
