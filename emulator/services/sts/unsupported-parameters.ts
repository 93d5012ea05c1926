import { UnsupportedFeatureException } from '../../errors.js';

/** Refuses AssumeRole* parameters idpool does not emulate (session policies, MFA, source identity, …) by name. */
export function refuseUnsupportedParameters(input: object, names: readonly string[]): void {
  for (const name of names) {
    const value = (input as Record<string, unknown>)[name];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      throw new UnsupportedFeatureException(
        `the STS parameter ${name} (session policies, MFA, source identity and provided contexts are not emulated).`,
      );
    }
  }
}
