import { CommanderError, Option } from 'commander';
import type { ApproveOptions } from './commands/approve.js';
import { parseOutputs, runCheck, type CommandIo } from './commands/check.js';
import type { DiffFormat } from './commands/diff.js';
import type { ReportFormat } from './commands/report.js';
import { CHECK_FORMATS } from './formats/index.js';
import { UsageError } from './files.js';
import { chosenLanguage, helpIn, languageForHelp, languageOption, usageMessage } from './language.js';
import { escapeTerminalLines, type Lang, TOOL_VERSION } from '@pool/language';
import { message, t, word, type WordKey } from './i18n/index.js';
import { choiceOption, commanderFailure, PoolCommand } from './pool-command.js';
import { styleFor } from './style.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * Progress on stderr for runs over many files, only on a terminal and never in CI, so logs and
 * pipes stay clean.
 */
function progressReporter(
    stream: NodeJS.WriteStream,
    lang: Lang,
    doing: 'checking' | 'reading' = 'checking',
    env: NodeJS.ProcessEnv = process.env
): ((done: number, total: number) => void) | undefined {
    if (!stream.isTTY || env.CI) return undefined;
    return (done, total) => {
        if (total < 20) return;
        // Rewrite one line while working; erase it when done so the report starts on a clean line.
        stream.write(done < total ? `\r${t(doing === 'checking' ? 'cli.progress.checking' : 'cli.progress.reading', { done, total }, lang)}` : '\r\u001b[K');
    };
}

/**
 * Runs the `pool` command line and returns its exit code: 0 clean, 1 problems found, 2 usage or
 * I/O error. A user's mistake gets one clear line, never a stack trace.
 */
