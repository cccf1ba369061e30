package gongkai.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the .doc corpus under {@code src/test/resources/corpus/doc/} was made: each sample written as a .docx with
 * Word's merged cells ({@link GovDocuments#docx}), then saved as Word 97-2003 by LibreOffice, the way agencies'
 * .doc attachments are produced:
 *
 * <pre>
 * java -cp ... gongkai.parse.WordCorpus /tmp/docx
 * soffice --headless --convert-to doc --outdir parser/src/test/resources/corpus/doc /tmp/docx/*.docx
 * </pre>
 *
 * The goldens are the samples' hand-written ones ({@code golden/NAME.expected}): a .doc must read like its text.
 */
final class WordCorpus {
    private WordCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (String name : Samples.NAMES) {
            Files.write(dir.resolve(name + ".docx"), GovDocuments.docx(name));
        }
    }
}
