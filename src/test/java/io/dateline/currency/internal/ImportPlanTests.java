package io.dateline.currency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ImportPlanTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 5, 9);

    @Test
    void backfillsRecentRangesFromTheNinetyDayFileAndOlderOnesFromTheHistory() {
        assertThat(EcbFile.covering(TODAY.minusDays(30), TODAY)).isEqualTo(EcbFile.LAST_90_DAYS);
        assertThat(EcbFile.covering(TODAY.minusDays(85), TODAY)).isEqualTo(EcbFile.LAST_90_DAYS);
        assertThat(EcbFile.covering(TODAY.minusDays(86), TODAY)).isEqualTo(EcbFile.HISTORY);
        assertThat(EcbFile.covering(LocalDate.of(2017, 1, 2), TODAY)).isEqualTo(EcbFile.HISTORY);
    }

    @Test
    void aWeekendIsNoGapButAMissedWeekdayIs() {
        LocalDate friday = LocalDate.of(2025, 5, 2);

        assertThat(CurrencyImporter.missesWeekday(friday, friday.plusDays(3))).isFalse();
        assertThat(CurrencyImporter.missesWeekday(friday, friday.plusDays(1))).isFalse();
        assertThat(CurrencyImporter.missesWeekday(friday, friday.plusDays(4))).isTrue();
        assertThat(CurrencyImporter.missesWeekday(friday.minusDays(1), friday.plusDays(3)))
                .isTrue();
    }
}
