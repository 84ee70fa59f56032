// Serves the built playground (dist/) on localhost: a plain static file server, nothing else.
// Usage: node scripts/serve.mjs [--port N] [--dir DIR]   (port 0 picks a free one)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.ttf': 'font/ttf',
    '.svg': 'image/svg+xml',
    '.png': 'image/png'
};

/** Answers one request: a file of the site's folder, or why not. */
async function answer(directory, request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
    }
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (pathname.includes('\0')) throw new URIError('a NUL in the path');
    const file = normalize(join(directory, pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    // Never serve anything outside the site's folder.
    if (file !== directory && !file.startsWith(directory + sep)) {
        response.writeHead(403).end();
        return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
    }
    response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache'
    });
    if (request.method === 'HEAD') {
        response.end();
        return;
    }
    // A file gone between the stat and the read ends this answer, not the server.
    createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
}

/** Starts the server; resolves with its base URL once it listens. */
export async function serve(directory, port = 8080, host = '127.0.0.1') {
    const server = createServer((request, response) => {
        // Whatever a request holds, it gets an answer and the server stays up: a malformed
        // address (`GET /%`) is a bad request, a file that cannot be read a server error.
        answer(directory, request, response).catch(error => {
            if (!response.headersSent) response.writeHead(error instanceof URIError ? 400 : 500, { 'content-type': 'text/plain; charset=utf-8' });
            response.end(error instanceof URIError ? 'Bad request\n' : 'Server error\n');
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
    });
    const address = server.address();
    return { server, url: `http://${host}:${address.port}/` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' }, dir: { type: 'string' } } });
    const directory = normalize(values.dir ?? join(dirname(fileURLToPath(import.meta.url)), '../dist'));
    try {
        const { url } = await serve(directory, Number(values.port));
        console.log(`The Pool playground is at ${url} (Ctrl+C to stop)`);
    } catch (error) {
        console.error(`Could not serve the playground: ${error.message}`);
        process.exit(2);
    }
}
