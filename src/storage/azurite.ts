import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr !== null ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts Azurite's table service on a free loopback port: on disk under `dataDir`, or in
 * memory when `dataDir` is null (tests). Resolves once it accepts connections.
 */
export async function startAzurite(dataDir: string | null): Promise<RunningAzurite> {
  const port = await freePort();
  let azuritePackage: string;
  try {
    azuritePackage = require.resolve('azurite/package.json');
  } catch {
    // The deployed package has no devDependencies: a production start must configure storage.
    throw new Error(
      'Ingen lagring är konfigurerad och Azurite (devDependency) är inte installerat. Sätt AZURE_TABLES_ENDPOINT (hanterad identitet) eller AZURE_TABLES_CONNECTION_STRING.',
    );
  }
  const bin = path.join(azuritePackage, '..', 'dist', 'src', 'table', 'main.js');
  // --disableTelemetry: Azurite otherwise reports usage to Microsoft from every local run.
  const args = [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry'];
  if (dataDir === null) args.push('--inMemoryPersistence');
  else {
    await mkdir(dataDir, { recursive: true });
    args.push('--location', dataDir);
  }
  // The child inherits this process's environment (PATH and the like); only AZURITE_ACCOUNTS is set here.
  // eslint-disable-next-line no-restricted-syntax -- passed on whole to the child process, not read as configuration
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AZURITE_ACCOUNTS: '' } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  return {
    port,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    stop: () => stopChild(child),
  };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite avslutades (kod ${child.exitCode}): ${output().slice(-500)}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Azurite startade inte inom 30 s: ${output().slice(-500)}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
