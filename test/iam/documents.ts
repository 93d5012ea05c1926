/** Policy documents the IAM tests put, as JSON text (what clients send). */
export function trustPolicy(service = 'lambda.amazonaws.com'): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    },
    null,
    2,
  );
}

export function allowPolicy(action: string, resource = '*'): string {
  return JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] },
    null,
    2,
  );
}

/** IAM answers documents URL-encoded; this is what a client does with them. */
export function decoded(document: string | undefined): string {
  return decodeURIComponent(document ?? '');
}
