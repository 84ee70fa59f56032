import { yearLabel } from '../money/financial-year.js';
import type { ContributionInfo, DeclaredTotal, PoolInfo, SavingsLineInfo, SpendLineInfo, StreamInfo } from '../model/types.js';
import { type ChangeList, moneyValues, pairs } from './changes.js';

const NUL = '\u0000';

/** Pools: added, removed, renamed, their arrangement, legal basis and declared totals, then what is in them. */
export function diffPools(list: ChangeList): void {
    const { before, after } = list;
    for (const [id, old, next] of pairs(before.pools, after.pools, pool => pool.id)) {
        const input = { topic: 'pool' as const, key: id, beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.pool.added', {
                title: next.title,
                id,
                arrangement: arrangement(list, next),
                amount: list.money(next.income)
            });
        } else if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.pool.removed', {
                title: old.title,
                id,
                arrangement: arrangement(list, old),
                amount: list.money(old.income)
            });
        } else if (old && next) {
            if (old.title !== next.title)
                list.add({ ...input, field: 'title', before: old.title, after: next.title }, 'diff.pool.renamed', { id, before: old.title, after: next.title });
            if (old.arrangement !== next.arrangement) {
                list.add({ ...input, field: 'arrangement', before: old.arrangement, after: next.arrangement }, 'diff.pool.arrangement-changed', {
                    title: next.title,
                    id,
                    before: arrangement(list, old),
                    after: arrangement(list, next)
                });
            }
            if (basisCode(old) !== basisCode(next)) {
                list.add({ ...input, field: 'basis', before: basisCode(old), after: basisCode(next) }, 'diff.pool.basis-changed', {
                    title: next.title,
                    id,
                    before: basis(list, old),
                    after: basis(list, next)
                });
            }
        }
        diffContributions(list, id, old?.contributions ?? [], next?.contributions ?? []);
        const years = [...new Set([...(old?.years.keys() ?? []), ...(next?.years.keys() ?? [])])].sort((a, b) => a - b);
        for (const year of years) {
            diffDeclaredTotals(list, id, old?.years.get(year)?.declaredTotals ?? [], next?.years.get(year)?.declaredTotals ?? [], year);
        }
        diffDeclaredTotals(list, id, old?.declaredTotals ?? [], next?.declaredTotals ?? [], undefined);
        diffMinimums(list, id, old, next);
        diffRingfences(list, id, old, next);
        diffStreams(list, id, old, next);
        diffPurposes(list, id, old, next);
        diffContents(list, id, old, next);
    }
    // Spend lines of every pool, and of pools no declaration names (their blocks are still text that changed).
    const spendLines = (model: typeof before) => [...model.pools.flatMap(pool => pool.spendBlocks), ...model.spendBlocks].flatMap(block => block.lines);
    diffSpendLines(list, spendLines(before), spendLines(after));
    diffSavings(list);
}

function arrangement(list: ChangeList, pool: PoolInfo): string {
    return pool.arrangement === undefined ? list.word('word.unknown', {}) : list.word(`word.arrangement.${pool.arrangement}`, {});
}

function basisCode(pool: PoolInfo): string | undefined {
    return pool.section !== undefined ? `section ${pool.section}` : pool.basisText;
}

function basis(list: ChangeList, pool: PoolInfo): string {
    if (pool.section !== undefined) return list.word('diff.basis.section', { section: pool.section });
    if (pool.basisText !== undefined) return list.word('diff.basis.text', { text: pool.basisText });
    return list.word('diff.basis.none', {});
}

