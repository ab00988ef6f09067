package io.dateline.platform;

/** A setting that every instance must share was left to a per-process default. */
class UnsharedSettingException extends RuntimeException {

    private final String property;

    UnsharedSettingException(String property, String why) {
        super(property + " must be set explicitly: " + why);
        this.property = property;
    }

    String property() {
        return property;
    }
}
