import type { Policy } from '@aws-sdk/client-iam';
import { partitionOf } from '../../partition.js';
import { awsManagedAccount, awsManagedPolicies, awsManagedPolicyArn } from '../../store/aws-managed-policies.js';
import type { IamStore, PolicyRecord, PolicyVersionRecord } from '../../store/iam-store.js';
import type { CallContext } from '../service-definition.js';
import { iamErrors } from './errors.js';

/** What the policy checks read of the store. */
type PolicyReader = Pick<IamStore, 'findPolicy' | 'findPolicyVersion'>;

/** Customer managed policies per account: the documented default quota [unverified: the message's quota name]. */
export const maxPoliciesPerAccount = 1500;

/** Versions a managed policy can have (not adjustable). */
export const maxPolicyVersions = 5;

export function policyArn(accountId: string, path: string, policyName: string, region: string): string {
  return `arn:${partitionOf(region)}:iam::${accountId}:policy${path}${policyName}`;
}

/** `arn:<partition>:iam::<account or aws>:policy<path><name>`, with the model's path and name characters. */
const policyArnPattern = /^arn:aws[a-z-]*:iam::(\d{12}|aws):policy((?:\/[A-Za-z0-9.,+@=_-]+)*\/)([\w+=,.@-]+)$/;

/**
 * The ARN's account. Text that is no ARN at all is "Invalid ARN:  Could not be parsed!" (recorded, two spaces
 * included: test_role_attach_policy); an ARN that names no policy "ARN x is not valid." [unverified].
 */
export function policyArnAccount(arn: string): string {
  const match = policyArnPattern.exec(arn);
  if (!match && (!arn.startsWith('arn:') || arn.split(':').length < 6)) throw iamErrors.unparsableArn();
  if (!match) throw iamErrors.invalidPolicyArn(arn);
  return match[1] as string;
}

/** Said after an `arn:aws:iam::aws:policy/…` that idpool's catalog does not have, so the gap is never silent. */
function catalogHint(arn: string): string {
  if (policyArnAccount(arn) !== awsManagedAccount) return '';
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const samePolicyElsewhere = awsManagedPolicies.find((policy) => policy.name === name);
  if (samePolicyElsewhere) return ` It is ${awsManagedPolicyArn(samePolicyElsewhere)}: the path is part of the ARN.`;
  const names = awsManagedPolicies.map((policy) => policy.name).join(', ');
  return (
    ` idpool's catalog of AWS managed policies does not have it (it has ${names}); ` +
    'create a customer managed policy with its document instead.'
  );
}

export type PolicyNotFoundWording = 'not-found' | 'not-attachable';

/** The policy if the caller can see it: its own account's, or an AWS managed one. */
function findVisiblePolicy(iam: PolicyReader, accountId: string, arn: string): PolicyRecord | undefined {
  const account = policyArnAccount(arn);
  return account === accountId || account === awsManagedAccount ? iam.findPolicy(arn) : undefined;
}

/** A policy the caller can see, or NoSuchEntity in the operation's wording. */
export function requirePolicy(
  iam: PolicyReader,
  accountId: string,
  arn: string,
  wording: PolicyNotFoundWording,
): PolicyRecord {
  const policy = findVisiblePolicy(iam, accountId, arn);
  if (policy) return policy;
  const hint = catalogHint(arn);
  throw wording === 'not-found' ? iamErrors.policyNotFound(arn, hint) : iamErrors.policyNotAttachable(arn, hint);
}

/**
 * A version of a policy the caller can see, or NoSuchEntity as GetPolicyVersion, DeletePolicyVersion and
 * SetDefaultPolicyVersion answer both a missing policy and a missing version.
 */
export function requirePolicyVersion(
  iam: PolicyReader,
  accountId: string,
  arn: string,
  versionId: string,
): { policy: PolicyRecord; version: PolicyVersionRecord } {
  const policy = findVisiblePolicy(iam, accountId, arn);
  const version = policy && iam.findPolicyVersion(arn, versionId);
  if (policy && version) return { policy, version };
  const hint = !policy
    ? catalogHint(arn)
    : policy.accountId === awsManagedAccount
      ? ` idpool keeps only the default version (${policy.defaultVersionId}) of AWS managed policies.`
      : '';
  throw iamErrors.policyVersionNotFound(arn, versionId, hint);
}

/** Creating, deleting or switching versions of an AWS managed policy is refused. */
export function refuseAwsManaged(context: CallContext, policy: PolicyRecord, action: string): void {
  if (policy.accountId !== awsManagedAccount) return;
  const callerArn = context.caller?.arn ?? `arn:aws:iam::${context.accountId}:root`;
  throw iamErrors.awsManagedPolicyReadOnly(callerArn, action, policy.arn);
}

/**
 * A managed policy as each operation answers it, as recorded from AWS: CreatePolicy has Tags only when given and
 * no Description; GetPolicy has Description and always Tags; ListPolicies neither. Permission boundaries are
 * not emulated, so PermissionsBoundaryUsageCount is 0.
 */
export function policyView(policy: PolicyRecord, attachmentCount: number, view: 'create' | 'get' | 'list'): Policy {
  const common: Policy = {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: new Date(policy.createdAt),
    UpdateDate: new Date(policy.updatedAt),
  };
  if (view === 'list') return common;
  if (view === 'create') return policy.tags.length > 0 ? { ...common, Tags: policy.tags } : common;
  return { ...common, Description: policy.description, Tags: policy.tags };
}