function diffDeclaredTotals(
    list: ChangeList,
    poolId: string,
    before: readonly DeclaredTotal[],
    after: readonly DeclaredTotal[],
    year: number | undefined
): void {
    const count = Math.max(before.length, after.length);
    const pool = list.pool(poolId);
    for (let index = 0; index < count; index++) {
        const old = before[index];
        const next = after[index];
        const a = old?.amount.pence;
        const b = next?.amount.pence;
        if (old && next && a === b) continue;
        const key = [poolId, year === undefined ? 'all' : list.year(year), index].join(NUL);
        const input = {
            topic: 'declared-total' as const,
            key,
            field: old && next ? 'amount' : next ? 'added' : 'removed',
            ...moneyValues(a, b),
            beforeNode: old?.node,
            afterNode: next?.node
        };
        if (old && next) {
            const params = { pool, before: list.money(a), after: list.money(b), difference: list.difference(a, b) };
            if (year === undefined) list.add(input, 'diff.total.all-years.changed', params);
            else list.add(input, 'diff.total.year.changed', { ...params, year: list.year(year) });
        } else {
            const amount = list.money(next ? b : a);
            if (year === undefined) list.add(input, next ? 'diff.total.all-years.added' : 'diff.total.all-years.removed', { pool, amount });
            else list.add(input, next ? 'diff.total.year.added' : 'diff.total.year.removed', { pool, amount, year: list.year(year) });
        }
    }
}

const yearKey = (year: number | undefined, written: string | undefined) => (year === undefined ? (written ?? '') : yearLabel(year));
const contributionKey = (line: ContributionInfo) => [yearKey(line.year, line.node.$container.year), line.partnerId, line.occurrence].join(NUL);

function diffContributions(list: ChangeList, poolId: string, before: readonly ContributionInfo[], after: readonly ContributionInfo[]): void {
    const pool = list.pool(poolId);
    for (const [key, old, next, line] of pairs(before, after, contributionKey)) {
        const where = { pool, partner: list.partner(line.partnerId), year: list.year(line.year, line.node.$container.year) };
        const a = old?.amount.pence;
        const b = next?.amount.pence;
        const input = { topic: 'contribution' as const, key: [poolId, key].join(NUL), beforeNode: old?.node, afterNode: next?.node };
        if (!old) {
            list.add({ ...input, field: 'added', ...moneyValues(undefined, b) }, 'diff.contribution.new', { ...where, amount: list.money(b) });
        } else if (!next) {
            list.add({ ...input, field: 'removed', ...moneyValues(a, undefined) }, 'diff.contribution.stopped', { ...where, amount: list.money(a) });
        } else {
            if (a !== b) {
                list.add({ ...input, field: 'amount', ...moneyValues(a, b) }, 'diff.contribution.changed', {
                    ...where,
                    before: list.money(a),
                    after: list.money(b),
                    difference: list.difference(a, b)
                });
            }
            diffNote(list, { ...input, field: 'note' }, old.note, next.note, where);
            if (old.streamId !== next.streamId) {
                const stream = (id: string | undefined) => (id === undefined ? list.none() : id);
                list.add({ ...input, field: 'stream', before: old.streamId, after: next.streamId }, 'diff.contribution.stream', {
                    ...where,
                    before: stream(old.streamId),
                    after: stream(next.streamId)
                });
            }
            if (old.money !== next.money) {
                const kind = (value: typeof old.money) => (value === undefined ? list.word('diff.money.unmarked', {}) : list.word(`diff.money.${value}`, {}));
                list.add({ ...input, field: 'money', before: old.money, after: next.money }, 'diff.contribution.money', {
                    ...where,
                    before: kind(old.money),
                    after: kind(next.money)
                });
            }
        }
    }
}

function diffNote(
    list: ChangeList,
    input: Parameters<ChangeList['add']>[0],
    before: string | undefined,
    after: string | undefined,
    where: { pool: string; partner: string; year: string }
): void {
    if (before === after) return;
    const values = { ...input, before, after };
    if (before !== undefined && after !== undefined) list.add(values, 'diff.contribution.note-changed', { ...where, before, after });
    else if (after !== undefined) list.add(values, 'diff.contribution.note-added', { ...where, note: after });
    else if (before !== undefined) list.add(values, 'diff.contribution.note-removed', { ...where, note: before });
}

