package gongkai.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
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
    /** The bytes of the string being read; copied out for each string. */
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

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
            Operator op = keyword();
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
                    int length = keywordLength();
                    COSBase constant = length == 4 && matches("true") ? COSBoolean.TRUE
                            : length == 5 && matches("false") ? COSBoolean.FALSE
                            : length == 4 && matches("null") ? COSNull.NULL : null;
                    if (constant != null) {
                        position += length;
                        if (!isEndOfName(peek())) {
                            throw new Unsupported("a keyword run together with what follows");
                        }
                        return constant;
                    }
                    if (!topLevel) {
                        throw new Unsupported("an operator inside an array or dictionary");
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
        if (limit - position < 32) {
            compact();
        }
        int start = position;
        int end = position;
        while (end < limit && isNumberChar(buffer[end])) {
            end++;
        }
        if (end == limit && end - start >= 32) {
            throw new Unsupported("number longer than 32 characters");
        }
        position = end;
        int i = start;
        boolean negative = buffer[i] == '-';
        if (negative || buffer[i] == '+') {
            i++;
        }
        int digits = 0;
        int dot = -1;
        long mantissa = 0;
        for (int k = i; k < end; k++) {
            byte d = buffer[k];
            if (d == '.' && dot < 0) {
                dot = k;
            } else if (d >= '0' && d <= '9') {
                digits++;
                mantissa = mantissa * 10 + d - '0';
            } else {
                throw new Unsupported("number with a misplaced sign, a second point or an exponent");
            }
        }
        if (digits == 0) {
            throw new Unsupported("number without digits");
        }
        if (digits > 18) {
            return COSNumber.get(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
        }
        if (dot < 0) {
            return COSInteger.get(negative ? -mantissa : mantissa);
        }
        int decimals = end - dot - 1;
        if (mantissa > 1 << 24 || decimals > 10) {
            return COSNumber.get(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
        }
        // Both operands are exact floats, so IEEE division rounds the exact quotient once: the value
        // Float.parseFloat gives for the same text. Zero is positive, as COSFloat coerces -0 to 0.
        float value = mantissa / POWERS_OF_TEN[decimals];
        return new COSFloat(value == 0 ? 0f : negative ? -value : value);
    }

    private static final float[] POWERS_OF_TEN = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private static boolean isNumberChar(byte c) {
        return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
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
        bytes.reset();
        int high = -1;
        while (true) {
            int c = read();
            int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (nibble >= 0) {
                if (high < 0) {
                    high = nibble;
                } else {
                    bytes.write(high << 4 | nibble);
                    high = -1;
                }
            } else if (c == '>') {
                if (high >= 0) {
                    bytes.write(high << 4); // an odd last digit is followed by 0, as in PDFBox
                }
                return new COSString(bytes.toByteArray());
            } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\b' && c != '\f') {
                throw new Unsupported("hex string with a non-hex character or no end");
            }
        }
    }

    /** A literal string whose parentheses balance; PDFBox's guesses about unbalanced ones are left to PDFBox. */
    private COSString literalString() throws IOException {
        ByteArrayOutputStream out = bytes;
        out.reset();
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

    /** The operator at the current position, consumed; its name must end where both of PDFBox's readers end it. */
    private Operator keyword() throws IOException {
        int length = keywordLength();
        int first = buffer[position] & 0xff;
        if (first == 'I' || length == 2 && first == 'B' && buffer[position + 1] == 'I') {
            throw new Unsupported("inline image");
        }
        Operator op;
        if (length == 1) {
            op = ONE[first];
            if (op == null) {
                op = ONE[first] = Operator.getOperator(String.valueOf((char) first));
            }
        } else if (length == 2) {
            int key = first << 7 | buffer[position + 1] & 0x7f;
            op = TWO[key];
            if (op == null) {
                op = TWO[key] = Operator.getOperator(new String(buffer, position, 2, StandardCharsets.ISO_8859_1));
            }
        } else {
            op = Operator.getOperator(new String(buffer, position, length, StandardCharsets.ISO_8859_1));
        }
        position += length;
        int next = peek();
        if (!(next == EOF || isWhitespace(next) || next == '[' || next == '<' || next == '(' || next == '/' || next == '%')) {
            throw new Unsupported("operator followed by " + next);
        }
        return op;
    }

    /**
     * PDFBox's operators of one and two characters, as {@link Operator#getOperator} returns them (shared instances;
     * only BI and ID, never read here, are made per use). Filled as met; a race fills a slot twice with the same one.
     */
    private static final Operator[] ONE = new Operator[128];
    private static final Operator[] TWO = new Operator[128 * 128];

    /** The length of the run of operator characters at the current position, at most 8; nothing is consumed. */
    private int keywordLength() throws IOException {
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
            throw new Unsupported("unexpected character");
        }
        return end - position;
    }

    private boolean matches(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (buffer[position + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
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
