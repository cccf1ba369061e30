package gongkai.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * Tokenizes a page's content stream into the operators and operands PDFBox's engine processes, as PDFBox's own
 * {@code PDFStreamParser} does, at a fraction of its cost: that parser reads one byte at a time through several
 * layers and was a third of the time of reading a report. Only well-formed syntax is read here; at anything else
 * (inline images, name escapes, malformed numbers or strings, an unexpected end) it throws {@link Unsupported}, and
 * the document is read again with PDFBox's parser, whose leniency stays the reference. Every token it does read
 * is the token PDFBox would have produced (same numbers, names, strings, arrays and dictionaries).
 */
final class PdfContentScanner {
    /** The content uses syntax this scanner leaves to PDFBox. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /** Receives each operator with its operands; the list is reused for the next operator. */
    interface Sink {
        void operator(Operator operator, List<COSBase> operands) throws IOException;
    }

    private static final int EOF = -1;
    private static final int MAX_DEPTH = 64;

    private final RandomAccessRead in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final StringBuilder token = new StringBuilder(16);

    PdfContentScanner(RandomAccessRead in) {
        this.in = in;
    }

    /** Reads the whole stream, handing every operator to {@code sink}; {@code onOperator} runs every 64k operators. */
    void run(Sink sink, Runnable every64k) throws IOException {
        List<COSBase> operands = new ArrayList<>();
        int operators = 0;
        while (true) {
            skipSpaces();
            int c = peek();
            if (c == EOF) {
                return;
            }
            COSBase operand = operand(c, 0, true);
            if (operand != null) {
                operands.add(operand);
                continue;
            }
            Operator op = Operator.getOperator(keyword());
            sink.operator(op, operands);
            operands.clear();
            if (++operators % 65_536 == 0) {
                every64k.run();
            }
        }
    }

