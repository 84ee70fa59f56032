import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, type FileHandle, link, lstat, mkdir, open, readdir, readlink, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { FileRefusedError, message, type Message } from '@pool/language';
import { whatItIs } from './kinds.js';

/**
 * The one way Pool writes files (`pool report -o`, `pool generate json -o`, `pool fmt`, the
 * editor's Export report): readers see the old content or the whole new content, never a part.
 *
 * - A regular file is written to a temporary file beside it, flushed to disk, and renamed over
 *   it; on any failure the temporary file goes and the target is as it was. Its mode and owner
 *   are kept; a read-only file, or one that renaming would give another owner, is refused.
 * - A symbolic link is followed, so the file it points to is replaced and the link stays a link.
 * - What is not a regular file is never replaced: a terminal, `/dev/null` or `/dev/stdout` (any
 *   character device) and a named pipe with a reader are written into; a pipe nobody reads, a
 *   socket, a disk device and a folder are refused.
 * - Several files (`--each-partner`, a folder of JSON) are written all or nothing: every one is
 *   written beside its target first, and only then renamed into place; if a rename fails, the
 *   ones before it are put back as they were.
 */

export interface WriteOptions {
    /** The mode of a file that does not exist yet (before the umask); an existing file keeps its own. */
    readonly mode?: number;
}

/** Where a target's data really goes, and how. */
type Destination =
    | { readonly kind: 'file'; readonly path: string; readonly existing?: { readonly mode: number; readonly uid: number; readonly gid: number } }
    /** A character device (a terminal, `/dev/null`): written into. */
    | { readonly kind: 'stream'; readonly path: string }
    /** A named pipe: written into if something reads it. */
    | { readonly kind: 'pipe'; readonly path: string };

function refuse(reason: Message): never {
    throw new FileRefusedError({ kind: 'not-writable', reason });
}

