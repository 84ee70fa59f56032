import { type AstNode, type Cancellation, DefaultLangiumDocumentFactory, type ParseResult, type ParserOptions, type URI } from 'langium';
import type { Document } from '../generated/ast.js';

/**
 * The largest agreement Pool reads, in characters (10 MiB of ASCII). Real agreements are a few
 * hundred kilobytes; past this, checking would take tens of seconds and gigabytes, so the file is
 * refused with one clear diagnostic instead, in the editor and the CLI alike.
 */
export const MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;

/** A parse result for a file too large to read: empty, with the size recorded for the validator. */
export interface TooLargeParseResult extends ParseResult<Document> {
    readonly tooLargeChars?: number;
}

export class PoolDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return text.length > MAX_DOCUMENT_CHARS ? tooLarge(super.parse<T>(uri, '', options), text.length) : super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return text.length > MAX_DOCUMENT_CHARS
            ? tooLarge(await super.parseAsync<T>(uri, '', cancellationToken), text.length)
            : super.parseAsync<T>(uri, text, cancellationToken);
    }
}

function tooLarge<T extends AstNode>(empty: ParseResult<T>, chars: number): ParseResult<T> {
    return Object.assign(empty, { tooLargeChars: chars });
}
