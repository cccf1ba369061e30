package gongkai.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The registry: every class of this package with a {@link RuleSpec}, found on the class path where this package was
 * loaded from (the classes folder or the jar), in the order of their ids. Adding a rule is writing its class; there
 * is no list to keep in step. Fails at start-up rather than run with rules missing.
 */
final class Rules {
    private static final String PACKAGE = Rules.class.getPackageName();
    private static final List<Class<?>> CLASSES = discover();
    static final List<RuleInfo> ALL = CLASSES.stream().map(RuleInfo::of).toList();
    private static final List<IdentityRule> IDENTITY_RULES = instances(IdentityRule.class, PublicationDeadline.DEFAULT);

    private Rules() {
    }

    /** The rules run on each report; a rule that needs the deadlines takes them in its constructor. */
    static List<ReportRule> reportRules(PublicationDeadline deadlines) {
        return instances(ReportRule.class, deadlines);
    }

    static List<ContinuityRule> continuityRules() {
        return instances(ContinuityRule.class, PublicationDeadline.DEFAULT);
    }

    /** The arithmetic rules, whose identities the blank-cell note examines. */
    static List<IdentityRule> identityRules() {
        return IDENTITY_RULES;
    }

    private static <T> List<T> instances(Class<T> type, PublicationDeadline deadlines) {
        List<T> out = new ArrayList<>();
        for (Class<?> c : CLASSES) {
            if (type.isAssignableFrom(c)) {
                out.add(type.cast(create(c, deadlines)));
            }
        }
        return List.copyOf(out);
    }

    private static Object create(Class<?> c, PublicationDeadline deadlines) {
        try {
            try {
                return c.getDeclaredConstructor(PublicationDeadline.class).newInstance(deadlines);
            } catch (NoSuchMethodException e) {
                return c.getDeclaredConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName() + " needs a public constructor taking nothing or the deadlines", e);
        }
    }

    private static List<Class<?>> discover() {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> c = load(name);
            boolean rule = Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
            if (rule != c.isAnnotationPresent(RuleSpec.class)) {
                // A rule without its entry would silently never run; an entry without a rule would list nothing real.
                throw new IllegalStateException(c.getName() + (rule ? " is a rule without a @RuleSpec" : " has a @RuleSpec but is no rule"));
            }
            if (rule) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(c -> RuleInfo.of(c).id()));
        Set<String> ids = new HashSet<>();
        for (Class<?> c : found) {
            if (!ids.add(RuleInfo.of(c).id())) {
                throw new IllegalStateException("Two rules declare " + RuleInfo.of(c).id() + ", one is " + c.getName());
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No rule classes found in " + PACKAGE);
        }
        return List.copyOf(found);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Rules.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Listed but not loadable: " + name, e);
        }
    }

    /** Top-level classes of this package, from a classes folder or a jar. */
    private static List<String> classNames() {
        String folder = PACKAGE.replace('.', '/');
        try {
            Path root = Path.of(Rules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> files;
            if (Files.isDirectory(root)) {
                try (Stream<Path> list = Files.list(root.resolve(folder))) {
                    files = list.map(p -> folder + "/" + p.getFileName()).toList();
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    files = jar.stream().map(e -> e.getName()).toList();
                }
            }
            return files.stream().filter(f -> f.startsWith(folder + "/") && f.endsWith(".class") && !f.contains("$")
                            && f.indexOf('/', folder.length() + 1) < 0)
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the rule classes of " + PACKAGE, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the rule classes of " + PACKAGE, e);
        }
    }
}
