package dev.auroraguard.aws;

import dev.auroraguard.domain.Cluster;
import dev.auroraguard.domain.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/** Maps RDS model objects to domain records and back. */
final class RdsModel {

    private RdsModel() {
    }

    static Cluster cluster(DBCluster c) {
        return new Cluster(
                c.dbClusterIdentifier().toLowerCase(Locale.ROOT),
                String.valueOf(c.dbClusterArn()),
                String.valueOf(c.status()),
                tags(c.tagList()),
                Boolean.TRUE.equals(c.copyTagsToSnapshot()));
    }

    static Snapshot snapshot(DBClusterSnapshot s) {
        return new Snapshot(
                s.dbClusterSnapshotIdentifier().toLowerCase(Locale.ROOT),
                String.valueOf(s.dbClusterSnapshotArn()),
                String.valueOf(s.dbClusterIdentifier()).toLowerCase(Locale.ROOT),
                String.valueOf(s.status()),
                Optional.ofNullable(s.snapshotCreateTime()),
                tags(s.tagList()));
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag tag : tags) {
                if (tag.key() != null) {
                    map.put(tag.key(), tag.value() == null ? "" : tag.value());
                }
            }
        }
        return map;
    }

    static List<Tag> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
}
