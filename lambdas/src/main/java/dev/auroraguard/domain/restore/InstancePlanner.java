package dev.auroraguard.domain.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans the instances of a restored cluster from the source's: the writer's class, parameter group and
 * promotion tier, and readers as the {@link ReaderPolicy} says. An instance class override (for a cheaper
 * investigation copy, or a source without instances) replaces every class.
 */
public final class InstancePlanner {

    private InstancePlanner() {
    }

    /** The plan, or why there can be none. */
    public sealed interface Result {
    }

    public record Planned(List<PlannedInstance> instances) implements Result {
        public Planned {
            instances = List.copyOf(instances);
        }
    }

    public record Impossible(String reason) implements Result {
    }

    /**
     * @param source          the source cluster (its members say which instance is the writer)
     * @param sourceInstances the source's instances (DescribeDBInstances)
     * @param readers         how many readers to add
     * @param classOverride   an instance class for every instance, if configured
     */
    public static Result plan(ClusterDetails source, List<DbInstance> sourceInstances, ReaderPolicy readers,
                              Optional<String> classOverride) {
        Map<String, DbInstance> byId = sourceInstances.stream().collect(Collectors.toMap(DbInstance::id, Function.identity(), (a, b) -> a));
        Optional<DbInstance> writer = source.writerInstance().map(byId::get);
        if (writer.isEmpty() && classOverride.isEmpty()) {
            return new Impossible("source cluster " + source.id() + " has no writer instance to copy the instance class from;"
                    + " set RESTORE_INSTANCE_CLASS (e.g. db.r6g.large) to restore it");
        }
        String writerClass = classOverride.orElseGet(() -> writer.get().instanceClass());
        Optional<String> writerGroup = writer.flatMap(DbInstance::parameterGroup);
        List<PlannedInstance> plan = new ArrayList<>();
        plan.add(new PlannedInstance(1, writerClass, writerGroup, writer.map(DbInstance::promotionTier).orElse(1)));
        if (readers instanceof ReaderPolicy.SameAsSource) {
            for (ClusterDetails.Member member : source.members()) {
                DbInstance reader = byId.get(member.instanceId());
                if (member.writer() || reader == null) {
                    continue;
                }
                plan.add(new PlannedInstance(plan.size() + 1, classOverride.orElse(reader.instanceClass()), reader.parameterGroup(),
                        reader.promotionTier()));
            }
        } else if (readers instanceof ReaderPolicy.Count count) {
            for (int i = 0; i < count.readers(); i++) {
                plan.add(new PlannedInstance(plan.size() + 1, writerClass, writerGroup, writer.map(DbInstance::promotionTier).orElse(1)));
            }
        }
        return new Planned(plan);
    }
}
