package dev.auroraguard.simulator;

/**
 * A service's API request rate limit as a token bucket: {@code burst} requests at once, then
 * {@code perSecond} requests per second sustained. Every operation of the service takes its token from
 * the same bucket.
 *
 * @param burst     the bucket's capacity: requests that may arrive at once when it is full
 * @param perSecond tokens added back per second until the bucket is full again
 */
public record RequestRateLimit(int burst, double perSecond) {

    /**
     * RDS's documented default for each account in each Region: "By default, you can make up to 300
     * requests in a burst and a sustained 12 requests per second", from any source (SDKs, the CLI, the
     * console, third-party tools). The page gives this one default for the RDS API as a whole, no
     * per-action numbers, so every RDS action shares this one bucket.
     * Source: <a href="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-api-throttling.html">Request
     * throttling for the Amazon RDS API</a> (Aurora uses the same RDS API and limits).
     */
    public static final RequestRateLimit RDS_DEFAULT = new RequestRateLimit(300, 12);

    public RequestRateLimit {
        if (burst < 1) {
            throw new IllegalArgumentException("a burst of at least one request, not " + burst);
        }
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a sustained rate above zero, not " + perSecond);
        }
    }

    @Override
    public String toString() {
        return "burst " + burst + ", " + (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond))
                + " requests/s sustained";
    }
}
