package jp.systemgear.ec.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths into the repository, found from the Maven multi-module root (or the working directory). */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("helm/system-gear-ec");
    static final Path K8S = ROOT.resolve("k8s");

    private Repo() {
    }

    /** The chart's ci/ values files: each is one supported variant and must render and validate. */
    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no values files in " + CHART.resolve("ci"));
            }
            return list;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        String configured = System.getProperty("repo.root");
        Path start = configured != null && !configured.isBlank() && !configured.startsWith("${")
                ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("helm/system-gear-ec")) && Files.isRegularFile(p.resolve("platform"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + start);
    }
}