/** The path a target finally names, following symbolic links, even ones to a file not there yet. */
async function followLinks(target: string): Promise<string> {
    let current = path.resolve(target);
    for (let hops = 0; hops < 40; hops++) {
        let info;
        try {
            info = await lstat(current);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
            throw error;
        }
        if (!info.isSymbolicLink()) return current;
        current = path.resolve(path.dirname(current), await readlink(current));
    }
    throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

async function destinationOf(target: string): Promise<Destination> {
    if (target === '') refuse(message('cli.reason.no-file-name', {}));
    let info;
    try {
        // Following links as the system does: `/dev/stdout` leads through `/proc` to a pipe.
        info = await stat(target);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // A new file (perhaps where a dangling link points): its folder must be there (Pool
        // creates output folders only where asked to).
        const resolved = await followLinks(target);
        const folder = path.dirname(resolved);
        const parent = await stat(folder).catch(() => undefined);
        if (!parent) refuse(message('cli.reason.no-such-folder', { folder }));
        if (!parent.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
        return { kind: 'file', path: resolved };
    }
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (info.isCharacterDevice()) return { kind: 'stream', path: target };
    if (info.isFIFO()) return { kind: 'pipe', path: target };
    if (!info.isFile()) refuse(whatItIs(info));
    const resolved = await realpath(target);
    // Renaming over a read-only file would replace it; as root, access() allows anything, so the
    // mode bits decide too.
    const writable = await access(resolved, constants.W_OK).then(
        () => true,
        () => false
    );
    if (!writable || (info.mode & 0o222) === 0) refuse(message('cli.reason.read-only', {}));
    const uid = process.getuid?.();
    if (uid !== undefined && uid !== 0 && info.uid !== uid) refuse(message('cli.reason.other-owner', {}));
    return { kind: 'file', path: resolved, existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
}

/**
 * Opens a named pipe for writing without waiting for ever: a pipe nobody reads is refused at once.
 * With a reader there, a second, ordinary descriptor is opened before the first is closed, so the
 * reader never sees the end of its input in between.
 */
async function openPipe(file: string): Promise<FileHandle> {
    let probe;
    try {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- O_NONBLOCK is undefined on Windows, whatever the types say
        probe = await open(file, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENXIO') refuse(message('cli.reason.fifo-no-reader', {}));
        throw error;
    }
    try {
        return await open(file, constants.O_WRONLY);
    } finally {
        await probe.close();
    }
}

function temporaryBeside(file: string, suffix: string): string {
    return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/** Writes the data to a new temporary file beside the destination, with its mode and owner, flushed. */
async function writeTemporary(destination: Extract<Destination, { kind: 'file' }>, data: string | Uint8Array, options: WriteOptions): Promise<string> {
    const temporary = temporaryBeside(destination.path, 'tmp');
    const existing = destination.existing;
    let handle;
    try {
        handle = await open(temporary, 'wx', existing?.mode ?? options.mode ?? 0o666);
        await handle.writeFile(data);
        if (existing) {
            await handle.chmod(existing.mode);
            const uid = process.getuid?.();
            if (uid !== undefined && (existing.uid !== uid || existing.gid !== process.getgid?.())) {
                await handle.chown(existing.uid, existing.gid).catch(() => refuse(message('cli.reason.other-owner', {})));
            }
        }
        await handle.sync();
        await handle.close();
        handle = undefined;
        return temporary;
    } catch (error) {
        await handle?.close().catch(() => undefined);
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
}

/** Flushes a folder, so a rename in it survives a crash (best effort: not every system can). */
async function syncFolder(folder: string): Promise<void> {
    const handle = await open(folder, 'r').catch(() => undefined);
    await handle?.sync().catch(() => undefined);
    await handle?.close().catch(() => undefined);
}

/** Writes one file, whole or not at all (see the top of this module). */
export async function writeFileSafely(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
    const destination = await destinationOf(target);
    if (destination.kind !== 'file') {
        const handle = destination.kind === 'pipe' ? await openPipe(destination.path) : await open(destination.path, constants.O_WRONLY);
        try {
            await handle.writeFile(data);
        } finally {
            await handle.close();
        }
        return;
    }
    const temporary = await writeTemporary(destination, data, options);
    try {
        await rename(temporary, destination.path);
    } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
    await syncFolder(path.dirname(destination.path));
}

export interface FileToWrite {
    readonly path: string;
    readonly data: string | Uint8Array;
}

export interface WriteAllOptions extends WriteOptions {
    /** Create the folders the files go in (and remove the ones created, if nothing is written). */
    readonly createFolders?: boolean;
}

/**
 * Writes several files all or nothing: every file is written beside its target before any is
 * renamed into place, and if renaming one fails, those already renamed are put back as they were
 * (a file that was there before is restored from a hard link kept until the end).
 */
export async function writeFilesAllOrNothing(files: readonly FileToWrite[], options: WriteAllOptions = {}): Promise<void> {
    const createdFolders: string[] = [];
    const temporaries: string[] = [];
    const backups: string[] = [];
    const placed: { path: string; backup?: string }[] = [];
    try {
        if (options.createFolders) {
            for (const folder of new Set(files.map(file => path.dirname(path.resolve(file.path))))) {
                const first = await mkdir(folder, { recursive: true });
                if (first) createdFolders.push(first);
            }
        }
        const destinations: { destination: Extract<Destination, { kind: 'file' }>; data: FileToWrite['data'] }[] = [];
        for (const file of files) {
            const destination = await destinationOf(file.path);
            // A device or a pipe cannot take part in a set of files written all or nothing.
            if (destination.kind !== 'file') refuse(whatItIs(await stat(destination.path)));
            destinations.push({ destination, data: file.data });
        }
        for (const { destination, data } of destinations) temporaries.push(await writeTemporary(destination, data, options));
        for (const [index, { destination }] of destinations.entries()) {
            let backup: string | undefined;
            if (destination.existing) {
                const old = temporaryBeside(destination.path, 'old');
                // A hard link keeps the old file at no cost; a copy where links are not allowed.
                await link(destination.path, old).catch(() => copyFile(destination.path, old));
                backups.push(old);
                backup = old;
            }
            const temporary = temporaries[index];
            if (temporary === undefined) throw new Error('a temporary file was not written');
            await rename(temporary, destination.path);
            temporaries[index] = '';
            placed.push({ path: destination.path, backup });
        }
    } catch (error) {
        // Put back what was placed, newest first, then remove everything this call made. (A
        // backup of a file that was not replaced is another name of it, so it is only removed.)
        for (const { path: file, backup } of placed.reverse()) {
            if (backup) await rename(backup, file).catch(() => undefined);
            else await unlink(file).catch(() => undefined);
        }
        for (const file of [...temporaries, ...backups]) if (file) await unlink(file).catch(() => undefined);
        for (const folder of createdFolders.reverse()) await removeEmptyFolders(folder);
        throw error;
    }
    for (const backup of backups) await unlink(backup).catch(() => undefined);
    for (const folder of new Set(placed.map(file => path.dirname(file.path)))) await syncFolder(folder);
}

/** Removes a folder this module created, and the empty folders it created inside it. */
async function removeEmptyFolders(folder: string): Promise<void> {
    // Folders created inside it for other files first (mkdir -p made the chain in one go).
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
        if (entry.isDirectory()) await removeEmptyFolders(path.join(folder, entry.name));
    }
    await rmdir(folder).catch(() => undefined);
}
