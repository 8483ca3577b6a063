package io.credence.vocabulary;

public final class Applicant {
    private final String customerId;
    private final int age;
    private final double monthlyIncome;
    private final String employmentStatus;
    private final Integer employmentMonths;
    private final String residentialStatus;
    private final Integer dependents;
    private final boolean kycVerified;

    public Applicant(
            String customerId,
            int age,
            double monthlyIncome,
            String employmentStatus,
            Integer employmentMonths,
            String residentialStatus,
            Integer dependents,
            boolean kycVerified) {
        this.customerId = customerId;
        this.age = age;
        this.monthlyIncome = monthlyIncome;
        this.employmentStatus = employmentStatus;
        this.employmentMonths = employmentMonths;
        this.residentialStatus = residentialStatus;
        this.dependents = dependents;
        this.kycVerified = kycVerified;
    }

    public String getCustomerId() {
        return customerId;
    }

    public int getAge() {
        return age;
    }

    public double getMonthlyIncome() {
        return monthlyIncome;
    }

    public String getEmploymentStatus() {
        return employmentStatus;
    }
    /** Null when not supplied. */
    public Integer getEmploymentMonths() {
        return employmentMonths;
    }
    /** Null when not supplied. */
    public String getResidentialStatus() {
        return residentialStatus;
    }
    /** Null when not supplied. */
    public Integer getDependents() {
        return dependents;
    }

    public boolean isKycVerified() {
        return kycVerified;
    }
}
