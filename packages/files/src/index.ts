export { describeFileError } from '@pool/language';
export { whatItIs } from './kinds.js';
export { SafeNodeFileSystem, SafeNodeFileSystemProvider } from './node-file-system.js';
export { readAgreementFile, readRegularFile } from './read.js';
export { type FileToWrite, type WriteAllOptions, type WriteOptions, writeFilesAllOrNothing, writeFileSafely } from './write.js';
export {
    type AllowedSignersLookup,
    DEFAULT_ALLOWED_SIGNERS,
    defaultAllowedSignersLookup,
    MAX_ALLOWED_SIGNERS_BYTES,
    readAllowedSignersFile
} from './allowed-signers.js';
