import type { ContextValue } from './types.js';

/** A context value as one element of a (possibly multivalued) key. */
export type ContextScalar = string | number | boolean;

/**
 * The request's condition keys, looked up case-insensitively as AWS does. The lower-case index is built on the first
 * lookup: most statements (an Allow of an action on a resource) never look at a condition key.
 */
export class RequestContext {
  private byLowerCaseKey: Map<string, ContextValue> | undefined;

  constructor(private readonly context: Record<string, ContextValue>) {}

  private get valuesByLowerCaseKey(): Map<string, ContextValue> {
    if (!this.byLowerCaseKey) {
      this.byLowerCaseKey = new Map();
      for (const key of Object.keys(this.context)) {
        const value = this.context[key];
        if (value !== undefined && value !== null) this.byLowerCaseKey.set(key.toLowerCase(), value);
      }
    }
    return this.byLowerCaseKey;
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
