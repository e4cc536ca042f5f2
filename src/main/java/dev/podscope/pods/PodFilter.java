package dev.podscope.pods;

import dev.podscope.kube.LabelSelector;
import dev.podscope.kube.LabelSelectorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the filter box means. Words are combined with AND:
 * <ul>
 *   <li>a plain word is a case-insensitive substring of the pod name ({@code web});</li>
 *   <li>a word with a selector operator is a label selector ({@code app=web,tier!=db}, {@code env in (a,b)},
 *       {@code !canary}); {@code -l key} forces the next word to be read as a selector, which is how a bare
 *       {@code key} (label exists) is written;</li>
 *   <li>{@code status:CrashLoopBackOff} matches the STATUS column exactly, ignoring case; commas give alternatives
 *       ({@code status:Pending,Failed}).</li>
 * </ul>
 */
public final class PodFilter {
    private static final PodFilter ALL = new PodFilter(List.of(), LabelSelector.everything(), Set.of());
    private static final String STATUS_PREFIX = "status:";
    private static final String SELECTOR_FLAG = "-l";

    private final List<String> nameParts;
    private final LabelSelector selector;
    private final Set<String> statuses;

    private PodFilter(List<String> nameParts, LabelSelector selector, Set<String> statuses) {
        this.nameParts = List.copyOf(nameParts);
        this.selector = selector;
        this.statuses = Set.copyOf(statuses);
    }

    public static PodFilter all() {
        return ALL;
    }

    public static PodFilter parse(String text) throws FilterSyntaxException {
        List<String> words = FilterWords.split(text == null ? "" : text);
        List<String> nameParts = new ArrayList<>();
        List<String> selectorParts = new ArrayList<>();
        Set<String> statuses = Set.of();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.regionMatches(true, 0, STATUS_PREFIX, 0, STATUS_PREFIX.length())) {
                statuses = parseStatuses(word.substring(STATUS_PREFIX.length()), statuses);
            } else if (word.equals(SELECTOR_FLAG)) {
                if (i + 1 == words.size()) {
                    throw new FilterSyntaxException("-l needs a label selector after it, e.g. -l app=web");
                }
                selectorParts.add(words.get(++i));
            } else if (FilterWords.looksLikeSelector(word)) {
                selectorParts.add(word);
            } else {
                nameParts.add(word.toLowerCase(Locale.ROOT));
            }
        }
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(String.join(",", selectorParts));
        } catch (LabelSelectorException e) {
            throw new FilterSyntaxException(e.getMessage());
        }
        return new PodFilter(nameParts, selector, statuses);
    }

    private static Set<String> parseStatuses(String list, Set<String> previous) throws FilterSyntaxException {
        Set<String> statuses = List.of(list.split(",")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (statuses.isEmpty()) {
            throw new FilterSyntaxException("status: needs a value, e.g. status:CrashLoopBackOff");
        }
        if (!previous.isEmpty()) {
            throw new FilterSyntaxException("use one status: word with commas for alternatives, e.g. status:Pending,Failed");
        }
        return statuses;
    }

    public boolean isEmpty() {
        return nameParts.isEmpty() && selector.isEmpty() && statuses.isEmpty();
    }

    public boolean matches(String name, Map<String, String> labels, String status) {
        if (!nameParts.isEmpty()) {
            String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
            for (String part : nameParts) {
                if (!lowerName.contains(part)) {
                    return false;
                }
            }
        }
        if (!statuses.isEmpty() && !statuses.contains(status == null ? "" : status.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return selector.matches(labels);
    }

    @Override
    public String toString() {
        return "name~" + nameParts + " labels[" + selector + "] status" + statuses;
    }
}
