// The package's entry for a check: the language, the model, the checks, the diff and a check's
// services. The editor's services and features are in `editor.ts` (`@pool/language/editor`), so
// that what only checks (the CLI's `pool check`) loads none of the editor's code.
export * from './money/index.js';
export * from './model/index.js';
export * from './checks/index.js';
export * from './i18n/index.js';
export { PoolChecker } from './checks/checker.js';
export { closestNames } from './checks/suggest.js';
export * as ast from './generated/ast.js';
export { TOOL_VERSION } from './build-info/version.js';
export { createPoolCoreServices, PoolCoreModule, type PoolAddedServices, type PoolCoreServices } from './services/pool-core-module.js';
export { DIAGNOSTIC_SOURCE, MAX_DIAGNOSTICS_PER_FILE, problemCount } from './services/pool-document-validator.js';
export { PoolDocumentFactory } from './services/pool-document-factory.js';
export { PoolDocumentBuilder } from './services/pool-document-builder.js';
export { quotePoolString } from './services/pool-value-converter.js';
export * from './diff/agreement-diff.js';
export * from './text/agreement-file.js';
export * from './text/file-set.js';
export * from './text/escape.js';
