import type { RequestContext } from './request-context.js';
import { literalGlob, toEscapedGlob } from './wildcard-pattern.js';

/**
 * Policy variables (`${aws:username}`, `${aws:username, 'default'}`) and the specials `${*}`, `${?}`, `${$}`
 * that stand for the literal characters. AWS substitutes them in Resource/NotResource and in the values of
 * the string, Bool and ARN condition operators, and only in policies of Version 2012-10-17.
 */

type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; lowerCaseKey: string; defaultValue?: string }
  | { kind: 'literal'; text: string };

/** A policy string split into text and variables; `parts` is undefined when it holds no variable. */
export interface PolicyTemplate {
  raw: string;
  parts?: TemplatePart[];
  /** For a template without variables: its escaped-glob form, computed once. */
  glob?: string;
}

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIALS: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const KEY_WITH_DEFAULT = /^\s*([^\s,']+)\s*,\s*'((?:[^']|'')*)'\s*$/;
const KEY_ONLY = /^\s*([^\s,']+)\s*$/;

export function parseTemplate(raw: string, variablesEnabled: boolean): PolicyTemplate {
  if (!variablesEnabled || !raw.includes('${')) return { raw, glob: toEscapedGlob(raw) };
  const parts: TemplatePart[] = [];
  let textStart = 0;
  for (const match of raw.matchAll(VARIABLE)) {
    const part = parseVariable(match[1]);
    if (!part) continue;
    if (match.index > textStart) parts.push({ kind: 'text', text: raw.slice(textStart, match.index) });
    parts.push(part);
    textStart = match.index + match[0].length;
  }
  if (parts.length === 0) return { raw, glob: toEscapedGlob(raw) };
  if (textStart < raw.length) parts.push({ kind: 'text', text: raw.slice(textStart) });
  return { raw, parts };
}

function parseVariable(inside: string): TemplatePart | undefined {
  const special = SPECIALS[inside.trim()];
  if (special !== undefined) return { kind: 'literal', text: special };
  const withDefault = KEY_WITH_DEFAULT.exec(inside);
  if (withDefault) {
    return {
      kind: 'variable',
      lowerCaseKey: withDefault[1].toLowerCase(),
      defaultValue: withDefault[2].replace(/''/g, "'"),
    };
  }
  const keyOnly = KEY_ONLY.exec(inside);
  return keyOnly ? { kind: 'variable', lowerCaseKey: keyOnly[1].toLowerCase() } : undefined;
}

function variableText(part: TemplatePart & { kind: 'variable' }, context: RequestContext): string | undefined {
  return context.variableValue(part.lowerCaseKey) ?? part.defaultValue;
}

/** The template with variables substituted, for exact comparisons; undefined when a variable has no value. */
export function resolveToText(template: PolicyTemplate, context: RequestContext): string | undefined {
  if (!template.parts) return template.raw;
  let resolved = '';
  for (const part of template.parts) {
    if (part.kind === 'variable') {
      const value = variableText(part, context);
      if (value === undefined) return undefined;
      resolved += value;
    } else {
      resolved += part.text;
    }
  }
  return resolved;
}

/**
 * The template as an escaped glob for wildcard matching: its own text keeps `*`/`?` as wildcards, while
 * substituted values and the specials match literally. Undefined when a variable has no value.
 */
export function resolveToGlob(template: PolicyTemplate, context: RequestContext): string | undefined {
  if (!template.parts) return template.glob ?? toEscapedGlob(template.raw);
  let glob = '';
  for (const part of template.parts) {
    if (part.kind === 'text') {
      glob += toEscapedGlob(part.text);
    } else if (part.kind === 'literal') {
      glob += literalGlob(part.text);
    } else {
      const value = variableText(part, context);
      if (value === undefined) return undefined;
      glob += literalGlob(value);
    }
  }
  return glob;
}
