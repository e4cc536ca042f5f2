package dev.podscope.session;

import java.util.List;

/**
 * The namespaces a user may pick. When listing namespaces is forbidden it holds only the context's namespace and
 * {@code problem} says why ("listing namespaces is forbidden for this user; showing the context's namespace").
 */
public record NamespaceListing(List<String> names, String problem) {
    public boolean restricted() {
        return problem != null;
    }
}
