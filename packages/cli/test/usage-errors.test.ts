import { CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { runPoolInProcess } from '../../../test/support/cli.js';
import { commanderFailure, PoolCommand } from '../src/pool-command.js';

/**
 * Every mistake commander finds in the arguments, in English and in Welsh: one line from the
 * message catalogue (pool-command.ts), never commander's own English, and exit status 2. Run in
 * process; test/welsh.test.ts runs a few through the real command.
 */
const MISTAKES: readonly { mistake: string; args: readonly string[]; en: string; cy: string }[] = [
    {
        mistake: 'an unknown option',
        args: ['check', '--colour', 'examples'],
        en: "unknown option '--colour'",
        cy: "opsiwn anhysbys '--colour'"
    },
    {
        mistake: 'an unknown option close to one',
        args: ['check', '--stric', 'examples'],
        en: "unknown option '--stric'; did you mean --strict?",
        cy: "opsiwn anhysbys '--stric'; oeddech chi'n golygu --strict?"
    },
    {
        mistake: 'an unknown option close to two',
        args: ['check', '--hel', 'examples'],
        en: "unknown option '--hel'; did you mean --help or --help-base-uri?",
        cy: "opsiwn anhysbys '--hel'; oeddech chi'n golygu --help neu --help-base-uri?"
    },
    {
        mistake: 'a value given to an option that takes none',
        args: ['check', '--strict=yes', 'examples'],
        en: "--strict takes no value; got '--strict=yes'",
        cy: "nid yw --strict yn cymryd gwerth; cafwyd '--strict=yes'"
    },
    {
        mistake: 'an unknown command',
        args: ['frob'],
        en: "unknown command 'frob'; the commands are check, diff, fmt, report, generate, fingerprint, approve, verify, lsp and help",
        cy: "gorchymyn anhysbys 'frob'; y gorchmynion yw check, diff, fmt, report, generate, fingerprint, approve, verify, lsp a help"
    },
    {
        mistake: 'pool lsp told two channels',
        args: ['lsp', '--stdio', '--node-ipc'],
        en: 'pool lsp talks over one channel: choose one of --stdio, --socket, --pipe and --node-ipc.',
        cy: 'Mae pool lsp yn siarad dros un sianel: dewiswch un o --stdio, --socket, --pipe a --node-ipc.'
    },
    {
        mistake: 'pool lsp given a port that is not one',
        args: ['lsp', '--socket=70000'],
        en: '--socket needs a TCP port number from 1 to 65535, not 70000.',
        cy: 'Mae angen rhif porth TCP o 1 i 65535 ar --socket, nid 70000.'
    },
    {
        mistake: 'an unknown command close to one',
        args: ['chek', 'examples'],
        en: "unknown command 'chek'; did you mean check?",
        cy: "gorchymyn anhysbys 'chek'; oeddech chi'n golygu check?"
    },
    {
        mistake: 'an unknown subcommand',
        args: ['generate', 'jsn', 'examples'],
        en: "unknown command 'jsn'; did you mean json?",
        cy: "gorchymyn anhysbys 'jsn'; oeddech chi'n golygu json?"
    },
    {
        mistake: 'a missing argument',
        args: ['check'],
        en: 'the paths argument is missing; usage: pool check [options] <paths...>',
        cy: "mae'r ddadl paths ar goll; defnydd: pool check [options] <paths...>"
    },
    {
        mistake: "a subcommand's missing argument",
        args: ['generate', 'json'],
        en: 'the path argument is missing; usage: pool generate json [options] <path>',
        cy: "mae'r ddadl path ar goll; defnydd: pool generate json [options] <path>"
    },
    {
        mistake: 'a bad choice',
        args: ['check', '--format', 'xml', 'examples'],
        en: "--format must be text, json, sarif, github, junit, codequality or summary; got 'xml'",
        cy: "rhaid i --format fod yn text, json, sarif, github, junit, codequality neu summary; cafwyd 'xml'"
    },
    {
        mistake: 'a bad choice given to the short flag',
        args: ['report', '-f', 'docx', 'examples/neighbourhood-budget.pool'],
        en: "--format must be md, html or pdf; got 'docx'",
        cy: "rhaid i --format fod yn md, html neu pdf; cafwyd 'docx'"
    },
    {
        mistake: 'too many arguments to a command that takes one',
        args: ['fingerprint', 'a.pool', 'b.pool'],
        en: 'too many arguments: pool fingerprint takes 1 argument, but was given 2',
        cy: 'gormod o ddadleuon: mae pool fingerprint yn cymryd 1 ddadl, ond cafwyd 2'
    },
    {
        mistake: 'too many arguments to a command that takes two',
        args: ['diff', 'a.pool', 'b.pool', 'c.pool'],
        en: 'too many arguments: pool diff takes at most 2 arguments, but was given 3',
        cy: 'gormod o ddadleuon: mae pool diff yn cymryd 2 dadl ar y mwyaf, ond cafwyd 3'
    },
    {
        mistake: 'a missing option value',
        args: ['report', 'examples/neighbourhood-budget.pool', '-o'],
        en: '--output needs a value',
        cy: 'mae angen gwerth ar --output'
    },
    {
        mistake: 'a required option left out',
        args: ['approve', 'a.pool', '--partner', 'council', '--role', 'Leader'],
        en: 'pool approve needs --key',
        cy: 'mae angen --key ar pool approve'
    },
    {
        mistake: 'a missing option value with choices',
        args: ['check', 'examples', '--format'],
        en: '--format needs a value: text, json, sarif, github, junit, codequality or summary',
        cy: 'mae angen gwerth ar --format: text, json, sarif, github, junit, codequality neu summary'
    }
];

/** The arguments with `--lang cy` right after the command's words, where commander reads it as an option. */
function inWelsh(args: readonly string[]): string[] {
    const words = args[0] === 'generate' ? 2 : 1;
    return [...args.slice(0, words), '--lang', 'cy', ...args.slice(words)];
}

describe("the command line's own errors", () => {
    it.each(MISTAKES)('$mistake: one catalogue sentence in English and in Welsh, exit status 2', async ({ args, en, cy }) => {
        expect(await runPoolInProcess(args)).toEqual({ status: 2, stdout: '', stderr: `pool: ${en}\n` });
        expect(await runPoolInProcess(inWelsh(args))).toEqual({ status: 2, stdout: '', stderr: `pool: ${cy}\n` });
    });
});

describe('a mistake that no PoolCommand method words', () => {
    it.each([
        ['en', 'pool could not read its arguments (commander.conflictingOption); see pool --help'],
        ['cy', 'ni allai pool ddarllen ei ddadleuon (commander.conflictingOption); gweler pool --help']
    ] as const)("is one catalogue line naming commander's error code (%s), and commander's English is not written", async (lang, line) => {
        let written = '';
        const command = new PoolCommand('demo', lang)
            .addOption(new Option('--one', 'an option that conflicts with another, which no pool command declares').conflicts('two'))
            .option('--two', 'the other')
            .exitOverride()
            .configureOutput({
                writeOut: text => (written += text),
                writeErr: text => (written += text),
                outputError: () => undefined
            })
            .action(() => undefined);
        const error: unknown = await command.parseAsync(['--one', '--two'], { from: 'user' }).then(
            () => undefined,
            (thrown: unknown) => thrown
        );
        expect(error).toBeInstanceOf(CommanderError);
        expect(written).toBe('');
        expect(commanderFailure(error as CommanderError, lang)).toBe(line);
    });

    it('--help, --version and the help a command needing a subcommand shows add no line', async () => {
        expect(await runPoolInProcess(['--version'])).toMatchObject({ status: 0, stderr: '' });
        expect((await runPoolInProcess(['check', '--help'])).stderr).toBe('');
        const generate = await runPoolInProcess(['generate']);
        expect(generate.status).toBe(2);
        expect(generate.stderr).toMatch(/^Usage: pool generate/);
        expect(generate.stderr).not.toContain('pool could not read');
    });
});
