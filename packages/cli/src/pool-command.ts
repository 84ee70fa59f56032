import { closestNames, type Lang, listInWords } from '@pool/language';
import { t } from './i18n/index.js';
import { Command, type CommanderError, Option } from 'commander';
import { UsageError } from './files.js';

/**
 * A `pool` command: commander's `Command`, with the mistakes commander finds in the arguments
 * worded from the message catalogue in `lang` (the language of `--help`, chosen before parsing).
 *
 * Commander reports each kind of mistake by calling a method of the command it was found in, with
 * what it concerns: `unknownOption(flag)`, `unknownCommand()`, `missingArgument(name)`,
 * `optionMissingArgument(option)`, `missingMandatoryOptionValue(option)`, `_excessArguments(args)`. They are overridden here to throw a
 * `UsageError` with the catalogue's sentence, which `main` prints like every other usage error: one
 * line, exit status 2. Subcommands are made by `createCommand`, commander's hook for a subclass, so
 * they word their mistakes too. A bad choice is the option's own parser's (`choiceOption`).
 * Commander's other errors (two options that conflict) cannot
 * happen: no command declares them; should one come, `commanderFailure` words it from its code,
 * and commander's own English is never printed (`main` turns its `outputError` off). These methods
 * are not in commander's type declarations, hence no `override`; `test/welsh.test.ts` and
 * `packages/cli/test/usage-errors.test.ts` meet each mistake, so a commander that stopped calling
 * one fails them.
 */
export class PoolCommand extends Command {
    constructor(
        name: string | undefined,
        private readonly messageLang: Lang
    ) {
        super(name);
    }

    override createCommand(name?: string): PoolCommand {
        return new PoolCommand(name, this.messageLang);
    }

    /** An option this command does not have: a close one if there is one, and `--flag=value` for a flag that takes none. */
    unknownOption(flag: string): never {
        const lang = this.messageLang;
        const options = this.optionsInScope();
        const [name = flag, given] = flag.split(/=(.*)/s);
        const flagOption = given === undefined ? undefined : options.find(option => option.long === name && !option.required && !option.optional);
        if (flagOption) throw new UsageError(t('cli.commander.option-takes-no-value', { option: name, given: flag }, lang));
        const near = flag.startsWith('--')
            ? closestNames(
                  flag.slice(2),
                  options.flatMap(option => (option.long ? [option.long.slice(2)] : []))
              ).map(long => `--${long}`)
            : [];
        throw new UsageError(
            near.length > 0
                ? t('cli.commander.unknown-option.suggest', { option: flag, suggestion: listInWords(near, lang, 'or') }, lang)
                : t('cli.commander.unknown-option', { option: flag }, lang)
        );
    }

    /** A command that is not one of this command's: a close one if there is one, else the list. */
    unknownCommand(): never {
        const lang = this.messageLang;
        const command = this.args[0] ?? '';
        const names = this.createHelp()
            .visibleCommands(this)
            .map(candidate => candidate.name());
        const near = closestNames(command, names);
        throw new UsageError(
            near.length > 0
                ? t('cli.commander.unknown-command.suggest', { command, suggestion: listInWords(near, lang, 'or') }, lang)
                : t('cli.commander.unknown-command', { command, commands: listInWords(names, lang) }, lang)
        );
    }

    missingArgument(name: string): never {
        throw new UsageError(t('cli.commander.missing-argument', { argument: name, usage: `pool ${this.path()} ${this.usage()}` }, this.messageLang));
    }

    /** An option that takes a value, written last with none: with its choices, when it has some. */
    optionMissingArgument(option: Option): never {
        const lang = this.messageLang;
        const name = optionName(option);
        throw new UsageError(
            option.argChoices
                ? t('cli.commander.missing-option-value.choices', { option: name, choices: listInWords(option.argChoices, lang, 'or') }, lang)
                : t('cli.commander.missing-option-value', { option: name }, lang)
        );
    }

    /** An option the command cannot do without (`pool approve --key`), left out. */
    missingMandatoryOptionValue(option: Option): never {
        throw new UsageError(t('cli.commander.missing-required-option', { option: optionName(option), command: this.path() }, this.messageLang));
    }

    _excessArguments(received: readonly string[]): never {
        const expected = this.registeredArguments.length;
        throw new UsageError(t('cli.commander.too-many-arguments', { command: this.path(), expected, got: received.length }, this.messageLang));
    }

    /** The command's words after `pool`: `check`, `generate json`. */
    private path(): string {
        return lineage(this)
            .filter(command => command.parent !== null)
            .map(command => command.name())
            .reverse()
            .join(' ');
    }

    /** The options a flag here may name: this command's and those of the commands it is under, as commander looks them up. */
    private optionsInScope(): readonly Option[] {
        return lineage(this).flatMap(command => command.createHelp().visibleOptions(command));
    }
}

/** A command and the commands it is under, nearest first. */
function lineage(command: Command): Command[] {
    const commands = [command];
    for (let parent = command.parent; parent; parent = parent.parent) commands.push(parent);
    return commands;
}

/** The name a message gives an option: its long flag, as the help lists it. */
function optionName(option: Option): string {
    return option.long ?? option.short ?? option.flags;
}

/**
 * An option whose value is one of `choices`, listed in the help; any other value is a usage error
 * worded from the catalogue (commander's own check words it in English).
 */
export function choiceOption(flags: string, description: string, choices: readonly string[], lang: Lang): Option {
    const option = new Option(flags, description).choices(choices);
    return option.argParser((value: string) => {
        if (!choices.includes(value)) {
            throw new UsageError(t('cli.commander.invalid-choice', { option: optionName(option), choices: listInWords(choices, lang, 'or'), value }, lang));
        }
        return value;
    });
}

/**
 * What to say when commander ends the parse (its `exitOverride`): nothing for `--help` and
 * `--version`, nor for a command's help shown on stderr because it needs a subcommand
 * (`pool generate`), which has said enough; otherwise one line from the catalogue naming
 * commander's error code, for a mistake none of `PoolCommand`'s methods worded.
 */
export function commanderFailure(error: CommanderError, lang: Lang): string | undefined {
    if (error.exitCode === 0 || error.code === 'commander.help') return undefined;
    return t('cli.commander.other', { code: error.code }, lang);
}
