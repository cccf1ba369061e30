package gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit and stops reading (closing the connection) as soon as
 * the body is known to be larger: from Content-Length before reading anything, or while reading a
 * body of undeclared length. A crawler must not be made to fill its memory by a runaway download.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Result> {
    /** The body, or {@code tooLarge} and no bytes. */
    record Result(byte[] bytes, boolean tooLarge) {
        static final Result TOO_LARGE = new Result(new byte[0], true);
    }

    private final long maxBytes;
    private final boolean declaredTooLarge;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long maxBytes, boolean declaredTooLarge) {
        this.maxBytes = maxBytes;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<Result> handler(long maxBytes) {
        return info -> {
            long declared;
            try {
                declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            } catch (NumberFormatException e) {
                declared = -1;
            }
            return new CappedBody(maxBytes, declared > maxBytes);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredTooLarge) {
            s.cancel();
            result.complete(Result.TOO_LARGE);
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (out.size() + (long) b.remaining() > maxBytes) {
                subscription.cancel();
                result.complete(Result.TOO_LARGE);
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(new Result(out.toByteArray(), false));
    }

    @Override
    public CompletionStage<Result> getBody() {
        return result;
    }
}
