package dev.podscope.kube;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Puts an exec plugin's credential on requests and, on a 401, re-runs the plugin and retries once. Like client-go,
 * a request that already carries an Authorization header is left alone.
 */
final class ExecAuth implements Interceptor, Authenticator {
    private final ExecCredentialProvider provider;

    ExecAuth(ExecCredentialProvider provider) {
        this.provider = provider;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        return chain.proceed(withCredential(request, provider.current()));
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
        ExecCredential used = response.request().tag(ExecCredential.class);
        if (used == null || response.priorResponse() != null) {
            return null;
        }
        return withCredential(response.request(), provider.refreshAfterRejection(used));
    }

    private static Request withCredential(Request request, ExecCredential credential) {
        Request.Builder builder = request.newBuilder().tag(ExecCredential.class, credential);
        if (credential.token() != null) {
            builder.header("Authorization", "Bearer " + credential.token());
        } else {
            builder.removeHeader("Authorization");
        }
        return builder.build();
    }
}
