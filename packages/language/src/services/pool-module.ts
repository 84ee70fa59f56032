import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type ExecuteCommandHandler,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { PoolGeneratedSharedModule, PoolLanguageGeneratedModule } from '../generated/module.js';
import { PoolCodeActionProvider } from '../lsp/pool-code-actions.js';
import { PoolCodeLensProvider } from '../lsp/pool-code-lenses.js';
import { PoolCompletionProvider } from '../lsp/pool-completion-provider.js';
import { PoolDefinitionProvider } from '../lsp/pool-definition-provider.js';
import { PoolDocumentSymbolProvider } from '../lsp/pool-document-symbols.js';
import { PoolFormatter } from '../lsp/pool-formatter.js';
import { PoolHoverProvider } from '../lsp/pool-hover-provider.js';
import { PoolInlayHintProvider } from '../lsp/pool-inlay-hints.js';
import { PoolNodeKindProvider } from '../lsp/pool-node-kinds.js';
import { PoolRenameProvider } from '../lsp/pool-rename-provider.js';
import { PoolSemanticTokenProvider } from '../lsp/pool-semantic-tokens.js';
import { PoolSettings } from '../lsp/pool-settings.js';
import { PoolWorkspaceManager } from '../lsp/pool-workspace-manager.js';
import { type PoolAddedServices, PoolCoreModule, PoolSharedCoreModule } from './pool-core-module.js';
import { PoolDocumentUpdateHandler } from '../lsp/pool-document-update-handler.js';

export type PoolServices = LangiumServices & PoolAddedServices;

/**
 * What the editor's services add to the check's (`PoolCoreModule`, injected first): the settings a
 * language client sends, and the editor features.
 */
export const PoolModule: Module<PoolServices, PartialLangiumServices & { pool: Pick<PoolAddedServices['pool'], 'Settings'> }> = {
    pool: {
        Settings: services => new PoolSettings(services.shared, services.shared.lsp)
    },
    // The editor features (src/lsp): every figure they show is read from the model.
    lsp: {
        CompletionProvider: services => new PoolCompletionProvider(services),
        HoverProvider: services => new PoolHoverProvider(services),
        CodeActionProvider: services =>
            new PoolCodeActionProvider(
                () => services.pool.Settings.language,
                services.shared.workspace.IndexManager,
                services.shared.workspace.LangiumDocuments,
                () => services.pool.ImportGraph
            ),
        Formatter: services => new PoolFormatter(services),
        InlayHintProvider: services => new PoolInlayHintProvider(services),
        CodeLensProvider: services => new PoolCodeLensProvider(services),
        SemanticTokenProvider: services => new PoolSemanticTokenProvider(services),
        RenameProvider: services => new PoolRenameProvider(services),
        DocumentSymbolProvider: services => new PoolDocumentSymbolProvider(services),
        DefinitionProvider: services => new PoolDefinitionProvider(services)
    }
};

export const PoolSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new PoolWorkspaceManager(services)
    },
    lsp: {
        NodeKindProvider: () => new PoolNodeKindProvider(),
        DocumentUpdateHandler: services => new PoolDocumentUpdateHandler(services)
    }
};

export interface PoolServiceOptions {
    /** The commands the server runs for its client (`workspace/executeCommand`): the platform's, since showing a report needs a place to put it. */
    readonly commands?: (shared: LangiumSharedServices) => ExecuteCommandHandler;
}

/**
 * Creates the services of the Pool language. With a `connection` in the context they serve a
 * language client; without one (tests, the benchmark) they check and compute in-process, with the
 * editor features a check does without (a check is `createPoolCoreServices`).
 */
export function createPoolServices(
    context: DefaultSharedModuleContext,
    options: PoolServiceOptions = {}
): { shared: LangiumSharedServices; Pool: PoolServices } {
    const commands = options.commands;
    const CommandsModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = commands ? { lsp: { ExecuteCommandHandler: commands } } : {};
    const shared = inject(createDefaultSharedModule(context), PoolGeneratedSharedModule, PoolSharedCoreModule, PoolSharedModule, CommandsModule);
    const Pool = inject(createDefaultModule({ shared }), PoolLanguageGeneratedModule, PoolCoreModule, PoolModule);
    shared.ServiceRegistry.register(Pool);
    if (!context.connection) {
        // Without a client nobody sends configuration; start with the defaults.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Pool };
}
