package dev.podscope.kube;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Paths of the kubeconfig fixtures under src/test/resources/kube. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/kube/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the given fixture files as a KUBECONFIG list, with a home directory that holds no kubeconfig. */
    static KubeconfigSet loadList(Path home, String... relatives) {
        List<String> files = Arrays.stream(relatives).map(r -> path(r).toString()).toList();
        return KubeconfigLoader.load(KubeconfigSource.resolve(null,
                Map.of("KUBECONFIG", String.join(File.pathSeparator, files)), home));
    }
}
