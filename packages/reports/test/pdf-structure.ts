import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

/** An element of a PDF's structure tree as poppler reads it: its type, attributes and the text under it. */
export interface StructElement {
    readonly type: string;
    readonly depth: number;
    readonly attributes: string;
    readonly text: string;
}

/**
 * The structure tree of a tagged PDF, element by element in reading order, from
 * `pdfinfo -struct-text`: each element's text is all the text of the content marked under it.
 */
export function structureOf(file: string): StructElement[] {
    return parseStructure(execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' }));
}

/**
 * `structureOf` in a process of its own, while this one goes on: poppler reads the text of each
 * marked element by going through its page again, seconds for a long report, which a test can
 * spend laying out the next PDF.
 */
export async function readStructure(file: string): Promise<StructElement[]> {
    return parseStructure(await poppler('pdfinfo', ['-struct-text', file]));
}

/**
 * A poppler tool run in a process of its own while this one goes on (laying out the next PDF), for
 * its standard output. Started before it is awaited, so a failure is kept for the test that awaits
 * it rather than reported as unhandled in the meantime.
 */
export function poppler(command: string, args: readonly string[]): Promise<string> {
    const output = promisify(execFile)(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => stdout);
    output.catch(() => undefined);
    return output;
}

function parseStructure(output: string): StructElement[] {
    const lines = output.split('\n');
    const elements: { type: string; depth: number; attributes: string[]; text: string[] }[] = [];
    const open: (typeof elements)[number][] = [];
    for (const line of lines) {
        const depth = line.length - line.trimStart().length;
        const trimmed = line.trim();
        if (trimmed === '') continue;
        const quoted = /^"(.*)"$/.exec(trimmed);
        if (quoted) {
            for (const element of open) element.text.push(quoted[1]);
            continue;
        }
        if (trimmed.startsWith('/')) {
            open.at(-1)?.attributes.push(trimmed);
            continue;
        }
        const type = /^([A-Za-z0-9]+)/.exec(trimmed)?.[1];
        if (!type) continue;
        while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop();
        const element = { type, depth, attributes: [], text: [] };
        elements.push(element);
        open.push(element);
    }
    return elements.map(element => ({ ...element, attributes: element.attributes.join(' '), text: element.text.join(' ') }));
}

/** The alternative text of each Figure element of a PDF written by pdfkit (its object dictionaries are not compressed). */
export function figureAlternatives(file: string): string[] {
    const raw = readFileSync(file).toString('latin1');
    const alternatives: string[] = [];
    for (const match of raw.matchAll(/\/S \/Figure\s*\/Alt (\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)/g)) alternatives.push(pdfString(match[1]));
    return alternatives;
}

/** A PDF string object's text: a literal `(…)` with backslash escapes, or hex `<…>`; UTF-16BE with a byte-order mark, or PDFDocEncoding (Latin-1 here). */
function pdfString(token: string): string {
    let bytes: number[];
    if (token.startsWith('<')) {
        const hex = token.slice(1, -1).replace(/\s+/g, '');
        bytes = [];
        for (let index = 0; index < hex.length; index += 2) bytes.push(parseInt(hex.slice(index, index + 2).padEnd(2, '0'), 16));
    } else {
        const body = token.slice(1, -1);
        bytes = [];
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        for (let index = 0; index < body.length; index++) {
            const char = body[index];
            if (char !== '\\') {
                bytes.push(char.charCodeAt(0));
                continue;
            }
            const next = body[++index];
            const octal = /^[0-7]{1,3}/.exec(body.slice(index))?.[0];
            if (octal) {
                bytes.push(parseInt(octal, 8));
                index += octal.length - 1;
            } else bytes.push(escapes[next] ?? next.charCodeAt(0));
        }
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
    return Buffer.from(bytes).toString('latin1');
}
