package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterFileTest {
    @TempDir
    Path dir;

    @Test
    void namesWithAndWithoutAliases() throws Exception {
        Path f = Files.writeString(dir.resolve("roster.txt"), """
                # comment
                北京市朝阳区金盏乡人民政府 | 朝阳区金盏乡人民政府, 金盏乡，金盏乡
                北京市朝阳区人民政府

                长春市朝阳区人民政府 |
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(new RosterFile.Line("北京市朝阳区金盏乡人民政府", List.of("朝阳区金盏乡人民政府", "金盏乡")),
                new RosterFile.Line("北京市朝阳区人民政府", List.of()),
                new RosterFile.Line("长春市朝阳区人民政府", List.of())), RosterFile.read(f));
    }

    @Test
    void theExampleRosterReads() throws Exception {
        List<RosterFile.Line> lines = RosterFile.read(Path.of("..", "docs", "roster-example.txt"));
        assertEquals(List.of("朝阳区金盏乡人民政府", "金盏乡"), lines.get(0).aliases());
        assertEquals(5, lines.size());
    }

    @Test
    void aliasesWithoutANameAreAnErrorNamingTheLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.txt"), "北京市朝阳区人民政府\n | 金盏乡\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RosterFile.read(f));
        assertTrue(e.getMessage().contains("bad.txt line 2"), e.getMessage());
    }
}
