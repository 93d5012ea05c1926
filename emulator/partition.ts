/**
 * The ARN partition of a region, as AWS names them: `aws-cn` for China (cn-north-1, cn-northwest-1), `aws-us-gov`
 * for GovCloud (us-gov-west-1, us-gov-east-1), `aws-iso`/`aws-iso-b`/`aws-iso-e`/`aws-iso-f` for the isolated
 * regions, `aws-eusc` for the European Sovereign Cloud, `aws` elsewhere (AWS General Reference, "Amazon Resource
 * Names", and botocore's endpoints.json partitions).
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}
