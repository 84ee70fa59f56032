export * from './rational.js';
export * from './amount.js';
export * from './percent.js';
export * from './allocate.js';
export * from './financial-year.js';
export * from './quantity.js';
export * from './reporting-period.js';
