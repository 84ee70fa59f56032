import { type Connection, ErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * The connection as the services see it, guarded so that nothing a client sends can stop the
 * server or leave a question unanswered:
 *
 * - A notification the server cannot use (a document opened with text that is not text, an edit
 *   with a range that is not one, a document in another language) is logged as a warning and
 *   ignored; a handler that fails is logged, and the server goes on.
 * - Every request gets a proper LSP answer: a result, or an error response. (Langium returns some
 *   errors as values, such as "no document for this URI"; with two copies of the JSON-RPC library
 *   in a bundle they went out as results, `{ code: -32802 }`.) Malformed parameters are an
 *   `InvalidParams` error, a fault while answering a `RequestFailed` one.
 *
 * Only documents in the `pool` language are served: another language's documents, which a client
 * may send to every server, are not even kept.
 */
export function guardConnection(connection: Connection): Connection {
    const ignored = new Set<string>();
    const log = (text: string) => {
        connection.console.warn(text);
    };
    const documentGuards: Record<string, (params: unknown) => string | undefined> = {
        onDidOpenTextDocument: params => {
            const document = (params as { textDocument?: Record<string, unknown> } | null)?.textDocument;
            if (!document) return 'ignored a document opened with no textDocument';
            const { uri, text, version, languageId } = document;
            const problem =
                typeof uri !== 'string'
                    ? 'a uri that is not text'
                    : typeof text !== 'string'
                      ? 'text that is not text'
                      : !Number.isInteger(version)
                        ? 'a version that is not a whole number'
                        : typeof languageId !== 'string'
                          ? 'no languageId'
                          : undefined;
            if (problem !== undefined || typeof uri !== 'string') return `ignored a document opened with ${problem ?? 'a uri that is not text'}`;
            if (languageId !== 'pool') {
                ignored.add(uri);
                return '';
            }
            ignored.delete(uri);
            return undefined;
        },
        onDidChangeTextDocument: params => {
            const change = params as { textDocument?: { uri?: unknown; version?: unknown }; contentChanges?: unknown } | null;
            if (typeof change?.textDocument?.uri !== 'string' || !Number.isInteger(change.textDocument.version) || !Array.isArray(change.contentChanges)) {
                return 'ignored an edit that names no document, version or changes';
            }
            if (ignored.has(change.textDocument.uri)) return '';
            if (!change.contentChanges.every(isContentChange)) return `ignored an edit of ${change.textDocument.uri} that is not text in a range`;
            return undefined;
        },
        onDidCloseTextDocument: params => documentNamed(params, ignored, true),
        onDidSaveTextDocument: params => documentNamed(params, ignored, false),
        onWillSaveTextDocument: params => documentNamed(params, ignored, false)
    };
    return guard(connection, (method, handler) => {
        const check = documentGuards[method];
        if (check) {
            return (params: unknown, ...rest: unknown[]) => {
                const problem = check(params);
                if (problem !== undefined) {
                    if (problem) log(problem);
                    return undefined;
                }
                return notifying(method, handler, log)(params, ...rest);
            };
        }
        return isNotification(method) ? notifying(method, handler, log) : answering(handler);
    });
}

function documentNamed(params: unknown, ignored: Set<string>, forget: boolean): string | undefined {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    if (typeof uri !== 'string') return 'ignored a notification that names no document';
    if (!ignored.has(uri)) return undefined;
    if (forget) ignored.delete(uri);
    return '';
}

function isPosition(value: unknown): boolean {
    const position = value as { line?: unknown; character?: unknown } | null;
    const line = position?.line;
    const character = position?.character;
    return typeof line === 'number' && Number.isInteger(line) && line >= 0 && typeof character === 'number' && Number.isInteger(character) && character >= 0;
}

function isContentChange(value: unknown): boolean {
    const change = value as { text?: unknown; range?: { start?: unknown; end?: unknown } } | null;
    return typeof change?.text === 'string' && (change.range === undefined || (isPosition(change.range.start) && isPosition(change.range.end)));
}

/** Registrations of notification handlers (the rest register request handlers). */
function isNotification(method: string): boolean {
    return /^onDid|^onNotification$|^onInitialized$|^onExit$|^onWillSaveTextDocument$|^onProgress$/.test(method);
}

type Handler = (...args: unknown[]) => unknown;

/** A notification handler that never throws: a failure is logged, and the server goes on. */
function notifying(method: string, handler: Handler, log: (text: string) => void): Handler {
    return (...args) => {
        const failed = (error: unknown) => {
            log(`ignored a notification (${method}) that could not be handled: ${error instanceof Error ? error.message : String(error)}`);
        };
        try {
            const result = handler(...args);
            if (result instanceof Promise) result.catch(failed);
            return result;
        } catch (error) {
            failed(error);
            return undefined;
        }
    };
}

/** A request handler whose every outcome is a result or a proper error response. */
function answering(handler: Handler): Handler {
    return async (...args) => {
        const params = args[0] as { textDocument?: { uri?: unknown } } | null | undefined;
        if (params !== undefined && params !== null && typeof params === 'object' && 'textDocument' in params && typeof params.textDocument?.uri !== 'string') {
            throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a URI');
        }
        let result: unknown;
        try {
            result = await handler(...args);
        } catch (error) {
            throw asResponseError(error);
        }
        if (isErrorLike(result)) throw asResponseError(result);
        return result;
    };
}

function isErrorLike(value: unknown): value is { code: number; message: string; data?: unknown } {
    return value instanceof Error && typeof (value as { code?: unknown }).code === 'number';
}

function asResponseError(error: unknown): ResponseError<unknown> {
    if (error instanceof ResponseError) return error;
    if (isErrorLike(error)) return new ResponseError(error.code, error.message, error.data);
    return new ResponseError(-32803 /* RequestFailed */, error instanceof Error ? error.message : String(error));
}

/**
 * The connection, with every handler registered through it (on it, and on its `languages`,
 * `workspace` and other groups) wrapped by `wrap`.
 */
function guard<T extends object>(target: T, wrap: (method: string, handler: Handler) => Handler): T {
    return new Proxy(target, {
        get(object, property, receiver) {
            const value = Reflect.get(object, property, receiver) as unknown;
            if (typeof value === 'function') {
                const method = value as Handler;
                const name = String(property);
                if (!/^on/.test(name)) return method.bind(object);
                return (...args: unknown[]) =>
                    method.apply(
                        object,
                        args.map(arg => (typeof arg === 'function' ? wrap(name, arg as Handler) : arg))
                    );
            }
            if (value && typeof value === 'object' && !Array.isArray(value) && typeof property === 'string' && GROUPS.has(property)) {
                return guard(value, wrap);
            }
            return value;
        }
    });
}

/** The groups of a connection whose methods register handlers. */
const GROUPS = new Set([
    'languages',
    'workspace',
    'window',
    'notebooks',
    'semanticTokens',
    'inlayHint',
    'inlineValue',
    'diagnostics',
    'callHierarchy',
    'typeHierarchy',
    'moniker',
    'foldingRange',
    'inlineCompletion',
    'synchronization',
    'textDocuments'
]);
