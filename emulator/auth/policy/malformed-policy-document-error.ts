/**
 * A policy document IAM would refuse. `message` carries AWS's wording; the IAM service maps this error to the
 * `MalformedPolicyDocument` wire error.
 */
export class MalformedPolicyDocumentError extends Error {
  override readonly name = 'MalformedPolicyDocumentError';

  constructor(message: string) {
    super(message);
  }
}

/**
 * AWS's messages, as quoted from real IAM error responses in public bug reports and in moto's validator.
 * Those marked [unverified] have not been seen in a recorded IAM response.
 */
export const MalformedPolicyMessages = {
  syntax: 'Syntax errors in policy.',
  legacyParsing: 'The policy failed legacy parsing',
  versionTooOld: 'Policy document must be version 2012-10-17 or greater.',
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  missingActions: 'Policy statement must contain actions.',
  missingResources: 'Policy statement must contain resources.',
  principalInIdentityPolicy: 'Policy document should not specify a principal.',
  /** Seen from S3's bucket-policy check; IAM's trust-policy wording is [unverified]. */
  missingPrincipal: 'Missing required field Principal',
  resourceInTrustPolicy: 'Has prohibited field Resource',
  actionWithoutVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionWithManyColons: 'Actions/Condition can contain only one colon.',
  invalidVendor: (vendor: string) => `Vendor ${vendor} is not valid`,
  resourceNotArn: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  invalidPrincipal: (type: string, value: string) => `Invalid principal in policy: "${type}":"${value}"`,
} as const;
