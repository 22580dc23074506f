package dev.auroraguard.aws;

import dev.auroraguard.domain.QuotaUsage;
import dev.auroraguard.port.AccountQuotas;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AccountQuota;

/** {@link AccountQuotas} over RDS DescribeAccountAttributes. */
public final class RdsAccountQuotas implements AccountQuotas {

    private final RdsClient rds;

    public RdsAccountQuotas(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public Optional<QuotaUsage> manualClusterSnapshots() {
        try {
            return rds.describeAccountAttributes().accountQuotas().stream()
                    .filter(q -> QuotaUsage.MANUAL_CLUSTER_SNAPSHOTS.equals(q.accountQuotaName()))
                    .filter(q -> q.max() != null && q.max() > 0 && q.used() != null)
                    .findFirst()
                    .map(RdsAccountQuotas::usage);
        } catch (SdkException e) {
            throw AwsErrors.translate("DescribeAccountAttributes", e);
        }
    }

    private static QuotaUsage usage(AccountQuota quota) {
        return new QuotaUsage(quota.accountQuotaName(), Math.max(0, quota.used()), quota.max());
    }
}
