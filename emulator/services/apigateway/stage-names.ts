import { apiGatewayErrors } from './errors.js';

const stageName = /^[a-zA-Z0-9_-]{1,128}$/;

export function checkStageName(name: string): void {
  if (!stageName.test(name)) throw apiGatewayErrors.invalidStageName();
}
