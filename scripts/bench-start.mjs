#!/usr/bin/env node
// Measures `npm start` from launch to "Clinicpay is running", cold (no .data: a new embedded
// database, migrated and seeded) and warm (the database exists). Prints medians; not a test.
// Usage: node scripts/bench-start.mjs [runs=3]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);
const dataDir = resolve(root, '.data-bench');

function startOnce() {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['start'], {
      cwd: root,
      detached: true,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Clinicpay is running')) {
        const seconds = (performance.now() - started) / 1000;
        process.kill(-child.pid, 'SIGINT');
        child.once('exit', () => resolvePromise(seconds));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!output.includes('Clinicpay is running'))
        reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  rmSync(dataDir, { recursive: true, force: true });
  cold.push(await startOnce());
  warm.push(await startOnce());
}
rmSync(dataDir, { recursive: true, force: true });
const fmt = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
console.log(`npm start to ready, ${runs} runs each (seconds)`);
console.log(`  cold (new embedded database): median ${median(cold).toFixed(1)}  [${fmt(cold)}]`);
console.log(`  warm (database exists):       median ${median(warm).toFixed(1)}  [${fmt(warm)}]`);
console.log(`  warm / cold: ${(median(warm) / median(cold)).toFixed(2)}`);
