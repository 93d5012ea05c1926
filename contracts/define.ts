import { NotRun } from './not-run.js';
import type { Outcome } from './outcome.js';
import type { Contract, ContractContext } from './types.js';

/** Identity, for type inference and one place to find every contract definition. */
export function defineContract(contract: Contract): Contract {
  return contract;
}

/** The recorded outcome of a provisioning call; not run when this run did not provision (a `--stack` file). */
export function recorded(ctx: ContractContext, call: string): Promise<Outcome> {
  if (!ctx.provisioning)
    throw new NotRun(
      'the stack was given (--stack), not created by this run, so there is no creation response to check',
    );
  const outcome = ctx.provisioning[call];
  if (!outcome) throw new NotRun(`provisioning did not reach ${call} (an earlier provisioning call failed)`);
  return Promise.resolve(outcome);
}

/** An identity pool id of the target's region that no pool has. */
export function unknownPoolId(ctx: ContractContext): string {
  return `${ctx.target.region}:00000000-0000-0000-0000-000000000000`;
}

export const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const regionPattern = '[a-z]{2}(?:-[a-z]+)+-\\d+';

/**
 * Cognito Identity answers NotAuthorizedException and ResourceNotFoundException with HTTP 400, as captured real
 * responses show ("Status Code: 400; Error Code: NotAuthorizedException", aws-amplify/aws-sdk-android#408 and
 * mybigday/react-native-s3#30; "Status Code: 400; Error Code: ResourceNotFoundException",
 * aws-amplify/aws-sdk-android-samples#163), not the 403/404 of the Smithy model.
 */
export const cognitoErrorStatus = {
  ref: 'https://github.com/aws-amplify/aws-sdk-android/issues/408; https://github.com/mybigday/react-native-s3/issues/30; https://github.com/aws-amplify/aws-sdk-android-samples/issues/163',
  note:
    'Captured real Cognito Identity errors: "Status Code: 400; Error Code: NotAuthorizedException" and "Status ' +
    'Code: 400; Error Code: ResourceNotFoundException" (the Smithy model says 403 and 404).',
};
