import { MalformedPolicyDocumentError, parsePolicyDocument } from '../../auth/policy/index.js';
import { BadRequestException } from './errors.js';

/**
 * Checks an API's resource policy as IAM parses resource policies (Principal and Resource required) and returns
 * the text to keep. API Gateway's wording for a refused policy is [unverified].
 */
export function validatedResourcePolicy(policy: string): string {
  try {
    parsePolicyDocument(policy, 'resource');
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) {
      throw new BadRequestException(`Invalid policy document. Please check the policy syntax and try again. ${error.message}`);
    }
    throw error;
  }
  return policy;
}
