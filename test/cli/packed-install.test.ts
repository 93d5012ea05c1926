import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../emulator/package-root.js';
import { installHint } from '../../src/targets/localstack.js';
import { builtCli, which, type RunningProcess } from '../support/child-processes.js';
import { readmeSnippet } from '../support/readme-snippet.js';

const npm = which('npm');
const tsc = join(packageRoot, 'node_modules/typescript/bin/tsc');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = 240_000) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
}

/** Bytes of every file under `folder` (apparent sizes) and the number of installed packages in its node_modules. */
function installSize(folder: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  const walk = (path: string, inModules: boolean): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        const isPackage =
          inModules &&
          !entry.name.startsWith('@') &&
          !entry.name.startsWith('.') &&
          existsSync(join(child, 'package.json'));
        if (isPackage) packages += 1;
        walk(child, entry.name === 'node_modules' || (inModules && entry.name.startsWith('@')));
      } else {
        bytes += statSync(child).size;
      }
    }
  };
  walk(join(folder, 'node_modules'), true);
  return { bytes, packages };
}

/**
 * No GitHub here, where better-sqlite3's install fetches its prebuilt binding: prebuild-install is given the same
 * artefact (this checkout's binding, for the same version, Node ABI and platform) as a local prebuild instead,
 * through `npm_config_<package>_local_prebuilds`, which it reads from the environment. Another version would be built
 * from source.
 */
