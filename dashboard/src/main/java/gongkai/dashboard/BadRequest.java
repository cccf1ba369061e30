package gongkai.dashboard;

/** A request the dashboard answers with 400 and this message (shown escaped). */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
