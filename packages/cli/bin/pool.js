#!/usr/bin/env node
import { existsSync } from 'node:fs';

// `pnpm build` bundles the CLI into one file (scripts/bundle.mjs): loading one file instead of
// a few hundred modules was most of the time of a small `pool check`. Without the bundle the
// modules are loaded one by one, to the same effect.
const bundled = existsSync(new URL('../out/pool.bundle.js', import.meta.url));
const { main } = await import(bundled ? '../out/pool.bundle.js' : '../out/main.js');

process.exitCode = await main(process.argv.slice(2));
