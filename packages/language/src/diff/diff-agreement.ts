import type * as ast from '../generated/ast.js';
import type { AgreementInfo, AgreementModel, ApprovalInfo } from '../model/types.js';
import { type ChangeList, fileName, pairs } from './changes.js';

/** The agreement header: title, reference, status, version, period, currency, host, board and reviews. */
export function diffHeader(list: ChangeList): void {
    const a = list.before.agreement;
    const b = list.after.agreement;
    if (!a || !b) {
        // A register on one side: the header as a whole comes or goes.
        if (a && !b)
            list.add({ topic: 'agreement', key: 'agreement', field: 'header', before: a.title, beforeNode: a.node }, 'diff.header.removed', { title: a.title });
        if (!a && b)
            list.add({ topic: 'agreement', key: 'agreement', field: 'header', after: b.title, afterNode: b.node }, 'diff.header.added', { title: b.title });
        return;
    }
    const field = (name: string, node: (info: AgreementInfo) => ast.AgreementField | undefined) => ({
        topic: 'agreement' as const,
        key: 'agreement',
        field: name,
        beforeNode: node(a) ?? a.node,
        afterNode: node(b) ?? b.node
    });
    const first = (info: AgreementInfo, keyword: string) => info.fieldsByKeyword.get(keyword)?.[0];

    if (a.title !== b.title)
        list.add({ ...field('title', () => undefined), before: a.title, after: b.title }, 'diff.header.title', { before: a.title, after: b.title });
    optional(
        list,
        field('reference', info => first(info, 'reference')),
        a.reference,
        b.reference,
        value => value,
        {
            changed: 'diff.header.reference.changed',
            added: 'diff.header.reference.added',
            removed: 'diff.header.reference.removed'
        }
    );
    optional(
        list,
        field('status', info => first(info, 'status')),
        a.status,
        b.status,
        value => list.word(`word.status.${value as ast.Status}`, {}),
        {
            changed: 'diff.header.status.changed',
            added: 'diff.header.status.added',
            removed: 'diff.header.status.removed'
        }
    );
    optional(
        list,
        field('version', info => first(info, 'version')),
        a.version,
        b.version,
        value => value,
        {
            changed: 'diff.header.version.changed',
            added: 'diff.header.version.added',
            removed: 'diff.header.version.removed'
        }
    );
    const period = (info: AgreementInfo) => (info.period ? `${list.year(info.period.first)}–${list.year(info.period.last)}` : undefined);
    optional(
        list,
        field('period', info => info.periodNode),
        period(a),
        period(b),
        value => value,
        {
            changed: 'diff.header.period.changed',
            added: 'diff.header.period.added',
            removed: 'diff.header.period.removed'
        }
    );
    if (a.currency !== b.currency) {
        list.add({ ...field('currency', info => first(info, 'currency')), before: a.currency, after: b.currency }, 'diff.header.currency', {
            before: a.currency,
            after: b.currency
        });
    }
    optional(
        list,
        field('host', info => info.host?.node),
        a.host?.id,
        b.host?.id,
        id => list.partner(id),
        {
            changed: 'diff.header.host.changed',
            added: 'diff.header.host.added',
            removed: 'diff.header.host.removed'
        }
    );
    optional(
        list,
        field('board', info => first(info, 'board')),
        a.board,
        b.board,
        value => value,
        {
            changed: 'diff.header.board.changed',
            added: 'diff.header.board.added',
            removed: 'diff.header.board.removed'
        }
    );
    const reviewKey = (review: AgreementInfo['reviews'][number]) => `${review.date}\u0000${review.note ?? ''}`;
    for (const [key, old, next, review] of pairs(a.reviews, b.reviews, reviewKey)) {
        if (old && next) continue;
        const input = {
            topic: 'review' as const,
            key,
            field: next ? 'added' : 'removed',
            before: old && key,
            after: next && key,
            beforeNode: old?.node,
            afterNode: next?.node
        };
        if (review.note === undefined) {
            list.add(input, next ? 'diff.review.added' : 'diff.review.removed', { date: review.date });
        } else {
            list.add(input, next ? 'diff.review.added-note' : 'diff.review.removed-note', { date: review.date, note: review.note });
        }
    }
}

type OptionalKeys = {
    changed:
        | 'diff.header.reference.changed'
        | 'diff.header.status.changed'
        | 'diff.header.period.changed'
        | 'diff.header.host.changed'
        | 'diff.header.board.changed'
        | 'diff.header.version.changed';
    added:
        | 'diff.header.reference.added'
        | 'diff.header.status.added'
        | 'diff.header.period.added'
        | 'diff.header.host.added'
        | 'diff.header.board.added'
        | 'diff.header.version.added';
    removed:
        | 'diff.header.reference.removed'
        | 'diff.header.status.removed'
        | 'diff.header.period.removed'
        | 'diff.header.host.removed'
        | 'diff.header.board.removed'
        | 'diff.header.version.removed';
};

