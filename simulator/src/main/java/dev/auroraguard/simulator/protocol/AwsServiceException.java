package dev.auroraguard.simulator.protocol;

/**
 * A fault answered to the client exactly as the AWS service answers it: the error code and HTTP status
 * come from the service model (for RDS, e.g. {@code DBClusterNotFoundFault} with 404), the message is
 * the service's wording.
 */
public final class AwsServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;
    private final boolean senderFault;

    public AwsServiceException(String code, int httpStatus, boolean senderFault, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    /** A client error with status 400, e.g. {@code InvalidParameterValue}. */
    public static AwsServiceException sender(String code, String message) {
        return new AwsServiceException(code, 400, true, message);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** RDS's {@code <Type>Sender</Type>} versus {@code Receiver}. */
    public boolean senderFault() {
        return senderFault;
    }
}
