import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { which } from '../support/child-processes.js';

/** Terraform's name for this machine's platform (`linux_amd64`, `darwin_arm64`). */
function terraformPlatform(): string {
  const arch =
    ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[process.arch] ?? process.arch;
  return `${process.platform === 'win32' ? 'windows' : process.platform}_${arch}`;
}

function entries(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The hashicorp/aws provider binaries `mirror` (a filesystem mirror's root) holds for this platform. */
export function awsProviderBinaries(mirror: string): string[] {
  const versions = join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  return entries(versions)
    .filter((version) => version.isDirectory())
    .flatMap((version) =>
      entries(join(versions, version.name, terraformPlatform()))
        .filter((file) => file.name.startsWith('terraform-provider-aws'))
        .map((file) => join(versions, version.name, terraformPlatform(), file.name)),
    );
}

function holdsAwsProvider(mirror: string): boolean {
  return awsProviderBinaries(mirror).length > 0;
}

/**
 * A filesystem mirror (the folder holding `registry.terraform.io/`) with the hashicorp/aws provider, looked for
 * where Terraform and images put them: the implied mirror folders and a shallow walk of the usual roots.
 */
function findProviderMirror(): string | undefined {
  const home = homedir();
  const roots = [
    join(home, '.terraform.d', 'plugins'),
    join(home, '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt',
    '/usr/local',
    '/usr/share',
    join(home, '.terraform.d'),
  ];
  const maxDepth = 4;
  for (const root of roots) {
    let level = [root];
    for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
      const next: string[] = [];
      for (const directory of level) {
        if (existsSync(join(directory, 'registry.terraform.io')) && holdsAwsProvider(directory)) return directory;
        for (const entry of entries(directory)) {
          if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
            next.push(join(directory, entry.name));
        }
      }
      level = next;
    }
  }
  return undefined;
}

/** A CLI configuration that installs hashicorp/* providers from the mirror only, never from the network. */
export function mirrorCliConfig(mirror: string): string {
  const path = JSON.stringify(mirror);
  return [
    'provider_installation {',
    `  filesystem_mirror {\n    path    = ${path}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }`,
    '  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }',
    '}',
    '',
  ].join('\n');
}

export interface TerraformTools {
  terraform: string;
  mirror: string;
}

/** Terraform and the provider, or why the test cannot run. */
export function terraformTools(): TerraformTools | string {
  const terraform = which('terraform');
  if (!terraform) return 'terraform is not on PATH';
  const mirror = findProviderMirror();
  if (!mirror) return `no filesystem mirror with hashicorp/aws for ${terraformPlatform()} was found`;
  return { terraform, mirror };
}

export interface TerraformResult {
  code: number;
  output: string;
}

/** Runs terraform without blocking the event loop (the emulator answering it may live in this process). */
export function runTerraform(
  terraform: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<TerraformResult> {
  return new Promise((resolve) => {
    execFile(terraform, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** The environment terraform runs in: the CLI config, data dir and no AWS settings of the user's own. */
export function terraformEnv(cliConfigFile: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && !key.startsWith('TF_')) env[key] = value;
  }
  return {
    ...env,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_DATA_DIR: dataDir,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
}

export interface SharedProvider {
  /** The value of TF_REATTACH_PROVIDERS for every terraform command. */
  reattach: string;
  stop(): void;
}

/**
 * Starts the provider once in its debug mode and lets every terraform command attach to it (TF_REATTACH_PROVIDERS,
 * the way the provider SDK's own acceptance tests run it), instead of each command starting its own provider
 * processes: on a busy machine that start is most of a command's time. Undefined when the provider does not print
 * its reattach line in time; the commands then start the provider themselves.
 */
export function startSharedProvider(binary: string, timeoutMs = 60_000): Promise<SharedProvider | undefined> {
  let child: ChildProcess;
  try {
    child = spawn(binary, ['-debug'], { stdio: ['ignore', 'pipe', 'pipe'], env: terraformEnv('', '') });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    let output = '';
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    };
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const reattach = /TF_REATTACH_PROVIDERS='(\{.*\})'/.exec(output)?.[1];
      if (!reattach) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ reattach, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}
