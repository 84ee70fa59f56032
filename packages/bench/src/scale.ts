import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { drawAgreement, makePartners, renderPoolAgreement } from './agreement.js';
import { SeededRandom } from './random.js';

/**
 * The scale workloads: inputs far past what an agreement needs, where anything quadratic shows.
 * Before the parser, formatter and index were made linear, `pool fmt` of W4 took 114 s and 2.6 GB
 * and `pool check` of W5 took 77 s.
 */
export interface ScaleSizes {
    /** W4: lines of the untidy agreement `pool fmt` formats. */
    readonly fmtLines: number;
    /** W5: bytes of the register of partners `pool check` reads (under the 10 MiB file limit). */
    readonly registerBytes: number;
}

export const FULL_SCALE: ScaleSizes = { fmtLines: 120_000, registerBytes: Math.round(9.8 * 1024 * 1024) };
export const SMOKE_SCALE: ScaleSizes = { fmtLines: 2_000, registerBytes: 100 * 1024 };

/** The comment every contribution of W4 carries, which formatting keeps. */
export const UNTIDY_COMMENT = '// as agreed';

/**
 * W4: an agreement of exactly `lines` lines (and a final newline) as the benchmark draws them
 * (contributions, spend lines, outcomes, shares), written untidily, so that `pool fmt` rewrites it:
 * amounts without commas, a comment at the end of every contribution (a long run of comment lines
 * in tables was quadratic to parse), and a register of partners as one long table to make up the
 * lines. Deterministic: the same `lines` give the same text.
 */
export function untidyAgreement(lines: number): string {
    const shape =
        lines >= 20_000
            ? { partners: 100, pools: 130, years: 5, spendPerYear: 20, outcomes: 1_500, firstYear: 2020 }
            : { partners: 10, pools: 2, years: 2, spendPerYear: 4, outcomes: 10, firstYear: 2020 };
    const random = new SeededRandom(7);
    const text = renderPoolAgreement(random, drawAgreement(random, 'Scale', shape, makePartners('p', shape.partners)), { declarePartners: true });
    const out = text
        .trimEnd()
        .split('\n')
        .map(line => (/^\s+p\d+\s+£/.test(line) ? `${line.replace(/,/g, '')}   ${UNTIDY_COMMENT}` : line));
    if (out.length > lines) throw new Error(`an untidy agreement needs at least ${out.length} lines`);
    for (let i = 0; out.length < lines; i++) out.push(`partner r${i}   "Register partner ${i}"  council`);
    return `${out.join('\n')}\n`;
}

/** W5: a register of partners of at least `bytes` bytes (ASCII, so bytes are characters), one declaration a line. */
export function largeRegister(bytes: number): string {
    const partners: string[] = [];
    for (let size = 0, i = 0; size < bytes; i++) {
        const line = `partner p${i} "Partner number ${i} of the register" council\n`;
        partners.push(line);
        size += line.length;
    }
    return partners.join('');
}

/** Where the scale workloads were written, with their sizes. */
export interface ScaleFiles {
    /** W4's untidy text: each `pool fmt` run starts from a fresh copy of it. */
    readonly untidy: string;
    readonly fmt: string;
    readonly register: string;
    readonly fmtLines: number;
    readonly registerBytes: number;
    readonly registerLines: number;
}

/** Writes W4 and W5 under `root` (each in a folder of its own, so a workspace search finds nothing else). */
export async function writeScaleWorkloads(root: string, sizes: ScaleSizes): Promise<ScaleFiles> {
    const untidy = untidyAgreement(sizes.fmtLines);
    const register = largeRegister(sizes.registerBytes);
    const fmt = path.join(root, 'w4', 'w4.pool');
    const registerFile = path.join(root, 'w5', 'register.pool');
    await mkdir(path.dirname(fmt), { recursive: true });
    await mkdir(path.dirname(registerFile), { recursive: true });
    await writeFile(fmt, untidy);
    await writeFile(registerFile, register);
    return {
        untidy,
        fmt,
        register: registerFile,
        fmtLines: sizes.fmtLines,
        registerBytes: Buffer.byteLength(register),
        registerLines: register.split('\n').length - 1
    };
}
