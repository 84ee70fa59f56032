import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { PoolChecker } from '../checks/checker.js';
import { PoolGeneratedSharedModule, PoolLanguageGeneratedModule } from '../generated/module.js';
import { ImportGraph } from '../model/imports.js';
import { AgreementModelProvider } from '../model/model-provider.js';
import { PoolDocumentBuilder } from './pool-document-builder.js';
import { PoolDocumentFactory } from './pool-document-factory.js';
import { PoolDocumentValidator } from './pool-document-validator.js';
import { PoolScopeProvider } from './pool-scope-provider.js';
import { PoolLexerErrorMessageProvider, PoolParserErrorMessageProvider } from './pool-syntax-messages.js';

/** Services Pool adds to Langium's. */
export interface PoolAddedServices {
    pool: {
        ImportGraph: ImportGraph;
        ModelProvider: AgreementModelProvider;
        Checker: PoolChecker;
    };
}

export type PoolServices = LangiumServices & PoolAddedServices;

export const PoolModule: Module<PoolServices, PartialLangiumServices & PoolAddedServices> = {
    pool: {
        ImportGraph: services => new ImportGraph(services.shared),
        ModelProvider: services => new AgreementModelProvider(services.shared, () => services.pool.ImportGraph),
        Checker: services => new PoolChecker(services.shared, () => services.pool.ModelProvider, () => services.pool.ImportGraph)
    },
    parser: {
        ParserErrorMessageProvider: () => new PoolParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new PoolLexerErrorMessageProvider()
    },
    references: {
        ScopeProvider: services => new PoolScopeProvider(services)
    },
    validation: {
        DocumentValidator: services => new PoolDocumentValidator(services)
    }
};

export const PoolSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new PoolDocumentBuilder(services),
        LangiumDocumentFactory: services => new PoolDocumentFactory(services)
    }
};

/**
 * Creates the services of the Pool language. With a `connection` in the context they serve a
 * language client; without one (the CLI, tests) they check and compute in-process.
 */
export function createPoolServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Pool: PoolServices } {
    const shared = inject(createDefaultSharedModule(context), PoolGeneratedSharedModule, PoolSharedModule);
    const Pool = inject(createDefaultModule({ shared }), PoolLanguageGeneratedModule, PoolModule);
    shared.ServiceRegistry.register(Pool);
    if (!context.connection) {
        // Without a client nobody sends configuration; start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Pool };
}
