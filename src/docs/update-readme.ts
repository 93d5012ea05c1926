import { readFileSync, writeFileSync } from 'node:fs';
import { packageRoot } from '../../emulator/package-root.js';
import { loadedServices } from '../../emulator/services/index.js';
import { renderCoverageTable, withCoverageTable } from './coverage-table.js';

const path = `${packageRoot}/README.md`;
writeFileSync(path, withCoverageTable(readFileSync(path, 'utf8'), renderCoverageTable(await loadedServices())));
process.stdout.write('README.md coverage table updated\n');