    /** An operand starting with {@code c}, or null when the next token is an operator (left unread). */
    private COSBase operand(int c, int depth, boolean topLevel) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Unsupported("nesting deeper than " + MAX_DEPTH);
        }
        switch (c) {
            case '<':
                read();
                if (peek() == '<') {
                    read();
                    return dictionary(depth);
                }
                return hexString();
            case '[':
                read();
                return array(depth);
            case '(':
                read();
                return literalString();
            case '/':
                read();
                return name();
            default:
                if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
                    return number();
                }
                if (isKeywordChar(c)) {
                    String word = peekKeyword();
                    COSBase constant = switch (word) {
                        case "true" -> COSBoolean.TRUE;
                        case "false" -> COSBoolean.FALSE;
                        case "null" -> COSNull.NULL;
                        default -> null;
                    };
                    if (constant != null) {
                        position += word.length();
                        if (!isEndOfName(peek())) {
                            throw new Unsupported("'" + word + "' run together with what follows");
                        }
                        return constant;
                    }
                    if (!topLevel) {
                        throw new Unsupported("keyword '" + word + "' inside an array or dictionary");
                    }
                    return null;
                }
                throw new Unsupported("unexpected character " + c);
        }
    }

    private COSArray array(int depth) throws IOException {
        COSArray array = new COSArray();
        while (true) {
            skipSpaces();
            int c = peek();
            if (c == ']') {
                read();
                return array;
            }
            if (c == EOF || c == 0) {
                throw new Unsupported("unterminated array");
            }
            array.add(operand(c, depth + 1, false));
        }
    }

    private COSDictionary dictionary(int depth) throws IOException {
        COSDictionary dictionary = new COSDictionary();
        while (true) {
            skipSpaces();
            int c = peek();
            if (c == '>') {
                read();
                if (read() != '>') {
                    throw new Unsupported("dictionary ends with a single '>'");
                }
                return dictionary;
            }
            if (c != '/') {
                throw new Unsupported("dictionary key is not a name");
            }
            read();
            COSName key = name();
            skipSpaces();
            int v = peek();
            if (v == EOF || v == '>') {
                throw new Unsupported("dictionary key without a value");
            }
            COSBase value = operand(v, depth + 1, false);
            if (value instanceof COSNumber) {
                skipSpaces();
                int next = peek();
                if (next >= '0' && next <= '9') {
                    throw new Unsupported("indirect reference in a content stream dictionary");
                }
            }
            dictionary.setItem(key, value);
        }
    }

    /** A number in the plain forms [+-]digits[.digits] or [+-].digits; anything PDFBox would repair is left to it. */
    private COSBase number() throws IOException {
        token.setLength(0);
        int c = peek();
        while (c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
            token.append((char) c);
            read();
            c = peek();
        }
        int i = 0;
        int n = token.length();
        if (token.charAt(0) == '-' || token.charAt(0) == '+') {
            i++;
        }
        int digits = 0;
        int dots = 0;
        for (int k = i; k < n; k++) {
            char d = token.charAt(k);
            if (d == '.') {
                dots++;
            } else if (d >= '0' && d <= '9') {
                digits++;
            } else {
                throw new Unsupported("number '" + token + "'");
            }
        }
        if (digits == 0 || dots > 1) {
            throw new Unsupported("number '" + token + "'");
        }
        if (dots == 0 && digits <= 18) {
            long value = 0;
            for (int k = i; k < n; k++) {
                value = value * 10 + token.charAt(k) - '0';
            }
            return COSInteger.get(token.charAt(0) == '-' ? -value : value);
        }
        // PDFBox's own conversion, so the float is the same to the last bit.
        return COSNumber.get(token.toString());
    }

    private COSName name() throws IOException {
        token.setLength(0);
        int c = peek();
        while (!isEndOfName(c)) {
            if (c == '#' || c < 0x21 || c > 0x7e) {
                throw new Unsupported("name with an escape or a non-ASCII byte");
            }
            token.append((char) c);
            read();
            c = peek();
        }
        return COSName.getPDFName(token.toString());
    }

    private COSString hexString() throws IOException {
        token.setLength(0);
        while (true) {
            int c = read();
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                token.append((char) c);
            } else if (c == '>') {
                return COSString.parseHex(token.toString());
            } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\b' && c != '\f') {
                throw new Unsupported("hex string with a non-hex character or no end");
            }
        }
    }

    /** A literal string whose parentheses balance; PDFBox's guesses about unbalanced ones are left to PDFBox. */
    private COSString literalString() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        int depth = 1;
        while (true) {
            int c = read();
            switch (c) {
                case EOF:
                    throw new Unsupported("string without an end");
                case ')':
                    depth--;
                    if (depth == 0) {
                        return new COSString(out.toByteArray());
                    }
                    guessedEnd();
                    out.write(c);
                    break;
                case '(':
                    depth++;
                    out.write(c);
                    break;
                case '\\':
                    escape(out);
                    break;
                default:
                    out.write(c);
            }
        }
    }

    private void escape(ByteArrayOutputStream out) throws IOException {
        int next = read();
        switch (next) {
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case ')' -> {
                guessedEnd();
                out.write(next);
            }
            case '(', '\\' -> out.write(next);
            case '\n', '\r' -> {
                // A line break inside the string: PDFBox drops it and every line break that follows.
                while (peek() == '\n' || peek() == '\r') {
                    read();
                }
            }
            case EOF -> throw new Unsupported("string without an end");
            default -> {
                if (next >= '0' && next <= '7') {
                    int value = next - '0';
                    for (int k = 0; k < 2 && peek() >= '0' && peek() <= '7'; k++) {
                        value = value * 8 + read() - '0';
                    }
                    out.write(value);
                } else {
                    out.write(next); // the backslash is dropped, as PDFBox does
                }
            }
        }
    }

    /** PDFBox ends a string early at a nested ')' followed by a line break; such strings are left to it. */
    private void guessedEnd() throws IOException {
        int c = peek();
        if (c == '\r' || c == '\n') {
            throw new Unsupported("')' before a line break inside a string");
        }
    }

    /** The operator name at the current position, consumed; it must end where both of PDFBox's readers end it. */
    private String keyword() throws IOException {
        String word = peekKeyword();
        position += word.length();
        int next = peek();
        if (word.equals("BI") || word.charAt(0) == 'I') {
            throw new Unsupported("inline image");
        }
        if (!(next == EOF || isWhitespace(next) || next == '[' || next == '<' || next == '(' || next == '/' || next == '%')) {
            throw new Unsupported("operator '" + word + "' followed by " + next);
        }
        return word;
    }

    /** The run of operator characters at the current position, without consuming it. */
    private String peekKeyword() throws IOException {
        if (limit - position < 16) {
            compact();
        }
        int end = position;
        while (end < limit && isKeywordChar(buffer[end] & 0xff)) {
            end++;
            if (end - position > 8) {
                throw new Unsupported("operator longer than 8 characters");
            }
        }
        if (end == position) {
            throw new Unsupported("unexpected character " + (position < limit ? buffer[position] & 0xff : EOF));
        }
        return new String(buffer, position, end - position, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isKeywordChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '*' || c == '\'' || c == '"';
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean isEndOfName(int c) {
        return switch (c) {
            case ' ', '\r', '\n', '\t', '>', '<', '[', '/', ']', ')', '(', 0, '\f', '%', EOF -> true;
            default -> false;
        };
    }

    private void skipSpaces() throws IOException {
        while (true) {
            int c = peek();
            if (c == '%') {
                while (c != '\n' && c != '\r' && c != EOF) {
                    read();
                    c = peek();
                }
            } else if (isWhitespace(c)) {
                read();
            } else {
                return;
            }
        }
    }

    private int peek() throws IOException {
        if (position >= limit && !fill()) {
            return EOF;
        }
        return buffer[position] & 0xff;
    }

    private int read() throws IOException {
        if (position >= limit && !fill()) {
            return EOF;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    /** Moves the unread bytes to the front and tops the buffer up, so a keyword can be looked at in one piece. */
    private void compact() throws IOException {
        int left = limit - position;
        System.arraycopy(buffer, position, buffer, 0, left);
        position = 0;
        limit = left;
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n <= 0) {
                return;
            }
            limit += n;
        }
    }
}