function diffMinimums(list: ChangeList, poolId: string, before: PoolInfo | undefined, after: PoolInfo | undefined): void {
    const pool = list.pool(poolId);
    const key = (minimum: PoolInfo['minimums'][number]) => [minimum.partnerId, yearKey(minimum.year.start, minimum.year.parsed.text)].join(NUL);
    for (const [k, old, next, minimum] of pairs(before?.minimums ?? [], after?.minimums ?? [], key)) {
        const where = { pool, partner: list.partner(minimum.partnerId), year: list.year(minimum.year.start, minimum.year.parsed.text) };
        const a = old?.amount.pence;
        const b = next?.amount.pence;
        const input = { topic: 'minimum' as const, key: [poolId, k].join(NUL), beforeNode: old?.node, afterNode: next?.node, ...moneyValues(a, b) };
        if (!old) list.add({ ...input, field: 'added' }, 'diff.minimum.added', { ...where, amount: list.money(b) });
        else if (!next) list.add({ ...input, field: 'removed' }, 'diff.minimum.removed', { ...where, amount: list.money(a) });
        else if (a !== b) {
            list.add({ ...input, field: 'amount' }, 'diff.minimum.changed', {
                ...where,
                before: list.money(a),
                after: list.money(b),
                difference: list.difference(a, b)
            });
        }
    }
}

function diffRingfences(list: ChangeList, poolId: string, before: PoolInfo | undefined, after: PoolInfo | undefined): void {
    const pool = list.pool(poolId);
    for (const [id, old, next] of pairs(before?.ringfences ?? [], after?.ringfences ?? [], fence => fence.id)) {
        const input = { topic: 'ringfence' as const, key: [poolId, id].join(NUL), beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.ringfence.added', {
                id,
                pool,
                amount: list.money(next.amount.pence),
                year: list.year(next.year.start, next.year.parsed.text)
            });
            continue;
        }
        if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.ringfence.removed', {
                id,
                pool,
                amount: list.money(old.amount.pence),
                year: list.year(old.year.start, old.year.parsed.text)
            });
            continue;
        }
        if (!old || !next) continue;
        const a = old.amount.pence;
        const b = next.amount.pence;
        if (a !== b) {
            list.add({ ...input, field: 'amount', ...moneyValues(a, b) }, 'diff.ringfence.amount', {
                id,
                pool,
                before: list.money(a),
                after: list.money(b),
                difference: list.difference(a, b)
            });
        }
        const ya = list.year(old.year.start, old.year.parsed.text);
        const yb = list.year(next.year.start, next.year.parsed.text);
        if (ya !== yb) list.add({ ...input, field: 'year', before: ya, after: yb }, 'diff.ringfence.year', { id, pool, before: ya, after: yb });
        if (old.purpose !== next.purpose) {
            const words = (purpose: string | undefined) => (purpose === undefined ? list.none() : `"${purpose}"`);
            list.add({ ...input, field: 'purpose', before: old.purpose, after: next.purpose }, 'diff.ringfence.purpose', {
                id,
                pool,
                before: words(old.purpose),
                after: words(next.purpose)
            });
        }
    }
}

