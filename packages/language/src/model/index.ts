export * from './types.js';
export * from './imports.js';
export * from './build-model.js';
export * from './model-provider.js';
export * from './fingerprint.js';
export * from './trajectory.js';
export * from './statements.js';
