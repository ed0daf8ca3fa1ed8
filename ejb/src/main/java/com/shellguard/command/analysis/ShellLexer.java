package com.shellguard.command.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits shell code into words and operators the way bash's reader does, so that what a policy sees as
 * "the arguments" are the words the shell will pass. It follows quoting ({@code ' " \ $' $"}), the nesting
 * of {@code $( )}, {@code $(( ))}, {@code ${ }}, backquotes and process substitutions (a {@code )} or a blank
 * inside them does not end the word), comments, and here-documents, whose bodies are skipped.
 * <p>
 * Text the shell would reject (an unclosed quote, a missing {@code )}) is read to its end as if closed: the
 * analysis must say what it can about any text a hooked shell sends, and never fail on it.
 */
final class ShellLexer {

    /**
     * Deeper nesting of substitutions and expansions is read as plain text: no real command nests this far,
     * and it keeps the recursion (and the stack) bounded whatever the text.
     */
    private static final int MAX_NESTING = 32;

    /** Words after which {@code case} is a keyword, not an argument. */
    private static final Set<String> COMMAND_STARTING_WORDS = Set.of("then", "do", "else", "elif", "if", "while", "until", "{", "!");

    /** Longer operators first, so that the first match is the longest. */
    private static final String[] OPERATORS = {";;&", ";;", ";&", ";", "&&", "&>>", "&>", "&", "||", "|&", "|", "(", ")",
        "<<<", "<<-", "<<", "<&", "<>", "<", ">>", ">&", ">|", ">"};

    private static final Pattern ARRAY_ASSIGNMENT_START = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?\\+?=");
    private static final Pattern DESCRIPTOR_PREFIX = Pattern.compile("[0-9]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}");

    private record HereDocument(String delimiter, boolean stripTabs) {
    }

    private final String text;
    /** How deep inside substitutions and expansions the reader is. */
    private int nesting;
    /** Reading the body of a {@code $( )}: stop at the {@code )} that closes it. */
    private final boolean closedByParenthesis;
    private final List<ShellToken> tokens = new ArrayList<>();
    private final Deque<HereDocument> hereDocuments = new ArrayDeque<>();
    private final Memo memo;
    private int pos;

    private ShellLexer(String text, int start, int nesting, boolean closedByParenthesis, Memo memo) {
        this.text = text;
        this.pos = start;
        this.nesting = nesting;
        this.closedByParenthesis = closedByParenthesis;
        this.memo = memo;
    }