/** Funding streams: added, removed, renamed; each year's minimum as written; each uplift; and, derived, each year's minimum that an uplift computes. */
function diffStreams(list: ChangeList, poolId: string, before: PoolInfo | undefined, after: PoolInfo | undefined): void {
    const pool = list.pool(poolId);
    for (const [id, old, next] of pairs(before?.streams ?? [], after?.streams ?? [], stream => stream.id)) {
        const input = { topic: 'stream' as const, key: [poolId, id].join(NUL), beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.stream.added', { title: next.title, id, pool });
            continue;
        }
        if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.stream.removed', { title: old.title, id, pool });
            continue;
        }
        if (!old || !next) continue;
        if (old.title !== next.title)
            list.add({ ...input, field: 'title', before: old.title, after: next.title }, 'diff.stream.renamed', {
                id,
                pool,
                before: old.title,
                after: next.title
            });
        for (const [year, a, b] of pairs(old.declaredMinimums, next.declaredMinimums, minimum => yearKey(minimum.year.start, minimum.year.parsed.text))) {
            const pa = a?.amount.pence;
            const pb = b?.amount.pence;
            const minimumInput = {
                topic: 'stream' as const,
                key: [poolId, id, year].join(NUL),
                beforeNode: a?.node,
                afterNode: b?.node,
                ...moneyValues(pa, pb)
            };
            if (!a) list.add({ ...minimumInput, field: 'minimum-added' }, 'diff.stream.minimum-added', { id, year, amount: list.money(pb) });
            else if (!b) list.add({ ...minimumInput, field: 'minimum-removed' }, 'diff.stream.minimum-removed', { id, year, amount: list.money(pa) });
            else if (pa !== pb)
                list.add({ ...minimumInput, field: 'minimum' }, 'diff.stream.minimum', {
                    id,
                    year,
                    before: list.money(pa),
                    after: list.money(pb),
                    difference: list.difference(pa, pb)
                });
        }
        const terms = (uplift: StreamInfo['uplifts'][number]) => `${uplift.points ? list.percent(uplift.points) : '?'} ${uplift.rounding}`;
        for (const [year, a, b] of pairs(old.uplifts, next.uplifts, uplift => yearKey(uplift.year.start, uplift.year.parsed.text))) {
            const upliftInput = {
                topic: 'stream' as const,
                key: [poolId, id, year].join(NUL),
                beforeNode: a?.node,
                afterNode: b?.node,
                before: a && terms(a),
                after: b && terms(b)
            };
            const words = (uplift: StreamInfo['uplifts'][number]) =>
                list.word(uplift.rounding === 'pound' ? 'diff.uplift.terms.pound' : 'diff.uplift.terms.penny', {
                    percent: uplift.points ? list.percent(uplift.points) : list.word('word.unknown', {})
                });
            if (!a && b) list.add({ ...upliftInput, field: 'uplift-added' }, 'diff.stream.uplift-added', { id, year, terms: words(b) });
            else if (a && !b) list.add({ ...upliftInput, field: 'uplift-removed' }, 'diff.stream.uplift-removed', { id, year, terms: words(a) });
            else if (a && b && a.rounding === b.rounding && terms(a) !== terms(b)) {
                const percent = (uplift: StreamInfo['uplifts'][number]) => (uplift.points ? list.percent(uplift.points) : list.word('word.unknown', {}));
                list.add(
                    { ...upliftInput, field: 'uplift' },
                    b.rounding === 'pound' ? 'diff.stream.uplift-percent.pound' : 'diff.stream.uplift-percent.penny',
                    {
                        id,
                        year,
                        before: percent(a),
                        after: percent(b)
                    }
                );
            } else if (a && b && terms(a) !== terms(b))
                list.add({ ...upliftInput, field: 'uplift' }, 'diff.stream.uplift', { id, year, before: words(a), after: words(b) });
        }
        // What an uplift computes follows from the terms above: derived, so a board sees what a change is worth.
        for (const [year, a, b] of pairs([...old.minimums.values()], [...next.minimums.values()], minimum => yearKey(minimum.year, undefined))) {
            if (a?.source !== 'uplift' && b?.source !== 'uplift') continue;
            if (a?.pence === b?.pence) continue;
            list.add(
                {
                    topic: 'stream',
                    key: [poolId, id, year, 'computed'].join(NUL),
                    field: 'computed-minimum',
                    derived: true,
                    ...moneyValues(a?.pence, b?.pence),
                    beforeNode: a?.uplift?.node,
                    afterNode: b?.uplift?.node
                },
                'diff.stream.computed-minimum',
                { id, year, before: a ? list.money(a.pence) : list.none(), after: b ? list.money(b.pence) : list.none() }
            );
        }
    }
    for (const [key, a, b] of pairs(before?.spendMinimums ?? [], after?.spendMinimums ?? [], minimum =>
        [minimum.streamId, minimum.purposeId, yearKey(minimum.year.start, minimum.year.parsed.text)].join(NUL)
    )) {
        const minimum = b ?? a;
        if (!minimum) continue;
        const where = { stream: minimum.streamId, purpose: minimum.purposeId, year: yearKey(minimum.year.start, minimum.year.parsed.text) };
        const pa = a?.amount.pence;
        const pb = b?.amount.pence;
        const input = { topic: 'spend-minimum' as const, key: [poolId, key].join(NUL), beforeNode: a?.node, afterNode: b?.node, ...moneyValues(pa, pb) };
        if (!a) list.add({ ...input, field: 'added' }, 'diff.spend-minimum.added', { ...where, amount: list.money(pb) });
        else if (!b) list.add({ ...input, field: 'removed' }, 'diff.spend-minimum.removed', { ...where, amount: list.money(pa) });
        else if (pa !== pb)
            list.add({ ...input, field: 'amount' }, 'diff.spend-minimum.changed', {
                ...where,
                before: list.money(pa),
                after: list.money(pb),
                difference: list.difference(pa, pb)
            });
    }
}

