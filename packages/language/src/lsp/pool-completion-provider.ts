import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    GrammarAST,
    type LangiumDocument,
    type MaybePromise,
    type ReferenceInfo,
    type Stream,
    stream
} from 'langium';
import { type CompletionAcceptor, type CompletionContext, DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { t } from '../i18n/index.js';
import { yearLabel } from '../money/financial-year.js';
import type { AgreementModel } from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';
import { modelOf } from './model-lookup.js';
import {
    agreementTemplate,
    declarationSnippets,
    financialYearOf,
    outcomeBodySnippets,
    poolBodySnippets,
    type Snippet,
    type SnippetContext
} from './pool-snippets.js';

/** The quarters of a financial year, for an actual's reporting period. */
const QUARTERS = ['completion.quarter.1', 'completion.quarter.2', 'completion.quarter.3', 'completion.quarter.4'] as const;

/**
 * Keywords that qualify the amount or contribution just written (`£1,000 GBP`, `£1,000 new`): offered
 * only on the same line, never at the start of a line, where a partner or the next entry goes.
 */
const SAME_LINE_ONLY = new Set(['GBP', 'EUR', 'USD', 'new', 'existing']);

/** Keywords that start a declaration at the top level of a file. */
const DECLARATION_KEYWORDS = new Set(['agreement', 'import', 'partner', 'pool', 'spend', 'outcome', 'share', 'savings', 'appraisal', 'approvals']);

/**
 * Completion: keywords; partner, pool, outcome and ring-fence ids (only those the file can see,
 * through its imports, each name once, in scope order: this file's first, then each import's, with
 * the full name as detail); financial years inside the agreement period; and a snippet for every
 * construct, with a whole agreement for an empty file.
 */
export class PoolCompletionProvider extends DefaultCompletionProvider {
    private readonly services: PoolServices;

    constructor(services: PoolServices) {
        super(services);
        this.services = services;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isKeyword(next.feature)) {
            // Partner kinds, arrangements and directions may also be ids; where a new id is being
            // written they are not keywords to offer.
            if (next.property === 'name' || next.property === 'unitName') return;
            if (SAME_LINE_ONLY.has(next.feature.value) && startsLine(context)) return;
            // In a year's contributions each line is a partner's row: `from` on a new line would qualify the row before.
            if (next.feature.value === 'from' && startsLine(context) && isInside(context.node, ast.isPoolYear)) return;
            this.snippetsFor(context, next.feature.value, acceptor);
            return super.completionFor(context, next, acceptor);
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'FIN_YEAR') {
            this.completionForYear(context, next, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(next.feature) && next.property === 'quarter') {
            const lang = this.services.pool.Settings.language;
            QUARTERS.forEach((key, index) => {
                acceptor(context, { label: `Q${index + 1}`, kind: CompletionItemKind.Value, detail: t(key, {}, lang), sortText: `0${index}` });
            });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** The places in scope order, each name once: a name declared again further out is hidden by the nearer one. */
    private readonly scopeRank = new WeakMap<AstNodeDescription, number>();

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const seen = new Set<string>();
        const candidates: AstNodeDescription[] = [];
        for (const description of super.getReferenceCandidates(refInfo, context)) {
            if (seen.has(description.name)) continue;
            seen.add(description.name);
            this.scopeRank.set(description, candidates.length);
            candidates.push(description);
        }
        return stream(candidates);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext) {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        // Editors sort by sortText: ids before keywords ('1'), in the order of the scope.
        const rank = this.scopeRank.get(description);
        const sortText = rank === undefined ? item.sortText : `0${String(rank).padStart(6, '0')}`;
        const node = description.node;
        const detail = ast.isPartner(node)
            ? `${node.fullName ?? ''} (${node.kind ?? 'partner'})`
            : ast.isPool(node)
              ? `${node.title ?? ''} (${node.arrangement ?? 'pool'})`
              : ast.isOutcome(node)
                ? node.description
                : ast.isRingFence(node)
                  ? (node.purpose ?? 'ring-fence')
                  : ast.isStream(node) || ast.isPurpose(node)
                    ? node.title
                    : undefined;
        const home = node ? AstUtils.getDocument(node) : undefined;
        const imported = home && home.uri.toString() !== context.document.uri.toString();
        return { ...item, sortText, detail: detail ?? item.detail, labelDetails: imported ? { description: 'imported' } : undefined };
    }

    /** Financial years of the agreement period, the ones not yet written in this block first. */
    private completionForYear(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void {
        const model = modelOf(this.services, context.document);
        const period = model.agreement?.period;
        if (!period) return;
        const years = [...period.years];
        // A baseline is usually measured the year before the agreement starts.
        if ((next.property === 'year' && next.type === 'BaselineField') || isInside(context.node, ast.isBaselineField)) {
            years.unshift(period.first - 1);
        }
        const used = usedYears(context.node);
        for (const year of years) {
            acceptor(context, {
                label: yearLabel(year),
                kind: CompletionItemKind.Value,
                detail: `1 April ${year} to 31 March ${year + 1}`,
                sortText: `0${used.has(year) ? 'z' : ''}${year}`
            });
        }
    }

    private snippetsFor(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        const model = modelOf(this.services, context.document);
        const snippetContext = this.snippetContext(model);
        const snippets: Snippet[] = [];
        // `unit` starts a unit cost at the top of a file, and an outcome's unit inside one.
        const unitCost = keyword === 'unit' && !AstUtils.getContainerOfType(context.node, ast.isOutcome);
        if (DECLARATION_KEYWORDS.has(keyword) || unitCost) {
            for (const snippet of declarationSnippets(snippetContext)) if (snippet.keyword === keyword) snippets.push(snippet);
            if (keyword === 'agreement' && isEmpty(context.document)) snippets.push(agreementTemplate(snippetContext));
        } else if (keyword === 'minimum' || keyword === 'ringfence' || keyword === 'stream' || keyword === 'contents') {
            const all = poolBodySnippets(snippetContext, usedYears(context.node));
            for (const snippet of all) if (snippet.keyword === keyword) snippets.push(snippet);
            // The year block (the first) has no keyword of its own: offer it alongside `minimum`.
            const [yearBlock] = all;
            if (keyword === 'minimum' && yearBlock) snippets.push(yearBlock);
        } else if (keyword === 'actual' || keyword === 'cohort') {
            for (const snippet of outcomeBodySnippets(snippetContext)) if (snippet.keyword === keyword) snippets.push(snippet);
        }
        for (const snippet of snippets) {
            acceptor(context, snippetItem(snippet));
        }
    }

    private snippetContext(model: AgreementModel): SnippetContext {
        return {
            years: model.agreement?.period?.years ?? [],
            partners: [...model.partners.keys()],
            pools: [...model.poolsById.keys()],
            currentYear: financialYearOf(new Date()),
            today: new Date().toISOString().slice(0, 10),
            lang: this.services.pool.Settings.language,
            fingerprint: model.fingerprint
        };
    }
}

function snippetItem(snippet: Snippet): CompletionItem {
    return {
        label: snippet.label,
        kind: CompletionItemKind.Snippet,
        detail: snippet.detail,
        filterText: snippet.keyword,
        insertText: snippet.body,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: '2'
    };
}

/** Whether only white space is between the start of the cursor's line and the word being completed. */
function startsLine(context: CompletionContext): boolean {
    const text = context.textDocument.getText();
    const before = text.slice(0, context.tokenOffset);
    return /(^|\n)[ \t]*$/.test(before);
}

function isInside(node: AstNode | undefined, guard: (node: AstNode) => node is AstNode): boolean {
    return AstUtils.getContainerOfType(node, guard) !== undefined;
}

/** Years already written as blocks next to the cursor (in the same pool or savings projection). */
function usedYears(node: AstNode | undefined): Set<number> {
    const owner = AstUtils.getContainerOfType(node, (candidate): candidate is ast.Pool | ast.Savings => ast.isPool(candidate) || ast.isSavings(candidate));
    const written = (owner?.years ?? []).map(block => /^(\d{4})\//.exec(block.year ?? '')?.[1]);
    return new Set(written.filter((year): year is string => year !== undefined).map(Number));
}

/** Nothing but comments and spaces: the place for a whole-agreement template. */
function isEmpty(document: LangiumDocument): boolean {
    const root = document.parseResult.value as ast.Document;
    return (
        (root.agreements?.length ?? 0) +
            (root.imports?.length ?? 0) +
            (root.partners?.length ?? 0) +
            (root.pools?.length ?? 0) +
            (root.spends?.length ?? 0) +
            (root.outcomes?.length ?? 0) +
            (root.shares?.length ?? 0) +
            (root.savings?.length ?? 0) ===
        0
    );
}
