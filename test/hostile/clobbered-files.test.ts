import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { runPool } from '../support/cli.js';
import { CLI, REPO } from '../support/paths.js';
import { scratchFolder } from '../support/scratch.js';

/**
 * Finding 4, clobbered files: `-o` onto a device, a named pipe or `/dev/stdout` replaced it with
 * a regular file (as root it replaced `/dev/null`); the rename also went over read-only files and
 * changed their owner and mode. `pool fmt` in place had the same path.
 */
function agreementFolder(): string {
    const root = scratchFolder({});
    cpSync(path.join(REPO, 'examples/troubled-families.pool'), path.join(root, 'tf.pool'));
    cpSync(path.join(REPO, 'examples/registers'), path.join(root, 'registers'), { recursive: true });
    return root;
}

function mkfifo(file: string): void {
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
}

describe('-o onto what is not a regular file', () => {
    it('writes into /dev/null and leaves it a device', () => {
        const before = statSync('/dev/null');
        const result = runPool(['report', 'tf.pool', '-o', '/dev/null'], { cwd: agreementFolder() });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const after = statSync('/dev/null');
        expect(after.isCharacterDevice()).toBe(true);
        expect([after.rdev, after.mode]).toEqual([before.rdev, before.mode]);
    });

    it('writes /dev/stdout and - to standard output', () => {
        const root = agreementFolder();
        for (const output of ['/dev/stdout', '-']) {
            const result = runPool(['generate', 'json', 'tf.pool', '-o', output], { cwd: root });
            expect(result.stderr, output).toBe('');
            expect(JSON.parse(result.stdout).$schema, output).toBe('urn:pool:schema:agreement-json:4');
        }
        expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
        expect(readdirSync(root).sort()).toEqual(['registers', 'tf.pool']);
    });

    it('writes into a named pipe that something reads, and leaves it a pipe', async () => {
        const root = agreementFolder();
        const fifo = path.join(root, 'pipe');
        mkfifo(fifo);
        const reader = spawn('cat', [fifo]);
        let received = '';
        reader.stdout.on('data', (chunk: Buffer) => {
            received += chunk.toString();
        });
        const done = new Promise(resolve => reader.on('exit', resolve));
        const result = runPool(['generate', 'json', 'tf.pool', '-o', 'pipe'], { cwd: root });
        expect(result.stderr).toBe('');
        await done;
        expect(JSON.parse(received).$schema).toBe('urn:pool:schema:agreement-json:4');
        expect(statSync(fifo).isFIFO()).toBe(true);
    });

    it('refuses at once a named pipe nothing reads, a socket and a folder, and leaves each as it was', async () => {
        const root = agreementFolder();
        mkfifo(path.join(root, 'pipe'));
        const server = createServer();
        await new Promise<void>(resolve => server.listen(path.join(root, 'socket'), resolve));
        try {
            const cases: Record<string, string> = {
                pipe: 'pool: cannot write pipe: it is a named pipe (FIFO) that nothing is reading\n',
                socket: 'pool: cannot write socket: it is a socket, not a file\n',
                registers: 'pool: cannot write registers: it is a folder\n'
            };
            for (const [output, error] of Object.entries(cases)) {
                // A hang (on a FIFO with no reader) is stopped by the timeout and fails the stderr check.
                const result = spawnSync(process.execPath, [CLI, 'generate', 'json', 'tf.pool', '-o', output], {
                    cwd: root,
                    encoding: 'utf8',
                    timeout: 30_000
                });
                expect(result.stderr, output).toBe(error);
                expect(result.status, output).toBe(2);
            }
            expect(statSync(path.join(root, 'pipe')).isFIFO()).toBe(true);
            expect(statSync(path.join(root, 'socket')).isSocket()).toBe(true);
            expect(readdirSync(path.join(root, 'registers'))).toEqual(readdirSync(path.join(REPO, 'examples/registers')));
        } finally {
            server.close();
        }
    });
});

