package dev.podscope.kube;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds an Authorization header (bearer token or basic auth) unless the request already has one, as client-go does. */
final class HeaderAuth implements Interceptor {
    /** Produces the header value per request, so a token file can change underneath. */
    @FunctionalInterface
    interface Value {
        String get() throws IOException;
    }

    private final Value value;

    HeaderAuth(Value value) {
        this.value = value;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", value.get()).build());
    }
}