function diffPurposes(list: ChangeList, poolId: string, before: PoolInfo | undefined, after: PoolInfo | undefined): void {
    for (const [id, a, b] of pairs(before?.purposes ?? [], after?.purposes ?? [], purpose => purpose.id)) {
        const input = { topic: 'purpose' as const, key: [poolId, id].join(NUL), beforeNode: a?.node, afterNode: b?.node };
        if (!a && b) list.add({ ...input, field: 'added', after: id }, 'diff.purpose.added', { id, title: b.title, pool: list.pool(poolId) });
        else if (a && !b) list.add({ ...input, field: 'removed', before: id }, 'diff.purpose.removed', { id, title: a.title, pool: list.pool(poolId) });
        else if (a && b && a.title !== b.title)
            list.add({ ...input, field: 'title', before: a.title, after: b.title }, 'diff.purpose.renamed', { id, before: a.title, after: b.title });
    }
}

/** What a section 75 pool sets out, topic by topic. */
function diffContents(list: ChangeList, poolId: string, before: PoolInfo | undefined, after: PoolInfo | undefined): void {
    const pool = list.pool(poolId);
    const key = (item: PoolInfo['contents'][number]) => item.topic;
    for (const [topic, a, b] of pairs(before?.contents ?? [], after?.contents ?? [], key)) {
        const input = { topic: 'contents' as const, key: [poolId, topic].join(NUL), beforeNode: a?.node, afterNode: b?.node, before: a?.text, after: b?.text };
        const about = list.word(`diff.topic.${topic as PoolInfo['contents'][number]['topic']}`, {});
        if (!a && b) list.add({ ...input, field: 'added' }, 'diff.contents.added', { pool, about, text: b.text });
        else if (a && !b) list.add({ ...input, field: 'removed' }, 'diff.contents.removed', { pool, about, text: a.text });
        else if (a && b && a.text !== b.text) list.add({ ...input, field: 'text' }, 'diff.contents.changed', { pool, about, before: a.text, after: b.text });
    }
}

const spendKey = (line: SpendLineInfo) => [line.poolId, yearKey(line.year, line.node.$container.year), line.name, line.occurrence].join(NUL);

