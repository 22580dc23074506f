package dev.auroraguard.port;

import dev.auroraguard.domain.QuotaUsage;
import java.util.Optional;

/** Reads RDS account quotas (DescribeAccountAttributes). Throws {@link ServiceCallException} when RDS cannot answer. */
public interface AccountQuotas {

    /** The ManualClusterSnapshots quota and usage, or empty if RDS does not report it. */
    Optional<QuotaUsage> manualClusterSnapshots();
}
