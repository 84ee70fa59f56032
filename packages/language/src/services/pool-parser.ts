import { createTokenInstance, EOF, type ILookaheadStrategy, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import {
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    CstNodeBuilder,
    prepareLangiumParser,
    type LangiumCoreServices,
    type LangiumParser,
    type ParseResult,
    type ParserOptions
} from 'langium';

/**
 * The syntax errors the parser recovers from in one file. Each recovery costs about a tenth of a
 * millisecond (the error, its message, the tokens it may resume at), so a file of nothing but
 * mistakes (a paste of 12,600 quote marks is 6,300 of them) blocked the language server for a
 * second or more per keystroke, and one of 10 MiB for minutes. At this many the parser stops
 * reading: the rest of the file is not checked, and the last error says so.
 */
export const MAX_PARSER_ERRORS = 500;

/** The syntax error at which the parser stopped reading the file, if it did (see {@link MAX_PARSER_ERRORS}). */
export function parsingStoppedAt(parseResult: Pick<ParseResult, 'parserErrors'>): IRecognitionException | undefined {
    return parseResult.parserErrors.length >= MAX_PARSER_ERRORS ? parseResult.parserErrors.at(-1) : undefined;
}

/** What the builder changes in a node: Langium's own implementation types are not exported. */
interface MutableCstNode {
    container?: CompositeCstNode;
    content: CstNode[];
}

/**
 * Langium's syntax-tree builder, in time and stack linear in the size of the file.
 *
 * Langium's adds hidden tokens (comments, spaces) with `push(...nodes)` and `splice(i, 0,
 * ...nodes)`: one function argument per node, so past about 120,000 comment lines in a row the
 * stack overflows and the file cannot be parsed at all. And before each declaration it looks for
 * the declaration among its parent's children from the first, which is quadratic in the number of
 * declarations (most of the time of checking a register of 130,000 partners). This one adds
 * nodes in plain loops and looks from the end, where the node being built is.
 */
class LinearCstNodeBuilder extends CstNodeBuilder {
    /** How many of the lexer's hidden tokens have been taken (see {@link hiddenBefore}), by list. */
    private readonly taken = new WeakMap<IToken[], number>();

    /**
     * The hidden tokens before a token, from the lexer's list. Langium's parser takes them with
     * `splice(0, n)`, which moves the rest of the list each time: quadratic in the number of
     * comments (120,000 commented lines took nine seconds). This remembers where it got to instead.
     */
    hiddenBefore(hidden: IToken[], offset: number): IToken[] {
        const start = this.taken.get(hidden) ?? 0;
        let end = start;
        for (let token = hidden[end]; token !== undefined && token.startOffset <= offset; token = hidden[end]) end++;
        this.taken.set(hidden, end);
        return hidden.slice(start, end);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        const nodes: CstNode[] = [];
        // At the end the parser adds the lexer's whole list: only what was not taken before.
        for (const token of tokens.slice(this.taken.get(tokens) ?? 0)) nodes.push(this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        // A node not yet holding anything: the hidden tokens go just before it, in the nearest
        // ancestor where it (or the ancestor holding it) is not the first child.
        while (current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        this.insertChildren(current, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const target = parent as unknown as MutableCstNode;
        for (const child of children) (child as unknown as MutableCstNode).container = parent;
        if (target.content.length === 0) {
            target.content = children.slice();
        } else {
            for (const child of children) target.content.push(child);
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        const target = parent as unknown as MutableCstNode;
        for (const child of children) (child as unknown as MutableCstNode).container = parent;
        const after = target.content.splice(index);
        for (const child of children) target.content.push(child);
        for (const node of after) target.content.push(node);
    }
}

/** What is changed or read in Chevrotain's parser, which Langium's wraps: its own types keep these protected. */
interface RecoveringParser {
    recoveryEnabled: boolean;
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    findReSyncTokenType(): TokenType;
    flattenFollowSet(): TokenType[];
    tokVector: IToken[];
    currIdx: number;
    /** The tokens being parsed: setting it resets the parser's state and keeps the list given. */
    input: IToken[];
}

/** A token type as Chevrotain keeps it once the lexer is built: its number, and those of the types it is a category of. */
interface IndexedTokenType {
    readonly tokenTypeIdx?: number;
    readonly isParent?: boolean;
    readonly categoryMatches?: readonly number[];
}

/** Chevrotain's `tokenMatcher`: whether a token is of a type, or of a type in its category. */
function matches(token: IToken, type: TokenType): boolean {
    const indexed = type as IndexedTokenType;
    return token.tokenTypeIdx === indexed.tokenTypeIdx || (indexed.isParent === true && (indexed.categoryMatches ?? []).includes(token.tokenTypeIdx));
}

/**
 * Where the tokens of each type are in one parse's tokens, for {@link ReSyncFinder}: built once per
 * list of tokens, in one pass.
 */
function positionsByType(tokens: readonly IToken[]): Map<number, number[]> {
    const positions = new Map<number, number[]>();
    for (const [index, token] of tokens.entries()) {
        const list = positions.get(token.tokenTypeIdx);
        if (list) list.push(index);
        else positions.set(token.tokenTypeIdx, [index]);
    }
    return positions;
}

/** What Chevrotain reads past the last token: the end of the file. */
const END = createTokenInstance(EOF, '', NaN, NaN, NaN, NaN, NaN, NaN);

/** The first number in a sorted list that is at least `from`, or undefined. */
function firstFrom(sorted: readonly number[], from: number): number | undefined {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if ((sorted[middle] ?? Infinity) < from) low = middle + 1;
        else high = middle;
    }
    return sorted[low];
}

/**
 * Chevrotain's search for the token to resynchronise at after a syntax error, without reading the
 * tokens one by one. Its own looks at each token after the error until one can follow a rule being
 * parsed (often only a closing brace at the end of a long block, or the end of the file): at each
 * of up to {@link MAX_PARSER_ERRORS} errors, and again in each enclosing rule, so a storm of
 * errors in a long block (200,000 lines of a pool's year, each with a stray character) took a
 * minute. This finds the same token, the first after the error of a type that can follow, by where
 * each type's tokens are.
 */
export class ReSyncFinder {
    private readonly positions = new WeakMap<readonly IToken[], Map<number, number[]>>();

    /**
     * The type Chevrotain's `findReSyncTokenType` returns: of the types that may follow (`follow`, in
     * its order), the first that the first token after `current` of any of them has; `end` (the
     * end of the file, which is always among them) if no token after `current` has one.
     */
    find(tokens: readonly IToken[], current: number, follow: readonly TokenType[], end: IToken): TokenType | undefined {
        let positions = this.positions.get(tokens);
        if (!positions) {
            positions = positionsByType(tokens);
            this.positions.set(tokens, positions);
        }
        let first = Infinity;
        for (const type of follow) {
            const indexed = type as IndexedTokenType;
            const numbers = indexed.isParent === true ? [indexed.tokenTypeIdx, ...(indexed.categoryMatches ?? [])] : [indexed.tokenTypeIdx];
            for (const number of numbers) {
                const at = number === undefined ? undefined : firstFrom(positions.get(number) ?? [], current + 1);
                if (at !== undefined && at < first) first = at;
            }
        }
        const token = tokens[first] ?? end;
        return follow.find(type => matches(token, type));
    }
}

/**
 * Langium's parser, building its syntax tree with {@link LinearCstNodeBuilder}, in linear time,
 * and giving up error recovery at the {@link MAX_PARSER_ERRORS}th syntax error.
 */
export function createPoolParser(services: LangiumCoreServices, options: { lazyLookahead?: boolean } = {}): LangiumParser {
    // Langium's createLangiumParser, with the lookahead made lazy (see LazyLookahead) before the
    // parser analyses itself; test/parser-lookahead compares it with the lookahead built at once.
    const parser = prepareLangiumParser(services);
    if (options.lazyLookahead ?? true) {
        const analysed = parser as unknown as { wrapper: { lookaheadStrategy: ILookaheadStrategy } };
        analysed.wrapper.lookaheadStrategy = new LazyLookahead(analysed.wrapper.lookaheadStrategy);
    }
    parser.finalize();
    const builder = new LinearCstNodeBuilder();
    // The builder, the taking of hidden tokens and Chevrotain's parser are private parts of
    // Langium's parser, replaced or changed here and nowhere else; test/hostile/pathological-times.test.ts
    // and test/hostile/long-tokens.test.ts fail if they stop working.
    const internals = parser as unknown as {
        nodeBuilder: CstNodeBuilder;
        lexerResult: { hidden: IToken[] };
        extractHiddenTokens: (token: IToken) => IToken[];
        wrapper: RecoveringParser;
    };
    internals.nodeBuilder = builder;
    internals.extractHiddenTokens = token => builder.hiddenBefore(internals.lexerResult.hidden, token.startOffset);
    const chevrotain = internals.wrapper;
    const saveError = chevrotain.SAVE_ERROR.bind(chevrotain);
    let errors = 0;
    // Chevrotain records every syntax error here, whether it then recovers in the rule, in a
    // repetition or in a rule further out. At the limit, recovery is switched off and the error
    // thrown (recovery in a repetition records an error without throwing it): every rule passes it
    // on, and the first rule ends the parse there, keeping the tree built so far, as Chevrotain
    // does with recovery off.
    chevrotain.SAVE_ERROR = error => {
        const saved = saveError(error);
        if (++errors < MAX_PARSER_ERRORS) return saved;
        chevrotain.recoveryEnabled = false;
        throw saved;
    };
    const finder = new ReSyncFinder();
    const findReSyncTokenType = chevrotain.findReSyncTokenType.bind(chevrotain);
    chevrotain.findReSyncTokenType = () => finder.find(chevrotain.tokVector, chevrotain.currIdx, chevrotain.flattenFollowSet(), END) ?? findReSyncTokenType();
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        errors = 0;
        chevrotain.recoveryEnabled = true;
        try {
            return parse<T>(input, options);
        } finally {
            // Chevrotain keeps the tokens it parsed until it is given the next file's: an object
            // for each token, with its text and six positions, held for nothing (the tree has what
            // it needs of them); for a large file, a quarter of the parse's memory.
            chevrotain.input = [];
        }
    };
    return parser;
}

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];

/**
 * Langium's lookahead (Chevrotain's ALL(*) strategy), each decision's function built the first
 * time the parser reaches that decision instead of for every decision of the grammar when the
 * parser is made. Chevrotain builds all of them in its self-analysis: a quarter of the start-up of
 * a small `pool check`, most of it for rules a small file never reaches. The functions are the
 * same, built from the same grammar, only later: the parser chooses as before.
 */
class LazyLookahead implements ILookaheadStrategy {
    constructor(private readonly strategy: ILookaheadStrategy) {}

    validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
        return this.strategy.validate(options);
    }

    initialize(options: { rules: Parameters<ILookaheadStrategy['validate']>[0]['rules'] }): void {
        this.strategy.initialize?.(options);
    }

    buildLookaheadForAlternation(options: AlternationOptions): ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']> {
        const strategy = this.strategy;
        let built: ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']> | undefined;
        return function (this: unknown, orAlts) {
            built ??= strategy.buildLookaheadForAlternation(options);
            return built.call(this, orAlts);
        };
    }

    buildLookaheadForOptional(options: OptionalOptions): ReturnType<ILookaheadStrategy['buildLookaheadForOptional']> {
        const strategy = this.strategy;
        let built: ReturnType<ILookaheadStrategy['buildLookaheadForOptional']> | undefined;
        return function (this: unknown) {
            built ??= strategy.buildLookaheadForOptional(options);
            return built.call(this);
        };
    }
}
