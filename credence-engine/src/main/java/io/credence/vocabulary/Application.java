package io.credence.vocabulary;

/** The application itself: what is asked for, where and through which channel. */
public final class Application {
    private final String applicationId;
    private final String market;
    private final String product;
    private final String channel;

    public Application(String applicationId, String market, String product, String channel) {
        this.applicationId = applicationId;
        this.market = market;
        this.product = product;
        this.channel = channel;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public String getMarket() {
        return market;
    }

    public String getProduct() {
        return product;
    }
    /** WEB, APP, PARTNER, BRANCH, or null when the loan system did not say. */
    public String getChannel() {
        return channel;
    }
}
