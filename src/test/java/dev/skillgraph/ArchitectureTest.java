package dev.skillgraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which, as allow-lists: dependencies point inward (api and app on the outside, domain and error
 * at the centre), only graph speaks to Neo4j, search and path know neither Neo4j nor HTTP, and no package cycle.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.skillgraph");

    /** What every package may use: the JDK, nullness annotations, logging. */
    private static final List<String> EVERYWHERE = List.of("java..", "org.jspecify..", "org.slf4j..");

    private static final String JACKSON = "com.fasterxml.jackson..";

    /** Each package (with its subpackages), and what else it may use: our packages first, then libraries. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "domain", List.of(JACKSON),
            "error", List.of(),
            "config", List.of("error"),
            "graph", List.of("domain", "error", "org.neo4j.."),
            "seed", List.of("domain", "error", "graph", JACKSON, "com.networknt.schema..", "org.yaml.snakeyaml.."),
            "search",
                    List.of(
                            "domain",
                            "error",
                            "org.apache.lucene..",
                            JACKSON,
                            "dev.langchain4j..",
                            "ai.onnxruntime..",
                            "com.github.benmanes.caffeine..",
                            "org.apache.commons.codec.language.."),
            "path", List.of("domain", "error", JACKSON, "net.fortuna.ical4j.."),
            "projection",
                    List.of(
                            "domain",
                            "error",
                            "graph",
                            "search",
                            "path",
                            "org.apache.lucene.analysis.synonym..",
                            "org.apache.lucene.search.."),
            "api",
                    List.of(
                            "domain",
                            "error",
                            "config",
                            "graph",
                            "seed",
                            "search",
                            "path",
                            "projection",
                            JACKSON,
                            "io.javalin..",
                            "org.eclipse.jetty..",
                            "jakarta.servlet..",
                            "io.micrometer..",
                            "io.modelcontextprotocol..",
                            "reactor..",
                            "io.github.bucket4j..",
                            "com.github.benmanes.caffeine.."));

    @Test
    void eachPackageUsesOnlyWhatItIsAllowedTo() {
        ALLOWED.forEach((pkg, allowed) -> {
            List<String> packages = new ArrayList<>(EVERYWHERE);
            packages.add("dev.skillgraph." + pkg + "..");
            allowed.forEach(a -> packages.add(a.contains(".") ? a : "dev.skillgraph." + a + ".."));
            classes()
                    .that()
                    .resideInAPackage("dev.skillgraph." + pkg + "..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(packages.toArray(String[]::new))
                    .because(pkg + " may use only " + allowed)
                    .check(CLASSES);
        });
    }

    @Test
    void everyPackageHasItsRule() {
        classes()
                .should()
                .resideInAnyPackage(ALLOWED.keySet().stream()
                        .map(pkg -> "dev.skillgraph." + pkg + "..")
                        .toList()
                        .toArray(String[]::new))
                .orShould()
                .resideInAPackage("dev.skillgraph.app..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.skillgraph.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noClassWritesToStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }
}
