import { readFile } from 'node:fs/promises';
import { createPoolServices } from '@pool/language/editor';
import { EmptyFileSystem, URI } from 'langium';
import { median } from './measure.js';

/** CPU time used by this process so far, in milliseconds. */
function cpuNow(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/**
 * Medians of the stages of checking one file inside one process, without process start-up, in CPU
 * time (user + system) so that other work on a shared machine does not inflate them.
 */
export interface InProcessTimes {
    /** Tokenising alone: the floor any checker of this text pays. */
    readonly lexerMs: number;
    /** Lexing and parsing into a syntax tree. */
    readonly parseMs: number;
    /** Parse, link, build the model and run every check, as `pool check` does for one file. */
    readonly checkMs: number;
    readonly tokens: number;
    /** Diagnostics of the full check (the workload is meant to be clean: 0). */
    readonly diagnostics: number;
}

/** Times the lexer, the parser and the full check over `file`, `runs` times each after a warm-up. */
export async function timeInProcess(file: string, runs: number): Promise<InProcessTimes> {
    const text = await readFile(file, 'utf8');
    const { Pool } = createPoolServices(EmptyFileSystem);
    const lexer = Pool.parser.Lexer;
    const parser = Pool.parser.LangiumParser;
    let tokens = 0;
    const lexerTimes: number[] = [];
    const parseTimes: number[] = [];
    for (let i = 0; i <= runs; i++) {
        const started = cpuNow();
        tokens = lexer.tokenize(text).tokens.length;
        if (i > 0) lexerTimes.push(cpuNow() - started);
    }
    for (let i = 0; i <= runs; i++) {
        const started = cpuNow();
        parser.parse(text);
        if (i > 0) parseTimes.push(cpuNow() - started);
    }
    const checkTimes: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i <= runs; i++) {
        // Fresh services each time, so nothing is cached from the previous run.
        const { shared } = createPoolServices(EmptyFileSystem);
        const started = cpuNow();
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        if (i > 0) checkTimes.push(cpuNow() - started);
        diagnostics = document.diagnostics?.length ?? 0;
    }
    return { lexerMs: median(lexerTimes), parseMs: median(parseTimes), checkMs: median(checkTimes), tokens, diagnostics };
}
