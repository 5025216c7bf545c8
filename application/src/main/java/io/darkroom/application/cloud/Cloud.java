package io.darkroom.application.cloud;

/**
 * A cloud Darkroom serves, with its credentials in memory. {@code hourlyAdminLimit} is the Admin
 * API allowance per hour; 0 means unlimited. {@code toString} never shows the secret.
 */
public record Cloud(String name, String apiKey, String apiSecret, int hourlyAdminLimit) {
    @Override
    public String toString() {
        return "Cloud[name=" + name + ", apiKey=" + apiKey + ", hourlyAdminLimit=" + hourlyAdminLimit + "]";
    }
}