/** A header field that may be written or not: set, removed or changed. */
function optional(
    list: ChangeList,
    input: Parameters<ChangeList['add']>[0],
    before: string | undefined,
    after: string | undefined,
    words: (value: string) => string,
    keys: OptionalKeys
): void {
    if (before === after) return;
    const values = { ...input, before, after };
    if (before !== undefined && after !== undefined) list.add(values, keys.changed, { before: words(before), after: words(after) });
    else if (after !== undefined) list.add(values, keys.added, { value: words(after) });
    else if (before !== undefined) list.add(values, keys.removed, { value: words(before) });
}

/** Imports, by the path written. */
export function diffImports(list: ChangeList): void {
    // Paired by the file they lead to, so a version kept in another folder (`../registers/…`) imports the same register.
    for (const [, old, next] of pairs(list.before.imports, list.after.imports, resolved => resolved.uri.toString())) {
        if (old && next) continue;
        const path = (next ?? old)?.node.path ?? '';
        list.add(
            {
                topic: 'import',
                key: path,
                field: next ? 'added' : 'removed',
                before: old && path,
                after: next && path,
                beforeNode: old?.node,
                afterNode: next?.node
            },
            next ? 'diff.import.added' : 'diff.import.removed',
            { path }
        );
    }
}

/** Partners, by id: joining, leaving, renamed, changing kind, or declared in another file (through an import). */
export function diffPartners(list: ChangeList): void {
    const { before, after } = list;
    for (const [id, old, next] of pairs([...before.partners.values()], [...after.partners.values()], partner => partner.id)) {
        const input = { topic: 'partner' as const, key: id, beforeNode: old?.node, afterNode: next?.node };
        if (!old && next) {
            list.add({ ...input, field: 'added', after: id }, 'diff.partner.joins', {
                name: next.name,
                id,
                kind: list.kind(next.kind),
                file: fileName(after, next.document)
            });
            continue;
        }
        if (old && !next) {
            list.add({ ...input, field: 'removed', before: id }, 'diff.partner.leaves', {
                name: old.name,
                id,
                kind: list.kind(old.kind),
                file: fileName(before, old.document)
            });
            continue;
        }
        if (!old || !next) continue;
        if (old.name !== next.name)
            list.add({ ...input, field: 'name', before: old.name, after: next.name }, 'diff.partner.renamed', { id, before: old.name, after: next.name });
        if (old.kind !== next.kind) {
            list.add({ ...input, field: 'kind', before: old.kind, after: next.kind }, 'diff.partner.kind-changed', {
                name: next.name,
                id,
                before: list.kind(old.kind),
                after: list.kind(next.kind)
            });
        }
        // Declared in the agreement itself on both sides, or in the same imported file: not a move.
        const home = (model: AgreementModel, document: typeof old.document) => (document === model.document ? '' : document.uri.toString());
        const from = fileName(before, old.document);
        const to = fileName(after, next.document);
        if (home(before, old.document) !== home(after, next.document))
            list.add({ ...input, field: 'file', before: from, after: to }, 'diff.partner.moved', { name: next.name, id, before: from, after: to });
    }
}

// The signature is part of an approval: signing one, or changing its signature, is recording another.
const approvalKey = (approval: ApprovalInfo) =>
    [approval.partnerId, approval.approver, approval.date, approval.fingerprint, approval.signature ?? ''].join('\u0000');

/** Approvals recorded or removed. An approval that merely stops covering the text is not a change of the text: see `staleApprovals`. */
export function diffApprovals(list: ChangeList): void {
    for (const [key, old, next, approval] of pairs(list.before.approvals, list.after.approvals, approvalKey)) {
        if (old && next) continue;
        const params = { partner: list.partner(approval.partnerId), approver: approval.approver, date: approval.date };
        list.add(
            {
                topic: 'approval',
                key,
                field: next ? 'added' : 'removed',
                before: old && approval.partnerId,
                after: next && approval.partnerId,
                beforeNode: old?.node,
                afterNode: next?.node
            },
            next ? 'diff.approval.added' : 'diff.approval.removed',
            params
        );
    }
}

/** Approvals that covered the earlier text and do not cover the later one: whose sign-off must be sought again. */
export function staleApprovals(before: AgreementModel, after: AgreementModel): ApprovalInfo[] {
    const currentBefore = new Set(before.approvals.filter(approval => !approval.stale).map(approvalKey));
    return after.approvals.filter(approval => approval.stale && currentBefore.has(approvalKey(approval)));
}
