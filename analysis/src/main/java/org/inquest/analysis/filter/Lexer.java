package org.inquest.analysis.filter;

import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.filter.FilterSyntaxException.Problem;

/**
 * Splits filter text into tokens. Hand-written so that every token knows its exact offset and every failure
 * names the character at fault. Anything outside the language — {@code ;}, comments, typographic quotes — is a
 * {@link Problem#BAD_CHARACTER} error, never skipped.
 */
final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    /** Bare identifiers: a letter or {@code _}, then letters, digits or {@code _}. Shared with the printer. */
    static boolean isIdentifierStart(int c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenKind.EOF, "", text.length(), 0));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'') {
            return quoted('\'', TokenKind.STRING, Problem.UNTERMINATED_STRING, "string");
        }
        if (c == '"') {
            Token t = quoted('"', TokenKind.QUOTED_IDENTIFIER, Problem.UNTERMINATED_IDENTIFIER, "quoted column name");
            if (t.value().isEmpty()) {
                throw new FilterSyntaxException(Problem.SYNTAX, start, 2, "empty quoted column name \"\"");
            }
            return t;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isIdentifierStart(text.codePointAt(pos))) {
            while (pos < text.length() && isIdentifierPart(text.codePointAt(pos))) {
                pos += Character.charCount(text.codePointAt(pos));
            }
            String word = text.substring(start, pos);
            TokenKind keyword = TokenKind.keyword(word);
            return new Token(keyword == null ? TokenKind.IDENTIFIER : keyword, word, start, pos - start);
        }
        pos++;
        switch (c) {
            case '(': return new Token(TokenKind.LPAREN, "(", start, 1);
            case ')': return new Token(TokenKind.RPAREN, ")", start, 1);
            case '[': return new Token(TokenKind.LBRACKET, "[", start, 1);
            case ']': return new Token(TokenKind.RBRACKET, "]", start, 1);
            case ',': return new Token(TokenKind.COMMA, ",", start, 1);
            case '-': return new Token(TokenKind.MINUS, "-", start, 1);
            case '=': return new Token(TokenKind.EQ, "=", start, 1);
            case '<':
                if (peek('=')) {
                    return new Token(TokenKind.LE, "<=", start, 2);
                }
                if (peek('>')) {
                    return new Token(TokenKind.NE, "<>", start, 2);
                }
                return new Token(TokenKind.LT, "<", start, 1);
            case '>':
                return peek('=') ? new Token(TokenKind.GE, ">=", start, 2) : new Token(TokenKind.GT, ">", start, 1);
            case '!':
                if (peek('=')) {
                    return new Token(TokenKind.NE, "!=", start, 2);
                }
                throw new FilterSyntaxException(Problem.BAD_CHARACTER, start, 1, "'!' must be followed by '=' (write != or NOT)");
            default:
                throw badCharacter(start);
        }
    }

    private FilterSyntaxException badCharacter(int at) {
        int cp = text.codePointAt(at);
        String shown = new String(Character.toChars(cp));
        String hint = switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '`', '\u00B4' -> "; strings use straight single quotes '...'";
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB' ->
                    "; column names are quoted with straight double quotes \"...\"";
            case ';' -> "; a filter is one expression, not a statement";
            default -> "";
        };
        return new FilterSyntaxException(Problem.BAD_CHARACTER, at, Character.charCount(cp),
                String.format("unexpected character '%s' (U+%04X)%s", shown, cp, hint));
    }

    private boolean peek(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    /** A quoted token; the quote character inside is written twice. */
    private Token quoted(char quote, TokenKind kind, Problem unterminated, String what) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new FilterSyntaxException(unterminated, start, text.length() - start,
                        "unterminated " + what + " (missing closing " + quote + ")");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                } else {
                    return new Token(kind, value.toString(), start, pos - start);
                }
            } else {
                value.append(c);
            }
        }
    }

    /** Digits, an optional fraction and an optional exponent: {@code 12}, {@code 0.5}, {@code .5}, {@code 1e-3}. */
    private Token number() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        if (pos < text.length() && isIdentifierPart(text.codePointAt(pos))) {
            int end = pos;
            while (end < text.length() && isIdentifierPart(text.codePointAt(end))) {
                end++;
            }
            throw new FilterSyntaxException(Problem.BAD_LITERAL, start, end - start, "malformed number '"
                    + text.substring(start, end) + "' (a column name starting with a digit must be double-quoted)");
        }
        return new Token(TokenKind.NUMBER, text.substring(start, pos), start, pos - start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
