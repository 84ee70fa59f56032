import type { Stats } from 'node:fs';
import { message, type Message } from '@pool/language';

/** What a path that is not a regular file is, in words. */
export function whatItIs(info: Stats): Message {
    if (info.isFIFO()) return message('cli.reason.fifo', {});
    if (info.isSocket()) return message('cli.reason.socket', {});
    if (info.isBlockDevice()) return message('cli.reason.block-device', {});
    if (info.isDirectory()) return message('cli.reason.is-folder', {});
    return message('cli.reason.device', {});
}
