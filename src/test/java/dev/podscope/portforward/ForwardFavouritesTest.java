package dev.podscope.portforward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Favourites are kept per context in one JSON file that survives a restart of the app. */
class ForwardFavouritesTest {
    @TempDir
    Path dir;

    @Test
    void favouritesArePerContextAndSurviveANewInstance() throws Exception {
        Path file = dir.resolve("podscope").resolve("forward-favourites.json");
        ForwardFavourites favourites = new ForwardFavourites(file);
        assertThat(favourites.load("prod")).isEmpty();
        var web = new ForwardFavourites.Favourite(ForwardTarget.service("default", "web", "http"), 8080, "127.0.0.1");
        var db = new ForwardFavourites.Favourite(ForwardTarget.pod("data", "redis-0", "6379"), 0, "127.0.0.1");
        favourites.add("prod", web);
        favourites.add("prod", web);
        favourites.add("dev", db);
        ForwardFavourites reopened = new ForwardFavourites(file);
        assertThat(reopened.load("prod")).containsExactly(web);
        assertThat(reopened.load("dev")).containsExactly(db);
        reopened.remove("prod", web);
        assertThat(new ForwardFavourites(file).load("prod")).isEmpty();
        assertThat(Files.readString(file)).contains("\"dev\"").contains("\"redis-0\"").doesNotContain("prod");
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("forward-favourites.json");
        }
    }

    @Test
    void aDamagedFileIsNamedInTheError() throws Exception {
        Path file = dir.resolve("forward-favourites.json");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> new ForwardFavourites(file).load("prod"))
                .hasMessageStartingWith("Cannot read the port-forward favourites in " + file + ": ");
        assertThat(ForwardFavourites.inConfigDirectory().file().toString()).endsWith("podscope/forward-favourites.json");
        assertThat(List.of(ForwardTarget.parse("deployment/web", "ns", "80").kind(),
                ForwardTarget.parse("web-1", "ns", "80").kind(), ForwardTarget.parse("service/web", "ns", "80").kind()))
                .containsExactly(ForwardTarget.Kind.DEPLOYMENT, ForwardTarget.Kind.POD, ForwardTarget.Kind.SERVICE);
    }
}
