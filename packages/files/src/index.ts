export { describeFileError } from '@pool/language';
export { whatItIs } from './kinds.js';
export { type WriteOptions, writeFileSafely } from './write.js';
