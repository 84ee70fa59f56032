import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
    /** File mode for a new file; an existing file keeps its own mode. */
    readonly mode?: number;
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the data goes to a temporary file beside the target, is flushed to disk, then renamed over
 * the target. If anything fails, the temporary file is removed and the target is left as it was.
 *
 * A symbolic link is followed, so the file it points to is replaced and the link stays a link.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
    const resolved = await realpath(target).catch(() => path.resolve(target));
    const existingMode = await stat(resolved).then(
        info => info.mode & 0o7777,
        () => undefined
    );
    const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let handle;
    try {
        handle = await open(temporary, 'wx', existingMode ?? options.mode ?? 0o666);
        await handle.writeFile(data);
        if (existingMode !== undefined) await handle.chmod(existingMode);
        await handle.sync();
        await handle.close();
        handle = undefined;
        await rename(temporary, resolved);
    } catch (error) {
        await handle?.close().catch(() => undefined);
        await unlink(temporary).catch(() => undefined);
        throw error;
    }
}