function diffSpendLines(list: ChangeList, before: readonly SpendLineInfo[], after: readonly SpendLineInfo[]): void {
    for (const [key, old, next, line] of pairs(before, after, spendKey)) {
        const where = { name: line.name, pool: list.pool(line.poolId), year: list.year(line.year, line.node.$container.year) };
        const a = old?.amount.pence;
        const b = next?.amount.pence;
        const input = { topic: 'spend-line' as const, key, beforeNode: old?.node, afterNode: next?.node };
        if (!old) {
            list.add({ ...input, field: 'added', ...moneyValues(undefined, b) }, 'diff.spend.added', { ...where, amount: list.money(b) });
            continue;
        }
        if (!next) {
            list.add({ ...input, field: 'removed', ...moneyValues(a, undefined) }, 'diff.spend.removed', { ...where, amount: list.money(a) });
            continue;
        }
        if (a !== b) {
            list.add({ ...input, field: 'amount', ...moneyValues(a, b) }, 'diff.spend.amount', {
                ...where,
                before: list.money(a),
                after: list.money(b),
                difference: list.difference(a, b)
            });
        }
        const same = (x: readonly string[], y: readonly string[]) => x.join(NUL) === y.join(NUL);
        if (!same(old.commissioners, next.commissioners)) {
            list.add(
                { ...input, field: 'commissioners', before: old.commissioners.join(' '), after: next.commissioners.join(' ') },
                'diff.spend.commissioners',
                { ...where, before: list.partners(old.commissioners), after: list.partners(next.commissioners) }
            );
        }
        if (!same(old.providers, next.providers)) {
            list.add({ ...input, field: 'providers', before: old.providers.join(' '), after: next.providers.join(' ') }, 'diff.spend.providers', {
                ...where,
                before: list.partners(old.providers),
                after: list.partners(next.providers)
            });
        }
        const funding = (line: SpendLineInfo) =>
            line.funding.map(share => (share.points === undefined ? share.streamId : `${share.streamId} ${list.percent(share.points)}`));
        if (!same(funding(old), funding(next))) {
            const words = (parts: readonly string[]) => (parts.length === 0 ? list.none() : parts.join(', '));
            list.add({ ...input, field: 'funding', before: funding(old).join(', '), after: funding(next).join(', ') }, 'diff.spend.funding', {
                ...where,
                before: words(funding(old)),
                after: words(funding(next))
            });
        }
        if (!same(old.purposeTags, next.purposeTags)) {
            const tags = (ids: readonly string[]) => (ids.length === 0 ? list.none() : ids.join(', '));
            list.add({ ...input, field: 'purposes', before: old.purposeTags.join(' '), after: next.purposeTags.join(' ') }, 'diff.spend.purposes', {
                ...where,
                before: tags(old.purposeTags),
                after: tags(next.purposeTags)
            });
        }
        if (!same(old.ringfenceTags, next.ringfenceTags)) {
            const tags = (ids: readonly string[]) => (ids.length === 0 ? list.none() : ids.join(', '));
            list.add({ ...input, field: 'ringfences', before: old.ringfenceTags.join(' '), after: next.ringfenceTags.join(' ') }, 'diff.spend.ringfences', {
                ...where,
                before: tags(old.ringfenceTags),
                after: tags(next.ringfenceTags)
            });
        }
    }
}

const savingsKey = (line: SavingsLineInfo & { poolId: string }) =>
    [line.poolId, yearKey(line.year, line.node.$container.year), line.partnerId, line.occurrence].join(NUL);

function diffSavings(list: ChangeList): void {
    const lines = (model: typeof list.before) => model.savings.flatMap(projection => projection.lines.map(line => ({ ...line, poolId: projection.poolId })));
    for (const [key, old, next, line] of pairs(lines(list.before), lines(list.after), savingsKey)) {
        const where = { pool: list.pool(line.poolId), partner: list.partner(line.partnerId), year: list.year(line.year, line.node.$container.year) };
        const a = old?.amount.pence;
        const b = next?.amount.pence;
        const input = { topic: 'savings' as const, key, beforeNode: old?.node, afterNode: next?.node, ...moneyValues(a, b) };
        if (!old) list.add({ ...input, field: 'added' }, 'diff.savings.added', { ...where, amount: list.money(b) });
        else if (!next) list.add({ ...input, field: 'removed' }, 'diff.savings.removed', { ...where, amount: list.money(a) });
        else {
            if (a !== b)
                list.add({ ...input, field: 'amount' }, 'diff.savings.changed', {
                    ...where,
                    before: list.money(a),
                    after: list.money(b),
                    difference: list.difference(a, b)
                });
            if (old.note !== next.note) {
                const note = (value: string | undefined) => (value === undefined ? list.none() : `"${value}"`);
                list.add({ ...input, field: 'note', before: old.note, after: next.note, difference: undefined }, 'diff.savings.note', {
                    ...where,
                    before: note(old.note),
                    after: note(next.note)
                });
            }
        }
    }
}
