import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { runCheck, type CommandIo } from './commands/check.js';
import { type DiffFormat, runDiff } from './commands/diff.js';
import { runFingerprint } from './commands/fingerprint.js';
import { runFmt } from './commands/fmt.js';
import type { ReportFormat } from './commands/report.js';
import { CHECK_FORMATS, type CheckFormat } from './formats/index.js';
import { UsageError } from './files.js';
import { chosenLanguage, languageOption, usageMessage } from './language.js';
import { type Lang, message, t } from '@pool/language';
import { styleFor } from './style.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const REPORT_HELP = `
Exit status: 0 written, no errors in the agreement; 1 written, but the agreement has errors (the
report lists them); 2 usage or I/O error (nothing written).

Examples:
  pool report agreement.pool -o report.html
  pool report agreement.pool --format pdf -o report.pdf
  pool report agreement.pool --format md --partner manchester > manchester.md
  pool report agreement.pool --format pdf --each-partner -o statements/
`;

const CHECK_HELP = `
Exit status: 0 no errors (warnings alone pass unless --strict), 1 errors found, 2 usage or I/O error.

Examples:
  pool check examples                       check every .pool file in a folder
  pool check 'agreements/**/*.pool'         a glob, expanded by pool
  pool check --strict --format sarif . > pool.sarif
  pool check --format junit . > pool-junit.xml
`;

const FMT_HELP = `
Only spaces, line breaks and the spelling of amounts change (£1200000 becomes £1,200,000); the
computed figures never do. Files with syntax errors, and files whose text partners have approved as
it stands, are left alone.

Exit status: 0 formatted (with --check: nothing to change), 1 files would change (--check) or could
not be formatted, 2 usage or I/O error.

Examples:
  pool fmt agreements                       format every .pool file in a folder, in place
  pool fmt --check .                        in CI: fail if any file is not formatted
