package gongkai.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions parsed reports by the {@link AgencyIdentity#stem} of their agency rather than by the name as written, so
 * that "北京市朝阳区金盏乡人民政府" and "朝阳区金盏乡人民政府" reach the same identity task (and its store of names seen).
 */
public final class StemPartitioner implements StreamPartitioner<String, Object> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        if (key == null) {
            return Optional.empty();
        }
        byte[] stem = AgencyIdentity.stem(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(stem)) % numPartitions));
    }
}
