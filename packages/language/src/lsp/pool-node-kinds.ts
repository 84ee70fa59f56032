import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Agreement: SymbolKind.Namespace,
    Import: SymbolKind.File,
    Partner: SymbolKind.Object,
    Pool: SymbolKind.Struct,
    PoolYear: SymbolKind.Array,
    Minimum: SymbolKind.Constant,
    RingFence: SymbolKind.Field,
    Stream: SymbolKind.Field,
    Purpose: SymbolKind.EnumMember,
    SpendBlock: SymbolKind.Method,
    SpendLine: SymbolKind.Property,
    Outcome: SymbolKind.Event,
    Share: SymbolKind.Interface,
    Savings: SymbolKind.Array,
    SavingsYear: SymbolKind.Array,
    Approvals: SymbolKind.Module,
    Approval: SymbolKind.Key
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Partner: CompletionItemKind.Value,
    Pool: CompletionItemKind.Struct,
    Outcome: CompletionItemKind.Event,
    RingFence: CompletionItemKind.Field,
    Stream: CompletionItemKind.Field,
    Purpose: CompletionItemKind.EnumMember
};

/** Icons for outlines, symbol searches and completion lists, by what a declaration is. */
export class PoolNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
