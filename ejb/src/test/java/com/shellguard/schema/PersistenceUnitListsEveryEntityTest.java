package com.shellguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shellguard.user.GatewayUser;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The persistence unit names its classes (exclude-unlisted-classes) so EclipseLink does not read every class of the
 * jar at each deployment: every entity, embeddable and mapped superclass of this module must be listed, and nothing
 * else. One left out would be no entity at all at run time (its queries fail, its table is never written).
 */
class PersistenceUnitListsEveryEntityTest {

    @Test
    void everyMappedClassIsListedAndOnlyThose() throws Exception {
        Set<String> mapped = mappedClasses();
        assertTrue(mapped.size() > 20, "found only " + mapped + ": the scan of the compiled classes looked in the wrong place");
        assertEquals(mapped, listedClasses(), "META-INF/persistence.xml <class> entries and this module's mapped classes differ");
    }

    @Test
    void unlistedClassesAreExcluded() throws Exception {
        NodeList exclude = persistenceXml().getElementsByTagNameNS("*", "exclude-unlisted-classes");
        assertEquals(1, exclude.getLength());
        assertEquals("true", exclude.item(0).getTextContent().trim());
    }

    private static Set<String> mappedClasses() throws Exception {
        Path classes = Path.of(GatewayUser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            Set<String> names = files.map(classes::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> mapped = new TreeSet<>();
            for (String name : names) {
                Class<?> type = Class.forName(name, false, GatewayUser.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)) {
                    mapped.add(name);
                }
            }
            return mapped;
        }
    }

    private static Set<String> listedClasses() throws Exception {
        NodeList classes = persistenceXml().getElementsByTagNameNS("*", "class");
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < classes.getLength(); i++) {
            listed.add(((Element) classes.item(i)).getTextContent().trim());
        }
        return listed;
    }

    private static Document persistenceXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = GatewayUser.class.getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