function localPrebuilds(folder: string): NodeJS.ProcessEnv {
  const version = (
    JSON.parse(readFileSync(join(packageRoot, 'node_modules/better-sqlite3/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const { platform, arch, versions } = process;
  const name = `better-sqlite3-v${version}-node-v${versions.modules}-${platform}-${arch}.tar.gz`;
  mkdirSync(folder, { recursive: true });
  const packed = run(
    'tar',
    [
      '-czf',
      join(folder, name),
      '-C',
      join(packageRoot, 'node_modules/better-sqlite3'),
      'build/Release/better_sqlite3.node',
    ],
    packageRoot,
  );
  if (packed.status !== 0) throw new Error(`tar failed: ${packed.output}`);
  return { ...process.env, npm_config_better_sqlite3_local_prebuilds: folder };
}

describe.skipIf(!npm)(
  "a fresh `npm install` of the packed tarball, then `npx idpool up`, then the README's client snippet",
  () => {
    const work = mkdtempSync(join(tmpdir(), 'idpool-pack-'));
    const app = join(work, 'app');
    let tarball: string;
    let up: RunningProcess | undefined;

    beforeAll(() => {
      builtCli();
      const packed = run(npm as string, ['pack', '--silent', '--pack-destination', work], packageRoot);
      expect(packed.status, packed.output).toBe(0);
      tarball = join(work, packed.stdout.trim().split('\n').pop() as string);
      mkdirSync(app);
      const installed = run(
        npm as string,
        ['install', '--no-audit', '--no-fund', tarball],
        app,
        localPrebuilds(join(work, 'prebuilds')),
      );
      expect(installed.status, installed.output).toBe(0);
    }, 300_000);
    afterAll(async () => {
      await up?.stop();
    });

    it('ships no benchmark, maps or tests; installs in at most 60 MB and 120 packages, without testcontainers', () => {
      const listed = run('tar', ['-tzf', tarball], work).stdout.split('\n');
      expect(listed.filter((file) => /^package\/dist\/bench\/|\.map$|\.test\.js$/.test(file))).toEqual([]);
      expect(listed).toContain('package/dist/src/client/index.js');
      const { bytes, packages } = installSize(app);
      process.stdout.write(`npm install <packed tarball>: ${(bytes / 1e6).toFixed(1)} MB in ${packages} packages\n`);
      expect(bytes).toBeLessThanOrEqual(60e6);
      expect(packages).toBeLessThanOrEqual(120);
      expect(existsSync(join(app, 'node_modules/testcontainers'))).toBe(false);
    });

    it('npx idpool up, then the snippet as written: "Hello user"; SIGTERM to npx stops the emulator', async () => {
      const npx = spawn(npm as string, ['exec', '--', 'idpool', 'up', '--port', '0'], {
        cwd: app,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      up = await new Promise<RunningProcess>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const url = /idpool ready at (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
          if (url && output.includes('(also in'))
            resolve({ url, child: npx, output: () => output, stop: async () => void npx.kill('SIGTERM') });
        };
        npx.stdout.on('data', onData);
        npx.stderr.on('data', onData);
        npx.once('exit', (code) => reject(new Error(`npx idpool up exited (${code}):\n${output}`)));
      });
      writeFileSync(join(app, 'client.mjs'), readmeSnippet('client'));
      const client = run(process.execPath, ['client.mjs'], app, process.env, 30_000);
      expect(client.stdout, client.output).toMatch(/^200 \{"message":"Hello user"/);
      npx.kill('SIGTERM');
      const url = up.url;
      const upOutput = up.output;
      up = undefined;
      const deadline = Date.now() + 10_000;
      let answering = true;
      while (answering && Date.now() < deadline) {
        answering = await fetch(`${url}/_idpool/health`).then(
          () => true,
          () => false,
        );
        if (answering) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(answering, upOutput()).toBe(false);
    }, 60_000);

    it('the localstack target, without testcontainers installed, says how to install it (exit 3)', () => {
      const result = run(
        npm as string,
        ['exec', '--', 'idpool', 'contracts', 'run', '--target', 'localstack'],
        app,
        { ...process.env, LOCALSTACK_AUTH_TOKEN: 'x' },
        60_000,
      );
      expect(result.stderr).toContain(installHint);
      expect(result.status).toBe(3);
    }, 60_000);

    it("the shipped types compile with skipLibCheck: false, idpool/client without Node's types", () => {
      const compiler = {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
      };
      writeFileSync(
        join(app, 'node-app.ts'),
        [
          "import 'idpool';",
          "import 'idpool/emulator';",
          "import 'idpool/contracts';",
          "export * from 'idpool';",
          '',
        ].join('\n'),
      );
      // A Node app has Node's types (here this checkout's @types/node); nothing else is lent.
      const typeRoots = [join(packageRoot, 'node_modules/@types')];
      writeFileSync(
        join(app, 'tsconfig.node.json'),
        JSON.stringify({ compilerOptions: { ...compiler, types: ['node'], typeRoots }, files: ['node-app.ts'] }),
      );
      const node = run(process.execPath, [tsc, '-p', 'tsconfig.node.json'], app, process.env, 120_000);
      expect(node.output).toBe('');
      writeFileSync(join(app, 'web-app.ts'), ["export * from 'idpool/client';", ''].join('\n'));
      writeFileSync(
        join(app, 'tsconfig.web.json'),
        JSON.stringify({
          compilerOptions: { ...compiler, types: [], lib: ['es2022', 'dom', 'dom.iterable'] },
          files: ['web-app.ts'],
        }),
      );
      const web = run(process.execPath, [tsc, '-p', 'tsconfig.web.json'], app, process.env, 120_000);
      expect(web.output).toBe('');
    }, 240_000);

    it('without its native binding (as with --ignore-scripts), the emulator says: npm rebuild better-sqlite3', () => {
      const release = join(app, 'node_modules/better-sqlite3/build');
      renameSync(release, `${release}.hidden`);
      try {
        const serve = run(npm as string, ['exec', '--', 'idpool', 'serve', '--port', '0'], app, process.env, 30_000);
        expect(serve.stderr).toContain('npm rebuild better-sqlite3');
        expect(serve.status).not.toBe(0);
      } finally {
        renameSync(`${release}.hidden`, release);
      }
    }, 60_000);
  },
);
