import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, type ClientFileStat } from './protocol.js';

/**
 * The file system of a language server that has no file system of its own (a browser worker): every
 * read is a request to the client, which answers from the editor's file system (`vscode.workspace.fs`
 * in VS Code for the Web, the page's storage in the playground). So imports resolve exactly as the
 * editor sees the files, never through Node.
 *
 * Langium and the import graph also ask synchronous questions (`statSync`); those are answered from
 * what the client last told us about that path, and a path never seen counts as missing.
 */
export class ClientFileSystemProvider implements FileSystemProvider {
    private readonly known = new Map<string, { stat: ClientFileStat; text?: string }>();

    constructor(private readonly connection: Connection) {}

    /** Forgets what was read from these paths, so the next read asks the client again. */
    forget(uris: Iterable<string>): void {
        for (const uri of uris) this.known.delete(URI.parse(uri).toString());
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const stat = await this.connection.sendRequest(StatRequest, { uri: uri.toString() });
        this.remember(uri, stat ?? undefined);
        if (!stat) throw notFound(uri);
        return { uri, ...stat };
    }

    statSync(uri: URI): FileSystemNode {
        const entry = this.known.get(uri.toString());
        if (!entry) throw notFound(uri);
        return { uri, ...entry.stat };
    }

    async exists(uri: URI): Promise<boolean> {
        return this.stat(uri).then(
            () => true,
            () => false
        );
    }

    existsSync(uri: URI): boolean {
        return this.known.has(uri.toString());
    }

    async readFile(uri: URI): Promise<string> {
        const answer = await this.connection.sendRequest(ReadFileRequest, { uri: uri.toString() });
        if (answer === null) {
            this.remember(uri, undefined);
            throw notFound(uri);
        }
        this.known.set(uri.toString(), { stat: { isFile: true, isDirectory: false }, text: answer.text });
        return answer.text;
    }

    readFileSync(uri: URI): string {
        const text = this.known.get(uri.toString())?.text;
        if (text === undefined) throw notFound(uri);
        return text;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection.sendRequest(ReadDirectoryRequest, { uri: uri.toString() });
        if (entries === null) {
            this.remember(uri, undefined);
            throw notFound(uri);
        }
        this.remember(uri, { isFile: false, isDirectory: true });
        return entries.map(entry => {
            const child = URI.parse(entry.uri);
            this.remember(child, { isFile: entry.isFile, isDirectory: entry.isDirectory });
            return { uri: child, isFile: entry.isFile, isDirectory: entry.isDirectory };
        });
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.toString().replace(/\/?$/, '/');
        return [...this.known.entries()]
            .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
            .map(([key, entry]) => ({ uri: URI.parse(key), ...entry.stat }));
    }

    private remember(uri: URI, stat: ClientFileStat | undefined): void {
        const key = uri.toString();
        if (!stat) {
            this.known.delete(key);
        } else if (this.known.get(key)?.stat.isFile !== stat.isFile) {
            this.known.set(key, { stat });
        }
    }
}

function notFound(uri: URI): Error {
    return Object.assign(new Error(`No file at ${uri.toString()}`), { code: 'ENOENT' });
}
