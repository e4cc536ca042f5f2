package dev.podscope.kube;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which kubeconfig files to read, chosen as kubectl chooses them: an explicit {@code --kubeconfig} file, else the
 * {@code KUBECONFIG} list, else {@code ~/.kube/config}.
 *
 * @param files    the candidate files in precedence order (absolute)
 * @param explicit true for {@code --kubeconfig FILE}, which must exist
 * @param home     the user's home directory, used to show paths as {@code ~/...}
 */
public record KubeconfigSource(List<Path> files, boolean explicit, Path home) {

    public KubeconfigSource {
        files = List.copyOf(files);
    }

    /** The source kubectl would use in this process. */
    public static KubeconfigSource fromSystem(String explicitFileOrNull) {
        return resolve(explicitFileOrNull, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static KubeconfigSource resolve(String explicitFileOrNull, Map<String, String> env, Path home) {
        if (explicitFileOrNull != null && !explicitFileOrNull.isEmpty()) {
            return new KubeconfigSource(List.of(absolute(explicitFileOrNull)), true, home);
        }
        String list = env.get("KUBECONFIG");
        if (list != null && !list.isEmpty()) {
            // kubectl skips empty entries and loads a repeated file once (a second load could not change the merge)
            Set<Path> files = new LinkedHashSet<>();
            for (String entry : list.split(File.pathSeparator, -1)) {
                if (!entry.isEmpty()) {
                    files.add(absolute(entry));
                }
            }
            return new KubeconfigSource(new ArrayList<>(files), false, home);
        }
        return new KubeconfigSource(List.of(home.resolve(".kube").resolve("config")), false, home);
    }

    /** The path as a user would type it: {@code ~/.kube/config} for files under the home directory. */
    public String display(Path path) {
        if (home != null && path.startsWith(home) && !path.equals(home)) {
            return "~" + File.separator + home.relativize(path);
        }
        return path.toString();
    }

    private static Path absolute(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }
}
