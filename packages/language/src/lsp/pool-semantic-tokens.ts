import { type AstNode, AstUtils } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** How each kind of declaration is coloured, wherever its id is written. */
const DECLARATION_TYPES: Record<string, string> = {
    Partner: SemanticTokenTypes.variable,
    Pool: SemanticTokenTypes.namespace,
    Outcome: SemanticTokenTypes.enumMember,
    RingFence: SemanticTokenTypes.property
};

/** Properties that hold a figure as written: amounts, percentages, quantities and years. */
const FIGURES: Partial<Record<string, readonly string[]>> = {
    Amount: ['value'],
    ShareLine: ['percent'],
    Reinvestment: ['percent'],
    PaymentSplit: ['year', 'upfront', 'results'],
    CohortYear: ['year', 'count', 'upfront'],
    BaselineField: ['value', 'year'],
    TargetField: ['value', 'year'],
    PoolYear: ['year'],
    SpendBlock: ['year'],
    SavingsYear: ['year'],
    Minimum: ['year'],
    RingFence: ['year'],
    PeriodField: ['start', 'end'],
    ActualField: ['value', 'year'],
    Approval: ['date']
};

/**
 * Semantic colouring on top of the TextMate grammar: ids coloured by what they name (a partner, a
 * pool, an outcome, a ring-fence), also where an id is a word like `police` that the TextMate
 * grammar takes for a keyword; declarations marked as such; figures and years as numbers.
 */
export class PoolSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = DECLARATION_TYPES[node.$type];
        if (declared && 'name' in node) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { container, property, index, reference } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target ? DECLARATION_TYPES[target.$type] : undefined;
            if (type) acceptor({ node: container, property, index, type });
        }
        for (const property of FIGURES[node.$type] ?? []) {
            if ((node as unknown as Record<string, unknown>)[property] !== undefined) {
                acceptor({ node, property, type: SemanticTokenTypes.number });
            }
        }
        if ((ast.isPayment(node) || ast.isCohort(node)) && node.unitName) {
            acceptor({ node, property: 'unitName', type: SemanticTokenTypes.type });
        }
    }
}
