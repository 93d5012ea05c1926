/** Names the stack and the contracts agree on (src/stack creates them; contracts check them). */
export const stackConventions = {
  /** Tag key on everything a run creates; its value is the run id. */
  runTag: 'idpool:run',
  /** Prefix of every resource name a run creates (`idpool-<run id>-…`), for cleanup where tags are not listed. */
  namePrefix: 'idpool-',
  stage: 'dev',
  helloPath: '/hello',
  deniedPath: '/private',
  /** The lambda:AddPermission statement letting API Gateway invoke the function. */
  invokeStatementId: 'idpool-apigateway-invoke',
  /** Headers the CORS preflight allows (the console's default list). */
  corsAllowHeaders: 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
  corsAllowMethods: 'GET,OPTIONS',
  runtime: 'nodejs20.x',
  handler: 'index.handler',
} as const;
