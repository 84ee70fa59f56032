import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths.js';
import { scratchFolder } from '../support/scratch.js';

/** Finding 15: the playground's static server died on `GET /%`. */
function ask(url: string, pathAndQuery: string, method = 'GET'): Promise<number> {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const sent = request({ host: target.hostname, port: target.port, method, path: pathAndQuery }, response => {
            response.resume();
            response.on('end', () => {
                resolve(response.statusCode ?? 0);
            });
        });
        sent.on('error', reject);
        sent.end();
    });
}

describe('the playground server', () => {
    it('answers every malformed request and stays up', async () => {
        const site = scratchFolder({ 'index.html': '<!DOCTYPE html><title>Pool</title>\n', 'app.js': '// app\n' });
        const server = spawn(process.execPath, [path.join(REPO, 'packages/playground/scripts/serve.mjs'), '--port', '0', '--dir', site], {
            stdio: ['ignore', 'pipe', 'inherit']
        });
        try {
            const url = await new Promise<string>((resolve, reject) => {
                server.stdout.on('data', chunk => {
                    const found = /http:\/\/\S+\//.exec(String(chunk));
                    if (found) resolve(found[0]);
                });
                server.on('exit', code => {
                    reject(new Error(`the server exited (${code})`));
                });
            });
            const answers: Record<string, number> = {};
            for (const hostile of [
                '/%',
                '/%zz',
                '/%00',
                '/%E0%A4%A',
                '/..%2f..%2fetc%2fpasswd',
                '/%2e%2e/%2e%2e/etc/passwd',
                `/${'a'.repeat(60_000)}`,
                '/app.js%00.html'
            ]) {
                answers[hostile.slice(0, 30)] = await ask(url, hostile);
            }
            expect(
                Object.values(answers).every(status => [400, 403, 404, 431].includes(status)),
                JSON.stringify(answers)
            ).toBe(true);
            expect(answers['/%']).toBe(400);
            expect(await ask(url, '/', 'POST')).toBe(405);
            expect(await ask(url, '/')).toBe(200);
            expect(await ask(url, '/app.js', 'HEAD')).toBe(200);
            expect(server.exitCode).toBeNull();
        } finally {
            server.kill();
        }
    });
});
