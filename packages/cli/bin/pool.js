#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

// V8's compile cache (Node.js 22.1 and later): the bundle's compiled code is kept in the user's
// own cache folder, so a later run reads it instead of compiling the code again (most of a small
// check's time after Node's own start). `NODE_COMPILE_CACHE` chooses another folder and
// `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as for any Node.js program. Never a folder other
// users can write to (the shared temporary folder): compiled code read from there would run as
// Pool. A folder that cannot be written only means no cache, never a failed command.
function compileCacheFolder() {
    if (process.env.NODE_COMPILE_CACHE) return undefined;
    const cache =
        process.platform === 'win32'
            ? process.env.LOCALAPPDATA
            : process.platform === 'darwin'
              ? path.join(os.homedir(), 'Library', 'Caches')
              : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    return cache && path.isAbsolute(cache) ? path.join(cache, 'pool', 'compile-cache') : null;
}
try {
    const folder = compileCacheFolder();
    if (folder !== null) module.enableCompileCache?.(folder);
} catch {
    // No home folder, or no cache: the code is compiled as it is loaded, as without the cache.
}

// `pnpm build` bundles the CLI into one file and its chunks (scripts/bundle.mjs): loading one
// file instead of a few hundred modules was most of the time of a small `pool check`. Without the
// bundle the modules are loaded one by one, to the same effect.
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
