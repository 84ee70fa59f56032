export { describeFileError } from '@pool/language';
export { whatItIs } from './kinds.js';
export { type FileToWrite, type WriteAllOptions, type WriteOptions, writeFilesAllOrNothing, writeFileSafely } from './write.js';
