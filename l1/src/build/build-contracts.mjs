// Build step of cairn-l1 (run by exec-maven-plugin in generate-sources):
//  1. makes sure node_modules matches package-lock.json (npm install from the lock; not `npm ci`, which insists on
//     lock entries for every platform package of anvil even where the registry serves only this one; install
//     scripts off: the anvil binary ships in its platform package, nothing is fetched at run time);
//  2. compiles src/main/solidity/*.sol with the pinned solcjs into <out>/<Contract>.abi and .bin.
// Usage: node build-contracts.mjs <moduleDir> <outDir> <contract>...
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [moduleArg, outArg, ...contracts] = process.argv.slice(2);
const moduleDir = moduleArg && resolve(moduleArg);
const outDir = outArg && resolve(outArg);
if (!moduleDir || !outDir || contracts.length === 0) {
  console.error('usage: build-contracts.mjs <moduleDir> <outDir> <contract>...');
  process.exit(2);
}

function toolsUpToDate() {
  const installed = join(moduleDir, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  const want = JSON.parse(readFileSync(join(moduleDir, 'package-lock.json'), 'utf8')).packages;
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
  for (const [path, meta] of Object.entries(want)) {
    if (path === '' || meta.optional && !have[path]) continue;
    if (!have[path] || have[path].version !== meta.version) return false;
  }
  return true;
}

if (!toolsUpToDate()) {
  console.log('[cairn-l1] npm install from package-lock.json (solc, anvil)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save'], { cwd: moduleDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const srcDir = join(moduleDir, 'src', 'main', 'solidity');
const sources = {};
let newestSource = statSync(join(moduleDir, 'package-lock.json')).mtimeMs;
for (const f of readdirSync(srcDir).filter((n) => n.endsWith('.sol')).sort()) {
  sources[f] = { content: readFileSync(join(srcDir, f), 'utf8') };
  newestSource = Math.max(newestSource, statSync(join(srcDir, f)).mtimeMs, statSync(new URL(import.meta.url)).mtimeMs);
}
const outputs = contracts.flatMap((c) => [join(outDir, c + '.abi'), join(outDir, c + '.bin')]);
if (outputs.every((o) => existsSync(o) && statSync(o).mtimeMs >= newestSource)) process.exit(0);

const solc = createRequire(join(moduleDir, 'package.json'))('solc');
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'prague',
    optimizer: { enabled: true, runs: 1000000 },
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.gasEstimates'] } },
  },
};
const result = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of result.errors ?? []) {
  console.error(e.formattedMessage);
  if (e.severity === 'error') failed = true;
}
if (failed) process.exit(1);
mkdirSync(outDir, { recursive: true });
for (const name of contracts) {
  const file = Object.keys(result.contracts).find((f) => result.contracts[f][name]);
  if (!file) {
    console.error(`[cairn-l1] contract ${name} not found in ${Object.keys(sources).join(', ')}`);
    process.exit(1);
  }
  const c = result.contracts[file][name];
  writeFileSync(join(outDir, name + '.abi'), JSON.stringify(c.abi));
  writeFileSync(join(outDir, name + '.bin'), c.evm.bytecode.object);
}
console.log(`[cairn-l1] solc ${solc.version()}: compiled ${contracts.join(', ')}`);
