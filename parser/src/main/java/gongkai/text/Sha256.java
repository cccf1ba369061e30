package gongkai.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: how a document's content is named everywhere (submissions, dead letters, the crawler's state). */
public final class Sha256 {
    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return hex(ByteBuffer.wrap(bytes));
    }

    /** Of the remaining bytes, leaving the buffer's position where it was. */
    public static String hex(ByteBuffer bytes) {
        MessageDigest digest = digest();
        digest.update(bytes.duplicate());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first {@code bytes} bytes of the digest of a string's UTF-8, in hex: a short stable name for it. */
    public static String prefix(String text, int bytes) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
