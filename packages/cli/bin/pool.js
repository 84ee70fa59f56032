#!/usr/bin/env node
import { existsSync } from 'node:fs';

// `pnpm build` bundles the CLI into one file (scripts/bundle.mjs): loading one file instead of
// a few hundred modules was most of the time of a small `pool check`. Without the bundle the
// modules are loaded one by one, to the same effect.
// A reader that stops early (`pool check … | head`) closes the pipe: stop quietly, as other
// command-line tools do (status 141, as for SIGPIPE), never with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => {
        if (error.code === 'EPIPE') process.exit(141);
        throw error;
    });
}

const bundled = existsSync(new URL('../out/pool.bundle.js', import.meta.url));
const { main } = await import(bundled ? '../out/pool.bundle.js' : '../out/main.js');

process.exitCode = await main(process.argv.slice(2));
