// The TextMate grammar of the extension, generated from the Langium grammar: Langium's own output
// (keywords, strings, comments) plus a pattern for each literal terminal (dates, financial years,
// percentages, amounts, numbers) taken from the grammar's terminal rules, so colouring never drifts
// from the syntax.

/** The terminals that are literal values, and the TextMate scope each is coloured as. */
const LITERAL_TERMINALS = [
    ['DATE', 'constant.other.date.pool'],
    ['FIN_YEAR', 'constant.other.financial-year.pool'],
    ['PERCENT', 'constant.numeric.percentage.pool'],
    ['MONEY', 'constant.numeric.amount.pool'],
    ['NUMBER', 'constant.numeric.pool']
];

/** The regular expression of each `terminal NAME: /…/;` in the grammar text. */
export function terminalRegexes(grammarText) {
    const terminals = new Map();
    for (const match of grammarText.matchAll(/^\s*(?:hidden\s+)?terminal\s+(\w+)\s*:\s*\/(.*)\/\s*;/gm)) {
        terminals.set(match[1], match[2]);
    }
    return terminals;
}

/** The keywords of the grammar: every quoted word in its rules. */
export function grammarKeywords(grammarText) {
    const withoutComments = grammarText.replace(/\/\/[^\n]*/g, '');
    return new Set([...withoutComments.matchAll(/'([A-Za-z][\w-]*)'/g)].map(match => match[1]));
}

/** The extension's grammar from Langium's TextMate output and the grammar text. */
export function generateTextMateGrammar(langiumTextMate, grammarText) {
    const terminals = terminalRegexes(grammarText);
    const literals = LITERAL_TERMINALS.map(([name, scope]) => {
        const regex = terminals.get(name);
        if (regex === undefined) throw new Error(`The grammar has no terminal ${name}`);
        // Not inside a word: `2013/14` but not the digits of an id such as `q2`.
        return { name: scope, match: `(?<![\\w-])(?:${regex})(?![\\w-])` };
    });
    const [comments, ...rest] = langiumTextMate.patterns;
    return {
        ...langiumTextMate,
        displayName: 'Pool',
        patterns: [comments, ...literals, ...rest]
    };
}