export async function main(argv: readonly string[], io: Partial<CommandIo> = {}): Promise<number> {
    const version = TOOL_VERSION;
    // The language is chosen when a command runs (`--lang`, else POOL_LANG); `--help` and errors in
    // the command line itself are worded before that, in the language the arguments ask for.
    const helpLang = languageForHelp(argv);
    const words = (key: WordKey) => word(key, helpLang);
    /** Text after a command's options in `--help`: exit statuses and examples. */
    const after = (key: WordKey) => `\n${words(key)}\n`;
    let lang: Lang = helpLang;
    const out = io.out ?? (text => process.stdout.write(text));
    // Nothing on standard error is coloured, so every control character in it (a file name's, an
    // error's) can be shown visibly; standard output is escaped where it is made (pool check's text).
    const err = io.err ?? (text => process.stderr.write(escapeTerminalLines(text)));
    const style = io.style ?? styleFor(process.stdout);
    const ioIn = (chosen: Lang): CommandIo => ({ out, err, style, version, lang: (lang = chosen) });
    let exitCode = EXIT_OK;
    const program = new PoolCommand('pool', helpLang)
        .description(words('cli.help.program'))
        .version(version, '-v, --version', words('cli.help.version'))
        .helpOption('-h, --help', words('cli.help.help-option'))
        .helpCommand('help [command]', words('cli.help.help-command'))
        .configureHelp(helpIn(helpLang))
        .exitOverride()
        // Commander's own English error lines are never printed: PoolCommand throws each mistake
        // worded from the catalogue before commander would write one, and `commanderFailure` words the rest.
        .configureOutput({ writeOut: out, writeErr: err, outputError: () => undefined });

    program
        .command('check')
        .description(words('cli.help.check'))
        .argument('<paths...>', words('cli.help.check.paths'))
        .addOption(
            // NAME or NAME=FILE, once for each output. The names are the option's choices (the help
            // lists them; a value left out names them); `parseOutputs` refuses any other name.
            new Option('-f, --format <format[=file]>', words('cli.help.check.format'))
                .choices(Object.keys(CHECK_FORMATS))
                .argParser((value: string, previous: string[]) => [...previous, value])
                .default([], 'text')
        )
        .option('--strict', words('cli.help.check.strict'), false)
        .option('-q, --quiet', words('cli.help.check.quiet'), false)
        .option('--stdin-filename <path>', words('cli.help.check.stdin-filename'))
        .option('--force-exclude', words('cli.help.check.force-exclude'), false)
        .option('--help-base-uri <uri>', words('cli.help.check.help-base-uri'))
        .option('--allowed-signers <file>', words('cli.help.check.allowed-signers'))
        .addOption(languageOption(helpLang))
        .addHelpText('after', after('cli.help.check.after'))
        .action(
            async (
                paths: string[],
                options: {
                    format: string[];
                    strict: boolean;
                    quiet: boolean;
                    stdinFilename?: string;
                    forceExclude: boolean;
                    helpBaseUri?: string;
                    allowedSigners?: string;
                    lang?: string;
                }
            ) => {
                const commandIo = ioIn(chosenLanguage(options.lang));
                if (options.helpBaseUri !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(options.helpBaseUri)) {
                    throw new UsageError(message('cli.help-base-uri', { uri: options.helpBaseUri }));
                }
                const outputs = parseOutputs(options.format, commandIo.lang);
                // Progress only where a person reads the text; never over machine output.
                const progress = outputs.some(output => output.format === 'text' && output.file === undefined)
                    ? progressReporter(process.stderr, commandIo.lang)
                    : undefined;
                exitCode = await runCheck(paths, { ...options, outputs }, { ...commandIo, progress, stdin: io.stdin });
            }
        );

    program
        .command('diff')
        .description(words('cli.help.diff'))
        .argument('<old>', words('cli.help.diff.old'))
        .argument('[new]', words('cli.help.diff.new'))
        .addOption(choiceOption('-f, --format <format>', words('cli.help.diff.format'), ['text', 'md', 'html', 'json'], helpLang).default('text'))
        .option('--exit-code', words('cli.help.diff.exit-code'), false)
        .option('--approved', words('cli.help.diff.approved'), false)
        .addOption(languageOption(helpLang))
        .action(async (oldSpec: string, newSpec: string | undefined, options: { format: DiffFormat; exitCode: boolean; approved: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            // Each command but `check` is loaded when it runs: `pool check` then neither reads nor runs
            // the formatter, git or OpenSSH code, nor the editor's code the formatter brings with it.
            const { runDiff } = await import('./commands/diff.js');
            exitCode = await runDiff(oldSpec, newSpec, { ...options, lang: commandIo.lang }, commandIo);
        });

    program
        .command('fmt')
        .description(words('cli.help.fmt'))
        .argument('<paths...>', words('cli.help.paths'))
        .option('--check', words('cli.help.fmt.check'), false)
        .option('--force-exclude', words('cli.help.check.force-exclude'), false)
        .addOption(languageOption(helpLang))
        .addHelpText('after', after('cli.help.fmt.after'))
        .action(async (paths: string[], options: { check: boolean; forceExclude: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            const progress = progressReporter(process.stderr, commandIo.lang, 'reading');
            const { runFmt } = await import('./commands/fmt.js');
            exitCode = await runFmt(paths, options, { ...commandIo, progress });
        });

    program
        .command('report')
        .description(words('cli.help.report'))
        .argument('<file>', words('cli.help.report.file'))
        .addOption(choiceOption('-f, --format <format>', words('cli.help.report.format'), ['md', 'html', 'pdf'], helpLang).default('html'))
        .option('-o, --output <path>', words('cli.help.report.output'))
        .option('--partner <id>', words('cli.help.report.partner'))
        .option('--each-partner', words('cli.help.report.each-partner'), false)
        .addOption(languageOption(helpLang))
        .addHelpText('after', after('cli.help.report.after'))
        .action(async (file: string, options: { format: ReportFormat; output?: string; partner?: string; eachPartner: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            // Loaded only for reports: the charting library would slow every other command's start.
            const { runReport } = await import('./commands/report.js');
            exitCode = await runReport(file, { ...options, lang: commandIo.lang }, commandIo);
        });

    program
        .command('generate')
        .description(words('cli.help.generate'))
        .command('json')
        .description(words('cli.help.generate.json'))
        .argument('<path>', words('cli.help.generate.json.path'))
        .option('-o, --output <path>', words('cli.help.output'))
        .addOption(languageOption(helpLang))
        .action(async (target: string, options: { output?: string; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            const { runGenerateJson } = await import('./commands/report.js');
            exitCode = await runGenerateJson(target, options, commandIo);
        });

    program
        .command('fingerprint')
        .description(words('cli.help.fingerprint'))
        .argument('<file>', words('cli.help.fingerprint.file'))
        .addOption(languageOption(helpLang))
        .action(async (file: string, options: { lang?: string }) => {
            const { runFingerprint } = await import('./commands/fingerprint.js');
            exitCode = await runFingerprint(file, ioIn(chosenLanguage(options.lang)));
        });

    program
        .command('approve')
        .description(words('cli.help.approve'))
        .argument('<file>', words('cli.help.approve.file'))
        .requiredOption('--partner <id>', words('cli.help.approve.partner'))
        .requiredOption('--role <role>', words('cli.help.approve.role'))
        .requiredOption('--key <file>', words('cli.help.approve.key'))
        .option('--name <name>', words('cli.help.approve.name'))
        .option('--date <yyyy-mm-dd>', words('cli.help.approve.date'))
        .option('--force', words('cli.help.approve.force'), false)
        .addOption(languageOption(helpLang))
        .addHelpText('after', after('cli.help.approve.after'))
        .action(async (file: string, options: ApproveOptions & { lang?: string }) => {
            const { runApprove } = await import('./commands/approve.js');
            exitCode = await runApprove(file, options, ioIn(chosenLanguage(options.lang)));
        });

    program
        .command('verify')
        .description(words('cli.help.verify'))
        .argument('<report>', words('cli.help.verify.report'))
        .argument('[sources...]', words('cli.help.verify.sources'))
        .addOption(languageOption(helpLang))
        .addHelpText('after', after('cli.help.verify.after'))
        .action(async (report: string, sources: string[], options: { lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            // Loaded only for verify: it renders reports, as pool report does.
            const { runVerify } = await import('./commands/verify.js');
            exitCode = await runVerify(report, sources, commandIo);
        });

    program
        .command('lsp')
        .description(words('cli.help.lsp'))
        .option('--stdio', words('cli.help.lsp.stdio'))
        .option('--socket <port>', words('cli.help.lsp.socket'))
        .option('--pipe <name>', words('cli.help.lsp.pipe'))
        .option('--node-ipc', words('cli.help.lsp.node-ipc'))
        // Read by vscode-languageserver itself from the command line: it stops with the editor.
        .option('--clientProcessId <pid>', words('cli.help.lsp.client-process-id'))
        // The server's messages are in the language the editor gives as its `locale`; --lang when it gives none.
        .addOption(languageOption(helpLang))
        .action(async (options: { stdio?: boolean; socket?: string; pipe?: string; nodeIpc?: boolean; lang?: string }) => {
            const { lang: chosen } = ioIn(chosenLanguage(options.lang));
            const { runLsp } = await import('./commands/lsp.js');
            await runLsp(options, chosen);
        });

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here too, successfully.
            const failure = commanderFailure(error, helpLang);
            if (failure !== undefined) err(`${t('cli.error', { message: failure }, helpLang)}\n`);
            return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (error instanceof UsageError) {
            err(`${t('cli.error', { message: usageMessage(error, lang) }, lang)}\n`);
            return EXIT_USAGE;
        }
        err(`${t('cli.internal-error', { message: error instanceof Error ? error.message : String(error) }, lang)}\n`);
        if (process.env.POOL_DEBUG) err(`${error instanceof Error ? error.stack : ''}\n`);
        return EXIT_USAGE;
    }
}
