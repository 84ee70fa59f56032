import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { decodeAgreement, FileRefusedError, MAX_DOCUMENT_BYTES } from '@pool/language';
import { whatItIs } from './kinds.js';

/**
 * Reads only what is safe to read: a regular file (never a named pipe, which would wait for a
 * writer for ever, nor a device like `/dev/urandom`, which never ends), whose size is checked
 * before a byte of it is read. The file is opened without waiting (a pipe swapped in after the
 * check cannot block) and read no further than the limit, in case it grows meanwhile.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Uint8Array> {
    refuseUnlessRegular(await stat(file), maxBytes);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- O_NONBLOCK is undefined on Windows, whatever the types say
    const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
        const info = await handle.stat();
        refuseUnlessRegular(info, maxBytes);
        // One byte more than expected, to see the end; more only if the file grows meanwhile.
        let buffer = new Uint8Array(Math.min(maxBytes, info.size) + 1);
        let length = 0;
        for (;;) {
            if (length === buffer.length) {
                if (length > maxBytes) throw new FileRefusedError({ kind: 'too-large', bytes: length });
                const larger = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2));
                larger.set(buffer);
                buffer = larger;
            }
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0) return buffer.subarray(0, length);
            length += bytesRead;
        }
    } finally {
        await handle.close();
    }
}

/** Refuses anything but a regular file of at most `maxBytes` bytes. */
function refuseUnlessRegular(info: Stats, maxBytes: number): void {
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!info.isFile()) throw new FileRefusedError({ kind: 'not-a-file', reason: whatItIs(info) });
    if (info.size > maxBytes) throw new FileRefusedError({ kind: 'too-large', bytes: info.size });
}

/**
 * An agreement's text from disk: a regular file of at most 10 MiB of UTF-8 text. Anything else
 * throws a {@link FileRefusedError} saying why (or the system's error, for a missing file).
 */
export async function readAgreementFile(file: string): Promise<string> {
    const decoded = decodeAgreement(await readRegularFile(file, MAX_DOCUMENT_BYTES));
    if (!decoded.ok) throw new FileRefusedError({ kind: 'not-text', reason: decoded.reason });
    return decoded.text;
}
