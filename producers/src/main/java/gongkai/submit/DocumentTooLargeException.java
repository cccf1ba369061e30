package gongkai.submit;

/**
 * A document over the document limit, refused before it is sent: the submission log could not hold it, and the
 * topology would reject it as TOO_LARGE anyway. The message is the parser's own TOO_LARGE reason.
 */
public final class DocumentTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DocumentTooLargeException(String message) {
        super(message);
    }
}
