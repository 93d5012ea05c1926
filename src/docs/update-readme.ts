import { readFileSync, writeFileSync } from 'node:fs';
import { packageRoot } from '../../emulator/package-root.js';
import { withCoverageTable } from './coverage-table.js';

const path = `${packageRoot}/README.md`;
writeFileSync(path, withCoverageTable(readFileSync(path, 'utf8')));
process.stdout.write('README.md coverage table updated\n');