describe('-o onto a regular file', () => {
    it('refuses a read-only file, keeping its content, mode and owner', () => {
        const root = agreementFolder();
        const target = path.join(root, 'signed.html');
        writeFileSync(target, 'the signed copy');
        chmodSync(target, 0o444);
        const result = runPool(['report', 'tf.pool', '-o', 'signed.html'], { cwd: root });
        expect(result.stderr).toBe('pool: cannot write signed.html: it is read-only\n');
        expect(result.status).toBe(2);
        expect(readFileSync(target, 'utf8')).toBe('the signed copy');
        expect(statSync(target).mode & 0o777).toBe(0o444);
    });

    it('keeps the mode, the owner and the group of a file it replaces', () => {
        const root = agreementFolder();
        const target = path.join(root, 'report.html');
        writeFileSync(target, 'old');
        chmodSync(target, 0o640);
        // As root (as here), the file is given to another user first; otherwise it is ours already.
        const owner = process.getuid?.() === 0 ? { uid: 4242, gid: 4243 } : { uid: statSync(target).uid, gid: statSync(target).gid };
        chownSync(target, owner.uid, owner.gid);
        const result = runPool(['report', 'tf.pool', '-o', 'report.html'], { cwd: root });
        expect(result.status).toBe(0);
        const after = statSync(target);
        expect(readFileSync(target, 'utf8')).toMatch(/^<!DOCTYPE html>/);
        expect({ mode: after.mode & 0o7777, uid: after.uid, gid: after.gid }).toEqual({ mode: 0o640, ...owner });
    });

    it('follows a symbolic link to its file, and the link stays a link', () => {
        const root = agreementFolder();
        writeFileSync(path.join(root, 'real.json'), 'old');
        symlinkSync('real.json', path.join(root, 'latest.json'));
        symlinkSync('new.json', path.join(root, 'dangling.json'));
        for (const output of ['latest.json', 'dangling.json']) {
            expect(runPool(['generate', 'json', 'tf.pool', '-o', output], { cwd: root }).status, output).toBe(0);
            expect(lstatSync(path.join(root, output)).isSymbolicLink(), output).toBe(true);
        }
        expect(readlinkSync(path.join(root, 'latest.json'))).toBe('real.json');
        expect(JSON.parse(readFileSync(path.join(root, 'real.json'), 'utf8')).$schema).toBe('urn:pool:schema:agreement-json:4');
        expect(JSON.parse(readFileSync(path.join(root, 'new.json'), 'utf8')).$schema).toBe('urn:pool:schema:agreement-json:4');
    });

    it('pool fmt refuses a read-only agreement too, as a failure', () => {
        const root = scratchFolder({ 'untidy.pool': 'partner  a   "A"  council\n' });
        chmodSync(path.join(root, 'untidy.pool'), 0o444);
        const result = runPool(['fmt', 'untidy.pool'], { cwd: root });
        expect(result.stderr).toBe('pool: cannot write untidy.pool: it is read-only\n0 files formatted, 0 already formatted, 1 could not be written\n');
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
        expect(readFileSync(path.join(root, 'untidy.pool'), 'utf8')).toBe('partner  a   "A"  council\n');
    });
});

describe('one writer', () => {
    it('is the only code in the tools that writes or renames a file', async () => {
        const sources = await glob(['packages/*/src/**/*.ts'], { cwd: REPO, ignore: ['packages/files/**', 'packages/bench/**', '**/generated/**'] });
        const writing =
            /import\s*\{[^}]*\b(writeFile|writeFileSync|rename|renameSync|createWriteStream|appendFile|appendFileSync|copyFile|copyFileSync)\b[^}]*\}\s*from\s*'(node:)?fs(\/promises)?'|(?<!workspace\.)\bfs\.(promises\.)?(writeFile|rename|createWriteStream|appendFile|copyFile)/;
        const writers = sources.filter(file => writing.test(readFileSync(path.join(REPO, file), 'utf8')));
        expect(writers).toEqual([]);
        // The editor's export on disk goes through it too.
        expect(readFileSync(path.join(REPO, 'packages/extension/src/write-file.ts'), 'utf8')).toContain(
            "import { describeFileError, writeFileSafely } from '@pool/files';"
        );
    });
});
