import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../emulator/package-root.js';

/** The code block right after `<!-- readme-snippet: NAME … -->` in the README, as written there. */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const marker = readme.indexOf(`<!-- readme-snippet: ${name}`);
  if (marker === -1) throw new Error(`the README has no snippet marked ${name}`);
  const fence = /```\w*\n([\s\S]*?)\n```/.exec(readme.slice(marker));
  if (!fence) throw new Error(`no code block after the README's ${name} marker`);
  return `${fence[1] as string}\n`;
}
