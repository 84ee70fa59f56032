import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AgreementFigures, type AgreementShape, drawAgreement, makePartners, renderPartners, renderPoolAgreement } from './agreement.js';
import { renderBeancount, renderHledger } from './ledgers.js';
import { SeededRandom } from './random.js';

/** The sizes of every workload; `full` is the benchmark, `smoke` the small version CI runs. */
export interface WorkloadSizes {
    readonly w1: AgreementShape;
    readonly w2: { readonly files: number; readonly registerPartners: number; readonly partnersPerFile: number; readonly shape: AgreementShape };
    readonly w3: readonly { readonly name: string; readonly shape: AgreementShape }[];
}

export const FULL_SIZES: WorkloadSizes = {
    // About 20,000 lines: 100 partners × 20 pools × 5 years = 10,000 contributions, 2,000 spend lines, 500 outcomes.
    w1: { partners: 100, pools: 20, years: 5, spendPerYear: 20, outcomes: 500, firstYear: 2020 },
    // 1,000 files of about 200 lines, all importing one register of 300 partners.
    w2: {
        files: 1_000,
        registerPartners: 300,
        partnersPerFile: 10,
        shape: { partners: 10, pools: 2, years: 3, spendPerYear: 6, outcomes: 4, firstYear: 2021 }
    },
    w3: [
        { name: 'w3-500', shape: { partners: 10, pools: 4, years: 3, spendPerYear: 6, outcomes: 14, firstYear: 2022 } },
        { name: 'w3-2000', shape: { partners: 30, pools: 8, years: 4, spendPerYear: 10, outcomes: 24, firstYear: 2022 } }
    ]
};

export const SMOKE_SIZES: WorkloadSizes = {
    w1: { partners: 10, pools: 3, years: 2, spendPerYear: 4, outcomes: 10, firstYear: 2020 },
    w2: { files: 12, registerPartners: 30, partnersPerFile: 5, shape: { partners: 5, pools: 1, years: 2, spendPerYear: 3, outcomes: 2, firstYear: 2021 } },
    w3: [
        { name: 'w3-500', shape: { partners: 4, pools: 1, years: 2, spendPerYear: 3, outcomes: 3, firstYear: 2022 } },
        { name: 'w3-2000', shape: { partners: 6, pools: 2, years: 2, spendPerYear: 3, outcomes: 5, firstYear: 2022 } }
    ]
};

/** W0: a whole agreement in seven lines (the last line ends the file). */
const W0_TEXT = [
    '// The smallest workload: what every check pays before it reads a line.',
    'agreement "Small agreement (W0)" {',
    '    period 2024/25 to 2024/25',
    '    host c',
    '}',
    '',
    'partner c "Small Borough Council" council'
].join('\n');

/** Where each generated workload was written. */
export interface WorkloadFiles {
    readonly root: string;
    readonly seed: number;
    /** W0: the smallest agreement (7 lines), for what every check pays before its first line. */
    readonly w0: string;
    /** W1: the agreement and its equivalent ledgers, each in W1's folder. */
    readonly w1: { readonly dir: string; readonly pool: string; readonly hledger: string; readonly beancount: string; readonly figures: AgreementFigures };
    /** W2: the folder (a workspace), the shared register and the agreements. */
    readonly w2: { readonly dir: string; readonly register: string; readonly agreements: readonly string[] };
    /** W3: each typical file in a folder of its own. */
    readonly w3: readonly { readonly name: string; readonly dir: string; readonly pool: string }[];
    /** Lines of each generated Pool file, by path relative to `root` (W2: total and per file). */
    readonly lines: Record<string, number>;
}

function countLines(text: string): number {
    return text.split('\n').length;
}

/**
 * Writes every workload under `root` (emptied first), deterministically from `seed`: the same seed
 * and sizes give byte-identical files.
 */
export async function writeWorkloads(root: string, seed: number, sizes: WorkloadSizes): Promise<WorkloadFiles> {
    await rm(root, { recursive: true, force: true });
    const lines: Record<string, number> = {};
    const write = async (file: string, text: string): Promise<void> => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
    };

    // W0: the same seven lines whatever the seed.
    const w0 = path.join(root, 'w0', 'w0.pool');
    await write(w0, W0_TEXT);
    lines['w0/w0.pool'] = countLines(W0_TEXT);

    // W1: one large agreement, and the same money as ledgers.
    const w1Random = new SeededRandom(seed);
    const w1Dir = path.join(root, 'w1');
    const w1Figures = drawAgreement(w1Random, 'Regional programme agreement (W1)', sizes.w1, makePartners('p', sizes.w1.partners));
    const w1Text = renderPoolAgreement(w1Random, w1Figures, { declarePartners: true });
    const w1 = {
        dir: w1Dir,
        pool: path.join(w1Dir, 'w1.pool'),
        hledger: path.join(w1Dir, 'w1.journal'),
        beancount: path.join(w1Dir, 'w1.beancount'),
        figures: w1Figures
    };
    await write(w1.pool, w1Text);
    await write(w1.hledger, renderHledger(w1Figures));
    await write(w1.beancount, renderBeancount(w1Figures));
    lines['w1/w1.pool'] = countLines(w1Text);

    // W2: a workspace of agreements sharing one register.
    const w2Random = new SeededRandom(seed + 2);
    const w2Dir = path.join(root, 'w2');
    const registerPartners = makePartners('r', sizes.w2.registerPartners);
    const register = path.join(w2Dir, 'registers', 'partners.pool');
    const registerText = ['// The shared register of partners every W2 agreement imports.', ...renderPartners(registerPartners)].join('\n');
    await write(register, registerText);
    lines['w2/registers/partners.pool'] = countLines(registerText);
    const agreements: string[] = [];
    let w2Lines = 0;
    const fileWidth = Math.max(4, String(sizes.w2.files).length);
    for (let i = 1; i <= sizes.w2.files; i++) {
        const number = String(i).padStart(fileWidth, '0');
        const partners = w2Random.sample(registerPartners, sizes.w2.partnersPerFile);
        const figures = drawAgreement(w2Random, `Neighbourhood agreement ${number} (W2)`, sizes.w2.shape, partners);
        const text = renderPoolAgreement(w2Random, figures, { declarePartners: false, imports: ['../registers/partners.pool'] });
        const file = path.join(w2Dir, 'agreements', `a${number}.pool`);
        await write(file, text);
        agreements.push(file);
        w2Lines += countLines(text);
    }
    lines['w2/agreements (mean per file)'] = Math.round(w2Lines / sizes.w2.files);

    // W3: typical single files.
    const w3: { name: string; dir: string; pool: string }[] = [];
    for (const [i, entry] of sizes.w3.entries()) {
        const random = new SeededRandom(seed + 3 + i);
        const figures = drawAgreement(random, `Typical agreement (${entry.name})`, entry.shape, makePartners('t', entry.shape.partners));
        const text = renderPoolAgreement(random, figures, { declarePartners: true });
        const dir = path.join(root, entry.name);
        const pool = path.join(dir, `${entry.name}.pool`);
        await write(pool, text);
        w3.push({ name: entry.name, dir, pool });
        lines[`${entry.name}/${entry.name}.pool`] = countLines(text);
    }
    return { root, seed, w0, w1, w2: { dir: w2Dir, register, agreements }, w3, lines };
}
