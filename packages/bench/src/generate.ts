#!/usr/bin/env node
import path from 'node:path';
import { FULL_SIZES, SMOKE_SIZES, writeWorkloads } from './workloads.js';

// `node packages/bench/out/generate.js DIR [--seed N] [--smoke]`: writes the workloads only.
const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const dir = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--seed');
if (!dir || !Number.isInteger(seed)) {
    console.error('usage: generate DIR [--seed N] [--smoke]');
    process.exitCode = 2;
} else {
    const files = await writeWorkloads(path.resolve(dir), seed, args.includes('--smoke') ? SMOKE_SIZES : FULL_SIZES);
    for (const [file, count] of Object.entries(files.lines)) console.log(`${file}: ${count} lines`);
}