    static List<ShellToken> tokenize(String text) {
        String code = text == null ? "" : text;
        ShellLexer lexer = new ShellLexer(code, 0, 0, false, new Memo(code));
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        int parentheses = 0;
        int openCases = 0;
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                return;
            }
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                tokens.add(new ShellOperator("\n"));
                skipHereDocumentBodies();
            } else if (c == '#') {
                skipComment();
            } else if (isMeta(c) && !startsProcessSubstitution()) {
                if (c == '(' && at("((") && readArithmeticCommand()) {
                    continue;
                }
                if (c == ')' && closedByParenthesis && parentheses == 0 && openCases == 0) {
                    return;
                }
                parentheses += c == '(' ? 1 : c == ')' && parentheses > 0 ? -1 : 0;
                readOperator("");
            } else {
                ShellWord word = readWord();
                if (DESCRIPTOR_PREFIX.matcher(word.raw()).matches() && pos < text.length()
                    && (text.charAt(pos) == '<' || text.charAt(pos) == '>') && !startsProcessSubstitution()) {
                    readOperator(word.raw());
                    continue;
                }
                if (startsCommand()) {
                    openCases += word.raw().equals("case") ? 1 : word.raw().equals("esac") && openCases > 0 ? -1 : 0;
                }
                tokens.add(word);
            }
        }
    }

    private void readOperator(String descriptor) {
        String operator = ";";
        for (String candidate : OPERATORS) {
            if (at(candidate)) {
                operator = candidate;
                break;
            }
        }
        pos += operator.length();
        tokens.add(new ShellOperator(descriptor + operator));
        if (operator.equals("<<") || operator.equals("<<-")) {
            readHereDocumentDelimiter(operator.equals("<<-"));
        }
    }

    private void readHereDocumentDelimiter(boolean stripTabs) {
        skipBlanks();
        if (pos >= text.length() || isMeta(text.charAt(pos)) || text.charAt(pos) == '\n') {
            return;
        }
        ShellWord delimiter = readWord();
        tokens.add(delimiter);
        hereDocuments.add(new HereDocument(delimiter.value(), stripTabs));
    }

    /** Here-document bodies start on the line after their operator; none of their lines is a command. */
    private void skipHereDocumentBodies() {
        while (!hereDocuments.isEmpty()) {
            HereDocument document = hereDocuments.poll();
            while (pos < text.length()) {
                int end = text.indexOf('\n', pos);
                String line = text.substring(pos, end < 0 ? text.length() : end);
                pos = end < 0 ? text.length() : end + 1;
                String compared = document.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                if (compared.equals(document.delimiter())) {
                    break;
                }
            }
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
    }

    /** {@code ((} opens an arithmetic command only when the matching close is {@code ))}; else it is two subshells. */
    private boolean readArithmeticCommand() {
        WordBuilder word = new WordBuilder();
        int start = pos;
        pos += 2;
        if (!readArithmetic(word, start)) {
            pos = start;
            return false;
        }
        tokens.add(word.build());
        return true;
    }

    private ShellWord readWord() {
        WordBuilder word = new WordBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            if (startsProcessSubstitution()) {
                if (word.isEmpty()) {
                    readCommandSubstitution(word, pos + 2);
                    continue;
                }
                break;
            }
            if (c == '(' && !word.isEmpty() && (endsWithExtglobOperator(word) || ARRAY_ASSIGNMENT_START.matcher(word.raw).matches())) {
                readParenthesized(word);
                continue;
            }
            if (isMeta(c)) {
                break;
            }
            switch (c) {
                case '\\' -> readEscape(word);
                case '\'' -> readSingleQuoted(word);
                case '"' -> readDoubleQuoted(word);
                case '$' -> readDollar(word, false);
                case '`' -> readBackquoted(word);
                default -> {
                    word.both(c);
                    pos++;
                }
            }
        }
        return word.build();
    }

    private void readEscape(WordBuilder word) {
        if (pos + 1 >= text.length()) {
            word.both('\\');
            pos++;
            return;
        }
        char next = text.charAt(pos + 1);
        pos += 2;
        if (next != '\n') {
            word.raw.append('\\').append(next);
            word.value.append(next);
        }
    }

    private void readSingleQuoted(WordBuilder word) {
        int end = text.indexOf('\'', pos + 1);
        int stop = end < 0 ? text.length() : end;
        word.raw.append(text, pos, end < 0 ? stop : stop + 1);
        word.value.append(text, pos + 1, stop);
        pos = end < 0 ? stop : stop + 1;
    }

    private void readDoubleQuoted(WordBuilder word) {
        word.raw.append('"');
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                word.raw.append('"');
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char next = text.charAt(pos + 1);
                if ("$`\"\\".indexOf(next) >= 0) {
                    word.raw.append(c).append(next);
                    word.value.append(next);
                } else if (next != '\n') {
                    word.both(c).both(next);
                }
                pos += 2;
            } else if (c == '$') {
                readDollar(word, true);
            } else if (c == '`') {
                readBackquoted(word);
            } else {
                word.both(c);
                pos++;
            }
        }
    }

    private void readDollar(WordBuilder word, boolean inDoubleQuotes) {
        if (nesting >= MAX_NESTING) {
            word.both('$');
            pos++;
            return;
        }
        nesting++;
        try {
            readExpansion(word, inDoubleQuotes);
        } finally {
            nesting--;
        }
    }

    private void readExpansion(WordBuilder word, boolean inDoubleQuotes) {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (next == '\'' && !inDoubleQuotes) {
            readAnsiCQuoted(word);
        } else if (next == '"' && !inDoubleQuotes) {
            word.raw.append('$');
            pos++;
            readDoubleQuoted(word);
        } else if (next == '(') {
            int start = pos;
            if (at("$((")) {
                pos += 3;
                if (readArithmetic(word, start)) {
                    return;
                }
                pos = start;
            }
            readCommandSubstitution(word, start + 2);
        } else if (next == '{') {
            readEnclosed(word, '{', '}');
        } else if (next == '[') {
            readEnclosed(word, '[', ']');
        } else if (Character.isLetterOrDigit(next) || next == '_' || "@*#?$!-".indexOf(next) >= 0) {
            int start = pos++;
            if (Character.isLetter(next) || next == '_') {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
            } else {
                pos++;
            }
            word.verbatim(text.substring(start, pos));
            word.expands = true;
        } else {
            word.both('$');
            pos++;
        }
    }

    /** {@code $( )} and {@code <( )}: the body is shell code of its own, read by a nested lexer to find its end. */
    private void readCommandSubstitution(WordBuilder word, int bodyStart) {
        int start = pos;
        int end;
        if (nesting >= MAX_NESTING) {
            int close = text.indexOf(')', bodyStart);
            end = close < 0 ? text.length() : close;
        } else {
            Integer known = memo.substitutionEnds.get(bodyStart);
            if (known == null) {
                ShellLexer body = new ShellLexer(text, bodyStart, nesting + 1, true, memo);
                body.run();
                known = Math.min(body.pos, text.length());
                memo.substitutionEnds.put(bodyStart, known);
            }
            end = known;
        }
        word.substitution(text.substring(bodyStart, end));
        pos = end < text.length() ? end + 1 : end;
        word.verbatim(text.substring(start, pos));
        word.expands = true;
    }

    private void readBackquoted(WordBuilder word) {
        int start = pos++;
        StringBuilder code = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                char next = text.charAt(pos + 1);
                if (next != '`' && next != '\\' && next != '$') {
                    code.append(c);
                }
                code.append(next);
                pos += 2;
            } else if (c == '`') {
                pos++;
                break;
            } else {
                code.append(c);
                pos++;
            }
        }
        word.substitution(code.toString());
        word.verbatim(text.substring(start, pos));
        word.expands = true;
    }

    /**
     * After {@code ((} or {@code $((}: reads to the matching {@code ))}, collecting the command substitutions
     * inside. Returns false when the parentheses close some other way (then they were subshells).
     */
    private boolean readArithmetic(WordBuilder word, int start) {
        Arithmetic arithmetic = memo.arithmetic.get(start);
        if (arithmetic == null) {
            arithmetic = scanArithmetic();
            memo.arithmetic.put(start, arithmetic);
        }
        if (arithmetic.end() < 0) {
            return false;
        }
        pos = arithmetic.end();
        word.verbatim(text.substring(start, pos));
        word.substitutions.addAll(arithmetic.substitutions());
        word.expands = true;
        return true;
    }

    private Arithmetic scanArithmetic() {
        WordBuilder inner = new WordBuilder();
        int depth = 0;
        while (pos < text.length()) {
            if (--memo.arithmeticBudget < 0) {
                return Arithmetic.NONE;
            }
            char c = text.charAt(pos);
            if (c == ')') {
                if (depth == 0) {
                    return at("))") ? new Arithmetic(pos + 2, inner.substitutions) : Arithmetic.NONE;
                }
                depth--;
                pos++;
            } else if (c == '(') {
                depth++;
                pos++;
            } else {
                readNestedPart(inner, c);
            }
        }
        return Arithmetic.NONE;
    }

    /** {@code ${ }} and {@code $[ ]}: kept as written; only the command substitutions inside matter. */
    private void readEnclosed(WordBuilder word, char open, char close) {
        int start = pos;
        pos += 2;
        WordBuilder inner = new WordBuilder();
        int depth = 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == close) {
                pos++;
                if (--depth == 0) {
                    break;
                }
            } else if (c == open) {
                depth++;
                pos++;
            } else {
                readNestedPart(inner, c);
            }
        }
        word.verbatim(text.substring(start, pos));
        word.substitutions.addAll(inner.substitutions);
        word.expands = true;
    }

    /** Extglob groups {@code @(a|b)} and array values {@code arr=(a b)}: one word, blanks and all. */
    private void readParenthesized(WordBuilder word) {
        int start = pos++;
        WordBuilder inner = new WordBuilder();
        int depth = 1;
        while (pos < text.length() && depth > 0) {
            char c = text.charAt(pos);
            if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                pos++;
            } else {
                readNestedPart(inner, c);
            }
        }
        word.verbatim(text.substring(start, pos));
        word.substitutions.addAll(inner.substitutions);
        word.expands |= inner.expands;
    }

    private void readNestedPart(WordBuilder inner, char c) {
        switch (c) {
            case '\\' -> pos = Math.min(text.length(), pos + 2);
            case '\'' -> readSingleQuoted(inner);
            case '"' -> readDoubleQuoted(inner);
            case '$' -> readDollar(inner, true);
            case '`' -> readBackquoted(inner);
            default -> pos++;
        }
    }

    private void readAnsiCQuoted(WordBuilder word) {
        int start = pos;
        pos += 2;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                pos = AnsiCEscape.decode(text, pos, word.value);
            } else {
                word.value.append(c);
                pos++;
            }
        }
        word.raw.append(text, start, pos);
    }

    /** Whether the next word stands where a command begins (where {@code case} and {@code esac} are keywords). */
    private boolean startsCommand() {
        if (tokens.isEmpty()) {
            return true;
        }
        ShellToken previous = tokens.get(tokens.size() - 1);
        return previous instanceof ShellOperator operator ? !operator.isRedirection()
            : COMMAND_STARTING_WORDS.contains(((ShellWord) previous).raw());
    }

    private boolean at(String s) {
        return text.startsWith(s, pos);
    }

    private boolean startsProcessSubstitution() {
        return at("<(") || at(">(");
    }

    private static boolean isMeta(char c) {
        return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
    }

    private static boolean endsWithExtglobOperator(WordBuilder word) {
        return "@!+*?".indexOf(word.raw.charAt(word.raw.length() - 1)) >= 0;
    }

    /** Where an arithmetic expansion ends ({@code -1}: it is not one), and the command substitutions inside it. */
    private record Arithmetic(int end, List<String> substitutions) {
        static final Arithmetic NONE = new Arithmetic(-1, List.of());

        Arithmetic {
            substitutions = List.copyOf(substitutions);
        }
    }

    /**
     * What the nested readers of one text have already worked out, by position: where a substitution's body ends
     * and whether a {@code ((} is arithmetic. Text such as {@code $(( $(( $(( ...} must be tried both as
     * arithmetic and as a substitution at every level; remembering the answers keeps that from being exponential.
     * Each {@code ((} is still looked for its {@code ))} to the end of the text, so the characters looked at that way
     * are limited (far beyond what real arithmetic needs): after that, {@code ((} is read as parentheses.
     */
    private static final class Memo {
        private final Map<Integer, Integer> substitutionEnds = new HashMap<>();
        private final Map<Integer, Arithmetic> arithmetic = new HashMap<>();
        private int arithmeticBudget;

        Memo(String text) {
            arithmeticBudget = 100_000 + 4 * text.length();
        }
    }

    /** A word being read: its raw text, its value after quote removal, and what it substitutes. */
    private static final class WordBuilder {
        private final StringBuilder raw = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private final List<String> substitutions = new ArrayList<>();
        private boolean expands;

        WordBuilder both(char c) {
            raw.append(c);
            value.append(c);
            return this;
        }

        void verbatim(String s) {
            raw.append(s);
            value.append(s);
        }

        void substitution(String code) {
            substitutions.add(code);
        }

        boolean isEmpty() {
            return raw.length() == 0;
        }

        ShellWord build() {
            return new ShellWord(raw.toString(), value.toString(), substitutions, expands);
        }
    }
}
