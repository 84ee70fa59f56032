import { statSync } from 'node:fs';
import { decodeAgreement, FileRefusedError, MAX_DOCUMENT_BYTES } from '@pool/language';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { whatItIs } from './kinds.js';
import { readAgreementFile, readRegularFile } from './read.js';

/**
 * Langium's file system on disk, reading as the CLI does: only regular files, measured before
 * they are read, of at most 10 MiB of UTF-8 text. What it refuses, it refuses with a
 * {@link FileRefusedError}, which the document factory turns into a document that says why
 * (`file-too-large`, `unreadable-file`): so the language server and `pool check` agree on every
 * file, a Latin-1 one included.
 */
export class SafeNodeFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        return readAgreementFile(uri.fsPath);
    }

    override readBinary(uri: URI): Promise<Uint8Array> {
        return readRegularFile(uri.fsPath, MAX_DOCUMENT_BYTES);
    }

    override readFileSync(uri: URI): string {
        const info = statSync(uri.fsPath);
        if (!info.isFile()) throw new FileRefusedError({ kind: 'not-a-file', reason: whatItIs(info) });
        if (info.size > MAX_DOCUMENT_BYTES) throw new FileRefusedError({ kind: 'too-large', bytes: info.size });
        const decoded = decodeAgreement(super.readBinarySync(uri));
        if (!decoded.ok) throw new FileRefusedError({ kind: 'not-text', reason: decoded.reason });
        return decoded.text;
    }
}

/** The services' file system for Node, as `langium/node`'s `NodeFileSystem` but safe. */
export const SafeNodeFileSystem = {
    fileSystemProvider: () => new SafeNodeFileSystemProvider()
};
