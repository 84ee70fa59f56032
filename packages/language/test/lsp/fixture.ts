import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { replaceIndices } from 'langium/test';
import type { Position, Range } from 'vscode-languageserver-types';
import { expect } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { createPoolServices, type PoolServices } from '../../src/services/pool-module.js';

/**
 * Editor features are tested as data, rust-analyzer style: each case is a text file under
 * test/fixtures/<feature>/ holding one or more files and the expected result, and one small driver
 * per feature reads them all. Adding a case is adding a file.
 *
 *     // What the case shows (comment lines before the first section).
 *     //- main.pool
 *     text with a <|> cursor, or <|ranges|> marked
 *     //- registers/partners.pool
 *     another file of the same workspace
 *     //- options
 *     newName: dwp
 *     //- expect
 *     what the feature should give
 *
 * Sections named like files (`*.pool`) are the workspace; the one with a `<|>` cursor (or else the
 * first) is the file the feature is asked about. Markers are those of `langium/test`: `<|>` a
 * position, `<|…|>` a range.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const WORKSPACE = 'file:///workspace/';

export interface Fixture {
    readonly name: string;
    readonly description: string;
    /** The files, text as written in the fixture (markers included), by relative path. */
    readonly files: ReadonlyMap<string, string>;
    /** The file the feature is asked about. */
    readonly main: string;
    /** Every other section by name (`expect`, `options`, `after registers/x.pool`, …). */
    readonly sections: ReadonlyMap<string, string>;
    readonly options: ReadonlyMap<string, string>;
}

export function readFixtures(feature: string): Fixture[] {
    const folder = path.join(FIXTURES, feature);
    return readdirSync(folder)
        .filter(file => file.endsWith('.txt'))
        .sort()
        .map(file => parseFixture(file.replace(/\.txt$/, ''), readFileSync(path.join(folder, file), 'utf8')));
}

function parseFixture(name: string, text: string): Fixture {
    const parts = text.replace(/\r\n/g, '\n').split(/^\/\/- (.+)\n/m);
    const description = parts[0]
        .split('\n')
        .map(line => line.replace(/^\/\/ ?/, ''))
        .join(' ')
        .trim();
    const files = new Map<string, string>();
    const sections = new Map<string, string>();
    for (let i = 1; i < parts.length; i += 2) {
        const header = parts[i].trim();
        // A section's text ends with the newline before the next header; that newline belongs to it.
        const body = parts[i + 1] ?? '';
        if (header.endsWith('.pool') && !header.includes(' ')) files.set(header, body);
        else sections.set(header, body);
    }
    if (files.size === 0) throw new Error(`fixture ${name} has no .pool section`);
    const main = [...files].find(([, body]) => body.includes('<|>'))?.[0] ?? [...files.keys()][0];
    const options = new Map<string, string>();
    for (const line of (sections.get('options') ?? '').split('\n')) {
        const match = /^\s*([\w.]+):\s*(.*?)\s*$/.exec(line);
        if (match) options.set(match[1], match[2]);
    }
    return { name, description, files, main, sections, options };
}

export function uriOf(file: string): string {
    return URI.parse(`${WORKSPACE}${file}`).toString();
}

export function fileOf(uri: string): string {
    return uri.startsWith(WORKSPACE) ? uri.slice(WORKSPACE.length) : uri;
}

/** A file's text without markers, with the positions and ranges they marked. */
interface MarkedFile {
    readonly text: string;
    readonly cursors: number[];
    readonly ranges: [number, number][];
}

function unmark(text: string): MarkedFile {
    const { output, indices, ranges } = replaceIndices({ text });
    return { text: output, cursors: indices, ranges };
}

export function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

export function rangeOf(text: string, [start, end]: [number, number]): Range {
    return { start: positionAt(text, start), end: positionAt(text, end) };
}

export interface LoadedFixture {
    readonly services: PoolServices;
    readonly documents: ReadonlyMap<string, LangiumDocument<Document>>;
    readonly marked: ReadonlyMap<string, MarkedFile>;
    readonly main: LangiumDocument<Document>;
}

/**
 * Loads every file of a fixture (markers removed) into a fresh workspace and builds it with
 * validation, as the language server does at start. `except` leaves files out, for a helper of
 * `langium/test` that parses the main file itself.
 */
export async function loadFixture(fixture: Fixture, except: readonly string[] = []): Promise<LoadedFixture> {
    const { shared, Pool } = createPoolServices(EmptyFileSystem);
    const documents = new Map<string, LangiumDocument<Document>>();
    const marked = new Map<string, MarkedFile>();
    for (const [file, text] of fixture.files) {
        marked.set(file, unmark(text));
        if (except.includes(file)) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(marked.get(file)!.text, URI.parse(uriOf(file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return { services: Pool, documents, marked, main: documents.get(fixture.main)! };
}

/** The expected result: the `expect` section, without the newline that ends it. */
export function expected(fixture: Fixture, section = 'expect'): string {
    const body = fixture.sections.get(section);
    if (body === undefined) throw new Error(`fixture ${fixture.name} has no "${section}" section`);
    return body.replace(/\n$/, '');
}

/** Sets the client's `pool` settings, as `workspace/didChangeConfiguration` would. */
export function configure(services: PoolServices, settings: Record<string, unknown>): void {
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { pool: settings } });
}

/** Starts the services as a client would, with its `initializationOptions`. */
export async function initialize(services: PoolServices, initializationOptions: Record<string, unknown>): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams still requires rootUri; null says there is none.
    await services.shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {}, initializationOptions });
}

/**
 * A check from langium/test (expectCompletion, expectHover, …), which asserts with node:assert,
 * counted as this test's expectation: it passes when the check finishes without a failure.
 */
export async function passes(check: unknown): Promise<void> {
    await expect(Promise.resolve(check).then(() => 'passed')).resolves.toBe('passed');
}
