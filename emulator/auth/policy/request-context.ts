import type { ContextValue } from './types.js';

/** A context value as one element of a (possibly multivalued) key. */
export type ContextScalar = string | number | boolean;

/** The request's condition keys, looked up case-insensitively as AWS does. */
export class RequestContext {
  private readonly valuesByLowerCaseKey = new Map<string, ContextValue>();

  constructor(context: Record<string, ContextValue>) {
    for (const key of Object.keys(context)) {
      const value = context[key];
      if (value !== undefined && value !== null) this.valuesByLowerCaseKey.set(key.toLowerCase(), value);
    }
  }

  has(lowerCaseKey: string): boolean {
    return this.valuesByLowerCaseKey.has(lowerCaseKey);
  }

  isMultivalued(lowerCaseKey: string): boolean {
    return Array.isArray(this.valuesByLowerCaseKey.get(lowerCaseKey));
  }

  /** Every value of the key (a single-valued key gives one), or undefined when the key is absent. */
  values(lowerCaseKey: string): readonly ContextScalar[] | undefined {
    const value = this.valuesByLowerCaseKey.get(lowerCaseKey);
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value : [value];
  }

  /**
   * The value a policy variable `${key}` resolves to. Multivalued keys cannot be policy variables, so an array
   * resolves to nothing, like an absent key.
   */
  variableValue(lowerCaseKey: string): string | undefined {
    const value = this.valuesByLowerCaseKey.get(lowerCaseKey);
    if (value === undefined || Array.isArray(value)) return undefined;
    return String(value);
  }
}
