package io.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HttpFirewallConfigurationTests {

    /** Spring Security's own patterns (StrictHttpFirewall), which the loop must equal. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsExactlyWhatTheFirewallsPatternsAcceptForEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = "a" + Character.toString(c) + "b";

            assertThat(HttpFirewallConfiguration.printable(text, false))
                    .as("name U+%04X", c)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HttpFirewallConfiguration.printable(text, true))
                    .as("value U+%04X", c)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void readsLoneSurrogatesAndEmptyTextAsThePatternsDo() {
        for (String text : new String[] {"", "\uD800", "x\uDC00y", "\uD83D\uDE00", "Bearer abc", "a\tb", "a\r\nb"}) {
            assertThat(HttpFirewallConfiguration.printable(text, false))
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HttpFirewallConfiguration.printable(text, true))
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
