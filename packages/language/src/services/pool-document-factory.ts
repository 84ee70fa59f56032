import {
    type AstNode,
    Cancellation,
    DefaultLangiumDocumentFactory,
    type LangiumDocument,
    type ParseResult,
    type ParserOptions,
    type TextDocument,
    type URI
} from 'langium';
import { describeFileError, type FileRefusal, FileRefusedError, MAX_DOCUMENT_BYTES, utf8Length } from '../text/agreement-file.js';
import { treeDropped } from './pool-document-builder.js';
import { reparseBlock } from './pool-incremental-parse.js';

/**
 * Documents, with the same limits wherever their text comes from. The file system provider (the
 * language server's, on disk) refuses what it will not read, with a {@link FileRefusedError}; text
 * from the editor is measured in bytes as it would be stored. A refused file becomes an empty
 * document that says why, once, in the editor and the CLI alike (`file-too-large`,
 * `unreadable-file`), instead of failing the whole build or being read into nonsense.
 */
export class PoolDocumentFactory extends DefaultLangiumDocumentFactory {
    /** What the last read of a file found, until the document made from it is parsed. */
    private readonly lastRead = new Map<string, FileRefusal | undefined>();
    /**
     * Files open in the editor whose bytes on disk are not UTF-8 text: the editor decoded them
     * somehow (replacement characters, a guessed encoding), but `pool check` refuses them, so the
     * editor does too until they are saved as UTF-8.
     */
    private readonly notTextOnDisk = new Map<string, FileRefusal>();
    /**
     * The parse of each document being updated, from its text before the edit, while it is parsed
     * again: an edit inside one declaration parses only that declaration ({@link reparseBlock}).
     */
    private readonly previous = new Map<string, ParseResult>();
    /** Whether an edit inside one declaration parses only it (off: every edit parses the whole text, as Langium does). */
    incremental = true;

    /** Records what the file of an open document is on disk; true if that changes how it is read. */
    setRefusalOnDisk(uri: URI, refusal: FileRefusal | undefined): boolean {
        const key = uri.toString();
        const before = this.notTextOnDisk.get(key);
        if (refusal) this.notTextOnDisk.set(key, refusal);
        else this.notTextOnDisk.delete(key);
        return (before === undefined) !== (refusal === undefined);
    }

    /** The document of a file that was not read (the CLI measures and reads files itself). */
    refused<T extends AstNode = AstNode>(uri: URI, refusal: FileRefusal): LangiumDocument<T> {
        this.lastRead.set(uri.toString(), refusal);
        try {
            return this.fromString<T>('', uri);
        } finally {
            this.lastRead.delete(uri.toString());
        }
    }

    override async fromUri<T extends AstNode = AstNode>(uri: URI, cancellationToken = Cancellation.CancellationToken.None): Promise<LangiumDocument<T>> {
        try {
            return await super.fromUri<T>(uri, cancellationToken);
        } finally {
            this.lastRead.delete(uri.toString());
        }
    }

    override async update<T extends AstNode = AstNode>(
        document: LangiumDocument<T>,
        cancellationToken: Cancellation.CancellationToken
    ): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        // Not a dropped tree, whose getter would parse it again.
        if (this.incremental && !treeDropped(document) && (document.parseResult as { refusal?: unknown }).refusal === undefined) {
            this.previous.set(key, document.parseResult);
        }
        try {
            const updated = await super.update(document, cancellationToken);
            // An unchanged text is not parsed again, but why the file is refused may have changed.
            if (this.lastRead.has(key)) Object.assign(updated.parseResult, { refusal: this.lastRead.get(key) });
            return updated;
        } finally {
            this.lastRead.delete(key);
            this.previous.delete(key);
        }
    }

    protected override getInitialText(uri: URI, cancellationToken: Cancellation.CancellationToken): Promise<string> {
        return this.read(uri, () => super.getInitialText(uri, cancellationToken));
    }

    protected override getUpdatedText(
        document: LangiumDocument,
        textDocument: TextDocument | undefined,
        cancellationToken: Cancellation.CancellationToken
    ): Promise<string> {
        if (textDocument) return super.getUpdatedText(document, textDocument, cancellationToken);
        return this.read(document.uri, () => super.getUpdatedText(document, textDocument, cancellationToken));
    }

    private async read(uri: URI, read: () => Promise<string>): Promise<string> {
        try {
            const text = await read();
            this.lastRead.set(uri.toString(), undefined);
            return text;
        } catch (error) {
            // Refused (too large, not text), or the system could not read it: either way the file
            // gets one error saying why, rather than failing the whole build.
            const refusal: FileRefusal = error instanceof FileRefusedError ? error.refusal : { kind: 'not-a-file', reason: describeFileError(error) };
            this.lastRead.set(uri.toString(), refusal);
            return '';
        }
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const refusal = this.refusal(uri, text);
        return refusal ? Object.assign(super.parse<T>(uri, '', options), { refusal }) : super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const refusal = this.refusal(uri, text);
        if (refusal) return Object.assign(await super.parseAsync<T>(uri, '', cancellationToken), { refusal });
        const previous = this.previous.get(uri.toString());
        this.previous.delete(uri.toString());
        const reparsed = previous ? reparseBlock(previous, text, this.serviceRegistry.getServices(uri).parser.LangiumParser) : undefined;
        return reparsed ? (reparsed as ParseResult<T>) : super.parseAsync<T>(uri, text, cancellationToken);
    }

    /** Why this text is not parsed: its file was refused when read, or it is too large as it stands. */
    private refusal(uri: URI, text: string): FileRefusal | undefined {
        const read = this.lastRead.get(uri.toString()) ?? this.notTextOnDisk.get(uri.toString());
        if (read) return read;
        // Characters first: a text of at most a quarter of the limit in characters fits in bytes.
        if (text.length * 4 <= MAX_DOCUMENT_BYTES) return undefined;
        const bytes = utf8Length(text);
        return bytes > MAX_DOCUMENT_BYTES ? { kind: 'too-large', bytes } : undefined;
    }
}