`;

/**
 * Progress on stderr for runs over many files, only on a terminal and never in CI, so logs and
 * pipes stay clean.
 */
function progressReporter(stream: NodeJS.WriteStream, lang: Lang, doing: 'checking' | 'reading' = 'checking', env: NodeJS.ProcessEnv = process.env): ((done: number, total: number) => void) | undefined {
    if (!stream.isTTY || env.CI) return undefined;
    return (done, total) => {
        if (total < 20) return;
        // Rewrite one line while working; erase it when done so the report starts on a clean line.
        stream.write(done < total ? `\r${t(doing === 'checking' ? 'cli.progress.checking' : 'cli.progress.reading', { done, total }, lang)}` : '\r\u001b[K');
    };
}

function toolVersion(): string {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return manifest.version;
}

/**
 * Runs the `pool` command line and returns its exit code: 0 clean, 1 problems found, 2 usage or
 * I/O error. A user's mistake gets one clear line, never a stack trace.
 */
export async function main(argv: readonly string[], io: Partial<CommandIo> = {}): Promise<number> {
    const version = toolVersion();
    // The language is chosen when a command runs (`--lang`, else POOL_LANG); errors before that are in English.
    let lang: Lang = 'en';
    const out = io.out ?? (text => process.stdout.write(text));
    const err = io.err ?? (text => process.stderr.write(text));
    const style = io.style ?? styleFor(process.stdout);
    const ioIn = (chosen: Lang): CommandIo => ({ out, err, style, version, lang: lang = chosen });
    let exitCode = EXIT_OK;
    const program = new Command('pool')
        .description('Check pooled-budget agreements written in the Pool language.')
        .version(version, '-v, --version', 'print the version of pool')
        .exitOverride()
        .configureOutput({ writeOut: out, writeErr: err })
        .showSuggestionAfterError(true);

    program.command('check')
        .description('check agreements and report every problem found')
        .argument('<paths...>', '.pool files, folders (searched recursively, honouring .poolignore) or glob patterns')
        .addOption(new Option('-f, --format <format>', 'output format: text for people; json, sarif (code scanning), github (Actions annotations) or junit (GitLab, Azure, Jenkins) for machines').choices(Object.keys(CHECK_FORMATS)).default('text'))
        .option('--strict', 'treat warnings as errors (exit 1 when there are any)', false)
        .option('--help-base-uri <uri>', 'where the check reference is published, for help links in SARIF output')
        .addOption(languageOption())
        .addHelpText('after', CHECK_HELP)
        .action(async (paths: string[], options: { format: CheckFormat; strict: boolean; helpBaseUri?: string; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            if (options.helpBaseUri !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(options.helpBaseUri)) {
                throw new UsageError(message('cli.help-base-uri', { uri: options.helpBaseUri }));
            }
            const progress = options.format === 'text' ? progressReporter(process.stderr, commandIo.lang) : undefined;
            exitCode = await runCheck(paths, options, { ...commandIo, progress });
        });

    program.command('diff')
        .description('say in plain English what changed between two versions of an agreement')
        .argument('<old>', 'the earlier version: a .pool file, or a git revision and path like main:agreements/gm.pool (with --approved: the agreement as it is now)')
        .argument('[new]', 'the later version, in the same forms')
        .addOption(new Option('-f, --format <format>', 'output format: text, md (Markdown for a board paper), html (a self-contained page) or json').choices(['text', 'md', 'html', 'json']).default('text'))
        .option('--exit-code', 'exit 1 when there are changes, as git diff --exit-code does', false)
        .option('--approved', 'compare one agreement with the last version its partners approved (found in git history by the fingerprint they recorded)', false)
        .addOption(languageOption())
        .action(async (oldSpec: string, newSpec: string | undefined, options: { format: DiffFormat; exitCode: boolean; approved: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            exitCode = await runDiff(oldSpec, newSpec, { ...options, lang: commandIo.lang }, commandIo);
        });

    program.command('fmt')
        .description('format agreements in place, as the editor formats them (never changing what they say)')
        .argument('<paths...>', '.pool files, folders (searched recursively, honouring .poolignore) or glob patterns')
        .option('--check', 'change nothing; list the files that would be reformatted and exit 1 if there are any', false)
        .addOption(languageOption())
        .addHelpText('after', FMT_HELP)
        .action(async (paths: string[], options: { check: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            const progress = progressReporter(process.stderr, commandIo.lang, 'reading');
            exitCode = await runFmt(paths, options, { ...commandIo, progress });
        });

    program.command('report')
        .description('write a report on an agreement for people who sign it: Markdown, HTML or PDF')
        .argument('<file>', 'the agreement (.pool file); its imports are read too')
        .addOption(new Option('-f, --format <format>', 'md, html (one self-contained page) or pdf').choices(['md', 'html', 'pdf']).default('html'))
        .option('-o, --output <path>', 'write to this file (with --each-partner: this folder) instead of standard output')
        .option('--partner <id>', 'a statement for one partner: what it pays in, receives and bears')
        .option('--each-partner', 'one statement per partner, in the folder given with -o', false)
        .option('--timestamp', 'record when the report was made (otherwise the same agreement gives identical bytes)', false)
        .addOption(languageOption())
        .addHelpText('after', REPORT_HELP)
        .action(async (file: string, options: { format: ReportFormat; output?: string; partner?: string; eachPartner: boolean; timestamp: boolean; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            // Loaded only for reports: the charting library would slow every other command's start.
            const { runReport } = await import('./commands/report.js');
            exitCode = await runReport(file, { ...options, lang: commandIo.lang }, commandIo);
        });

    program.command('generate')
        .description('generate machine-readable output from agreements')
        .command('json')
        .description('the whole agreement with its imports as JSON: declarations with source ranges, every computed figure, every diagnostic')
        .argument('<path>', 'a .pool file, or a folder (one JSON file per .pool file, written under -o FOLDER)')
        .option('-o, --output <path>', 'write to this file (for a folder: this folder) instead of standard output')
        .addOption(languageOption())
        .action(async (target: string, options: { output?: string; lang?: string }) => {
            const commandIo = ioIn(chosenLanguage(options.lang));
            const { runGenerateJson } = await import('./commands/report.js');
            exitCode = await runGenerateJson(target, options, commandIo);
        });

    program.command('fingerprint')
        .description('print the fingerprint of an agreement\'s text (with its imports), as approvals record it')
        .argument('<file>', 'the agreement')
        .addOption(languageOption())
        .action(async (file: string, options: { lang?: string }) => {
            exitCode = await runFingerprint(file, ioIn(chosenLanguage(options.lang)));
        });

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here too, successfully.
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
