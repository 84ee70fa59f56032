export * from './money/index.js';
export * from './model/index.js';
export * from './checks/index.js';
export { PoolChecker } from './checks/checker.js';
export * as ast from './generated/ast.js';
export { createPoolServices, PoolModule, PoolSharedModule, type PoolServices, type PoolAddedServices } from './services/pool-module.js';
export { DIAGNOSTIC_SOURCE } from './services/pool-document-validator.js';
export * from './diff/agreement-diff.js';
