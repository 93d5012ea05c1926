/** ARN handling shared by Resource matching and the ARN condition operators. */

/** An ARN split into its six colon-separated components; the last (resource) may itself hold colons. */
export type ArnComponents = [partition: string, service: string, region: string, account: string, resource: string];

/** Splits `arn:partition:service:region:account:resource`; undefined when it has fewer than six components. */
export function splitArn(arn: string): ArnComponents | undefined {
  const components: string[] = [];
  let start = 0;
  for (let index = 0; index < 5; index++) {
    const colon = arn.indexOf(':', start);
    if (colon === -1) return undefined;
    components.push(arn.slice(start, colon));
    start = colon + 1;
  }
  if (components[0] !== 'arn') return undefined;
  return [components[1], components[2], components[3], components[4], arn.slice(start)];
}

const ACCOUNT_ID = /^\d{12}$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

/** `arn:<partition>:iam::<account>:root` → the account id. */
export function accountOfRootArn(arn: string): string | undefined {
  const components = splitArn(arn);
  if (!components) return undefined;
  const [, service, region, account, resource] = components;
  return service === 'iam' && region === '' && resource === 'root' && isAccountId(account) ? account : undefined;
}
