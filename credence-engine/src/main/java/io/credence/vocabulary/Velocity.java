package io.credence.vocabulary;

/**
 * How often this device and this customer applied in the same market before this application:
 * the multi-lending signal. Counts exclude the application being decided.
 */
public final class Velocity {
    private final int deviceApplications24h;
    private final int customerApplications30d;

    public Velocity(int deviceApplications24h, int customerApplications30d) {
        this.deviceApplications24h = deviceApplications24h;
        this.customerApplications30d = customerApplications30d;
    }

    public int getDeviceApplications24h() {
        return deviceApplications24h;
    }

    public int getCustomerApplications30d() {
        return customerApplications30d;
    }
}
