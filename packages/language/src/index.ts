export * from './money/index.js';
export * from './model/index.js';
export * from './checks/index.js';
export * from './i18n/index.js';
export { PoolChecker } from './checks/checker.js';
export { closestNames } from './checks/suggest.js';
export * as ast from './generated/ast.js';
export { TOOL_VERSION } from './build-info/version.js';
export {
    createPoolServices,
    PoolModule,
    PoolSharedModule,
    type PoolServices,
    type PoolAddedServices,
    type PoolServiceOptions
} from './services/pool-module.js';
export { createPoolCoreServices, PoolCoreModule, type PoolCoreServices } from './services/pool-core-module.js';
export { DIAGNOSTIC_SOURCE, MAX_DIAGNOSTICS_PER_FILE, problemCount } from './services/pool-document-validator.js';
export { PoolDocumentFactory } from './services/pool-document-factory.js';
export { PoolDocumentBuilder } from './services/pool-document-builder.js';
export { quotePoolString } from './services/pool-value-converter.js';
export * from './diff/agreement-diff.js';
export { formatPoolDocument, type PoolFormatResult } from './lsp/pool-formatter.js';
export { OPEN_REPORT_PREVIEW, SHOW_REPORT } from './lsp/pool-code-lenses.js';
export { selectionRanges } from './lsp/pool-selection-ranges.js';
export { SETTINGS_SECTION, type PoolInitializationOptions } from './lsp/pool-settings.js';
export { agreementTemplate, financialYearOf, type Snippet, type SnippetContext } from './lsp/pool-snippets.js';
export * from './text/agreement-file.js';
export * from './text/file-set.js';
export * from './text/escape.js';
